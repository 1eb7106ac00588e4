import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ChatLogItem } from '../../client/types';
import { analyticsEn } from '../../i18n/analytics-en';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { DEFAULT_FAKE_CREDENTIALS } from '../../testing';
import { ConversationDrawer } from './conversation-drawer.lazy';

const DAY = 86_400_000;
// A fixed clock: the seeded log is generated back from "now", so the chat these tests pick must not depend
// on the hour they run at.
const NOW = Date.UTC(2026, 10, 20, 4, 0, 0);

// The log list takes a session token only (≤ 4.14); the records routes take it too. The token's member is
// the team's owner, who owns the share-link and API chats of the seeded log.
async function setupLog() {
  const setup = setupFastGPT({
    fake: { analytics: { chats: 20 }, now: () => NOW },
    client: { apiKey: undefined, token: DEFAULT_FAKE_CREDENTIALS.userToken },
  });
  const page = await setup.clients.app.getChatLogs({
    dateStart: new Date(NOW - 40 * DAY),
    dateEnd: new Date(NOW + DAY),
    pageSize: 100,
  });
  const own = page.list.filter((row) => row.tmbId === DEFAULT_FAKE_CREDENTIALS.tmbId);
  const rated = own.find(
    (row) => (row.userGoodFeedbackCount ?? 0) + (row.userBadFeedbackCount ?? 0) > 0 && !row.customTitle,
  );
  if (!rated) throw new Error('the seeded log has no rated chat of the token’s member');
  return { ...setup, rated };
}

function LogRows({ rows }: { rows: ChatLogItem[] }) {
  const [open, setOpen] = useState<ChatLogItem>();
  return (
    <>
      <ul>
        {rows.map((row) => (
          <li key={row.chatId}>
            <button type="button" onClick={() => setOpen(row)}>
              Open {row.chatId}
            </button>
          </li>
        ))}
      </ul>
      <ConversationDrawer row={open} onClose={() => setOpen(undefined)} />
    </>
  );
}

const answers = (dialog: HTMLElement) =>
  Array.from(
    dialog.querySelectorAll<HTMLElement>('[data-slot="chat-window-message"][data-role="assistant"]'),
  );

async function openDrawer(row: ChatLogItem, wrapper: ReturnType<typeof setupFastGPT>['wrapper']) {
  const user = userEvent.setup();
  const view = render(<LogRows rows={[row]} />, { wrapper });
  const opener = screen.getByRole('button', { name: `Open ${row.chatId}` });
  await user.click(opener);
  const dialog = screen.getByRole('dialog', { name: row.title as string });
  return { user, view, opener, dialog };
}

describe('ConversationDrawer', () => {
  it('opens as a labelled modal with the row’s figures and its chat records, read only', async () => {
    const { wrapper, rated, fake } = await setupLog();
    const { dialog, view } = await openDrawer(rated, wrapper);

    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const facts = Object.fromEntries(
      Array.from(dialog.querySelectorAll('[data-slot="conversation-drawer-facts"] > div')).map((pair) => [
        pair.querySelector('dt')?.textContent,
        pair.querySelector('dd')?.textContent,
      ]),
    );
    expect(facts).toMatchObject({
      Source: rated.sourceName || analyticsEn.sources[rated.source as keyof typeof analyticsEn.sources],
      Messages: String(rated.messageCount),
      Feedback: `${rated.userGoodFeedbackCount} good · ${rated.userBadFeedbackCount} bad`,
      Errors: String(rated.errorCount),
      Points: (rated.totalPoints ?? 0).toFixed(2),
      'Avg. response time': `${(rated.averageResponseTime ?? 0).toFixed(2)} s`,
    });
    expect(Object.keys(facts)).toEqual([
      'Source',
      'User',
      'Created',
      'Last message',
      'Messages',
      'Feedback',
      'Errors',
      'Points',
      'Avg. response time',
    ]);

    const chat = fake.state.chats.get(rated.chatId);
    const shown = chat?.items.filter((item) => item.obj === 'AI') ?? [];
    await waitFor(() => expect(answers(dialog)).toHaveLength(Math.min(shown.length, 10)));
    const lastAnswer = shown.at(-1);
    expect(answers(dialog).at(-1)?.textContent).toContain(
      lastAnswer?.value[0]?.type === 'text' ? lastAnswer.value[0].text.content.slice(0, 12) : '',
    );
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    for (const name of [/good answer/i, /bad answer/i, /^edit$/i, /^delete$/i, /^regenerate$/i]) {
      expect(within(dialog).queryByRole('button', { name })).toBeNull();
    }
    await waitFor(() =>
      expect(within(dialog).getAllByRole('button', { name: 'Copy' }).length).toBeGreaterThan(0),
    );
    await expectNoAxeViolations(view.container);
  });

  it('shows a stored answer’s feedback badge and opens its run details', async () => {
    const { wrapper, rated, fake } = await setupLog();
    const { dialog, user } = await openDrawer(rated, wrapper);
    // The newest rated answer: it is on the first page the drawer loads.
    const item = fake.state.chats
      .get(rated.chatId)
      ?.items.findLast((i) => i.obj === 'AI' && (i.userGoodFeedback || i.userBadFeedback));
    if (!item) throw new Error('no rated answer');

    const badges = await within(dialog).findAllByText(/^Rated (good|bad)$/);
    const badge = badges.at(-1) as HTMLElement;
    expect(badge).toHaveTextContent(item.userGoodFeedback ? 'Rated good' : 'Rated bad');
    const reply = badge.closest<HTMLElement>('[data-slot="chat-window-message"]') as HTMLElement;
    if (item.userBadFeedback && item.userBadFeedback !== 'yes') {
      expect(reply).toHaveTextContent(`Reason: ${item.userBadFeedback}`);
    }

    await user.click(within(reply).getByRole('button', { name: /^Run details/ }));
    const nodes = await within(reply).findByRole('list', { name: 'Workflow nodes' });
    const names = within(nodes)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.fgk-run-node-name')?.textContent);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toContain(item.responseData?.find((r) => r.moduleType === 'chatNode')?.moduleName);
  });

  it('traps focus, closes on Escape and returns focus to the row that opened it', async () => {
    const { wrapper, rated } = await setupLog();
    const { dialog, user, opener } = await openDrawer(rated, wrapper);
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await waitFor(() => expect(answers(dialog).length).toBeGreaterThan(0));

    await user.tab({ shift: true });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(close).not.toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    for (let step = 0; step < 25; step++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('closes on Close and on a click beside the sheet, focus back on the row each time', async () => {
    const { wrapper, rated } = await setupLog();
    const { dialog, user, opener } = await openDrawer(rated, wrapper);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();

    await user.click(opener);
    expect(screen.getByRole('dialog')).toBeVisible();
    await user.click(
      document.querySelector('[data-slot="conversation-drawer"] > [aria-hidden="true"]') as Element,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });
});
