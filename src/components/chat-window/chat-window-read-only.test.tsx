import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { seedFakeChat } from '../../test-setup/hook-test-helpers';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

function seedRatedChat(fake: ReturnType<typeof setupFastGPT>['fake']) {
  const chat = seedFakeChat(fake, { chatId: 'c1', turns: 3 });
  const [, first, , second, , third] = chat.items;
  if (!first || !second || !third) throw new Error('not seeded');
  first.userGoodFeedback = 'yes';
  second.userBadFeedback = 'Quoted last year’s prices';
  second.customFeedbacks = ['Price table outdated', 'Escalate to sales'];
  // The end user deleted the last answer; the log view still shows it.
  third.deleteTime = Date.now();
  return chat;
}

const messageRows = () =>
  Array.from(document.querySelectorAll<HTMLElement>('[data-slot="chat-window-message"]'));
const toolbarOf = (row: HTMLElement) => within(row).findByRole('group', { name: 'Message actions' });

describe('ChatWindow readOnly', () => {
  it('shows the stored thread with deleted messages, no composer, suggestions or history, and sends nothing', async () => {
    const { fake, wrapper } = setupFastGPT();
    seedRatedChat(fake);
    const view = render(<ChatWindow chatId="c1" readOnly showHistory />, { wrapper });

    await waitFor(() => expect(messageRows()).toHaveLength(6));
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    // showHistory is ignored: the sidebar's layout (rendered at once, its list loaded lazily) is absent.
    expect(document.querySelector('[data-slot="chat-window-history-layout"]')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Suggested questions' })).toBeNull();
    const last = messageRows()[5] as HTMLElement;
    expect(last).toHaveTextContent('answer 3');
    expect(within(last).getByText('Deleted by the user')).toBeVisible();

    const records = fake.requests.filter((r) => r.path.endsWith('getPaginationRecords'));
    expect(records.at(-1)?.body).toMatchObject({
      chatId: 'c1',
      includeDeleted: true,
      loadCustomFeedbacks: true,
    });
    expect(fake.requests.some((r) => /completions|createQuestionGuide/.test(r.path))).toBe(false);
    await expectNoAxeViolations(view.container);
  });

  it('keeps Copy in every toolbar and drops rating, regenerate, edit and delete', async () => {
    const { fake, wrapper } = setupFastGPT();
    seedRatedChat(fake);
    render(<ChatWindow chatId="c1" readOnly />, { wrapper });
    await waitFor(() => expect(messageRows()).toHaveLength(6));

    for (const row of messageRows()) {
      const toolbar = await toolbarOf(row);
      expect(
        within(toolbar)
          .getAllByRole('button')
          .map((b) => b.getAttribute('aria-label')),
      ).toEqual(['Copy']);
    }
  });

  it('shows the user’s rating, reason and custom feedback as text, not as buttons', async () => {
    const { fake, wrapper } = setupFastGPT();
    seedRatedChat(fake);
    render(<ChatWindow chatId="c1" readOnly />, { wrapper });
    await waitFor(() => expect(messageRows()).toHaveLength(6));
    const [, good, , bad] = messageRows() as HTMLElement[];
    if (!good || !bad) throw new Error('rows missing');

    const goodBadge = await within(good).findByText('Rated good');
    expect(goodBadge.closest('[data-rating]')).toHaveAttribute('data-rating', 'good');
    const badBadge = await within(bad).findByText('Rated bad');
    expect(badBadge.closest('[data-rating]')).toHaveTextContent('Reason: Quoted last year’s prices');
    const custom = within(bad)
      .getByText('Custom feedback')
      .closest('[data-slot="chat-window-custom-feedback"]');
    expect(
      within(custom as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Price table outdated', 'Escalate to sales']);
    expect(within(bad).queryByRole('button', { name: /good answer|bad answer/i })).toBeNull();
  });

  it('opens a stored answer’s run details', async () => {
    const { fake, wrapper } = setupFastGPT();
    const chat = seedRatedChat(fake);
    const answer = chat.items[1];
    if (!answer) throw new Error('not seeded');
    answer.responseData = [
      { moduleName: 'AI 对话', moduleType: 'chatNode', runningTime: 1, totalPoints: 0.01 },
    ];
    const user = userEvent.setup();
    render(<ChatWindow chatId="c1" readOnly />, { wrapper });
    await waitFor(() => expect(messageRows()).toHaveLength(6));
    const reply = messageRows()[1] as HTMLElement;
    await user.click(within(reply).getByRole('button', { name: /^Run details/ }));
    const list = await within(reply).findByRole('list', { name: 'Workflow nodes' });
    expect(list).toHaveTextContent('AI 对话');
  });

  it('says so when the chat has no messages, instead of the welcome form', async () => {
    const { fake, wrapper } = setupFastGPT();
    seedFakeChat(fake, { chatId: 'empty', turns: 0 });
    render(<ChatWindow chatId="empty" readOnly />, { wrapper });
    expect(await screen.findByText('This conversation has no messages.')).toBeVisible();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
