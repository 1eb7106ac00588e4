import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { setupHoldableFastGPT } from '../../test-setup/hook-test-helpers';
import { ChatWindow } from './chat-window';
import { ChatWindowSuggestions } from './suggested-questions';

function renderWithSuggestions(prepare?: (setup: ReturnType<typeof setupHoldableFastGPT>) => void) {
  const setup = setupHoldableFastGPT(/createQuestionGuide/, { fake: { tokenDelayMs: 2 } });
  prepare?.(setup);
  const user = userEvent.setup();
  const view = render(
    <ChatWindow.Root>
      <ChatWindow.Messages footer={<ChatWindowSuggestions className="mine" />} />
      <ChatWindow.Composer />
    </ChatWindow.Root>,
    { wrapper: setup.wrapper },
  );
  const requestsTo = (path: string) => setup.fake.requests.filter((r) => r.path.endsWith(path));
  return { ...setup, user, view, requestsTo };
}

const composer = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
const suggestions = () => screen.queryByRole('group', { name: 'Suggested questions' });
const messagesOf = (role: 'user' | 'assistant') =>
  Array.from(screen.getByRole('log').querySelectorAll<HTMLElement>(`[data-role="${role}"]`));
const waitForReplies = (count: number) =>
  waitFor(
    () => {
      expect(messagesOf('assistant')).toHaveLength(count);
      expect(messagesOf('assistant').at(-1)).toHaveAttribute('data-status', 'done');
    },
    { timeout: 5_000 },
  );

// Suggestions are optional: a failure must never surface as an unhandled rejection.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('ChatWindowSuggestions', () => {
  it('shows placeholder chips while loading, then the questions; a click sends one', async () => {
    const { user, hold, requestsTo } = renderWithSuggestions();
    expect(suggestions()).toBeNull();
    const release = hold();
    await user.type(composer(), 'how do I depoy{Enter}');
    await waitForReplies(1);

    const loading = await screen.findByRole('group', { name: 'Suggested questions' });
    expect(loading).toHaveAttribute('aria-busy', 'true');
    expect(loading).toHaveClass('fgk-suggestions', 'mine');
    expect(loading).toHaveTextContent('Loading suggested questions…');
    expect(within(loading).queryAllByRole('button')).toHaveLength(0);
    release();

    const chips = await waitFor(() => {
      const group = suggestions();
      expect(group).not.toHaveAttribute('aria-busy');
      return within(group as HTMLElement).getAllByRole('button');
    });
    expect(chips.map((chip) => chip.textContent)).toEqual([
      '能再详细讲讲「how do I dep」吗？',
      '「how do I dep」有哪些实际例子？',
      '关于「how do I dep」还需要注意什么？',
    ]);
    expect(requestsTo('createQuestionGuide')).toHaveLength(1);

    await user.click(chips[1] as HTMLElement);
    // Sent: a new question, and the chips of the earlier reply are gone for good.
    await waitFor(() => expect(messagesOf('user')).toHaveLength(2));
    expect(messagesOf('user')[1]).toHaveTextContent('「how do I dep」有哪些实际例子？');
    expect(suggestions()).toBeNull();
    await waitForReplies(2);
    await waitFor(() => expect(suggestions()).not.toBeNull());
    await waitFor(() =>
      expect(within(suggestions() as HTMLElement).getAllByRole('button')[0]).toHaveTextContent(
        '能再详细讲讲「「how do I de」吗？',
      ),
    );
    const last = requestsTo('/chat/completions').at(-1)?.body as { messages: Array<{ content: unknown }> };
    expect(last.messages.at(-1)?.content).toBe('「how do I dep」有哪些实际例子？');
    expect(requestsTo('createQuestionGuide')).toHaveLength(2);
  });

  it('hides while a reply runs and never shows a stale reply’s questions', async () => {
    const { user, hold } = renderWithSuggestions();
    await user.type(composer(), 'first question{Enter}');
    await waitForReplies(1);
    await waitFor(() => expect(suggestions()).not.toBeNull());
    expect(suggestions()).not.toHaveAttribute('aria-busy');

    // Questions for the second reply are held back; the first reply's must not stand in for them.
    const release = hold();
    await user.type(composer(), 'a slow story{Enter}');
    expect(suggestions()).toBeNull();
    await waitFor(() => expect(messagesOf('assistant').at(-1)).toHaveAttribute('data-status', 'streaming'));
    expect(suggestions()).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(messagesOf('assistant').at(-1)).toHaveAttribute('data-status', 'stopped'));
    // A stopped reply gets no suggestions.
    expect(suggestions()).toBeNull();
    release();
  });

  it('shows nothing when the app’s question guide is off', async () => {
    const { user, requestsTo } = renderWithSuggestions(({ fake, appId }) => {
      const app = fake.state.apps.get(appId);
      if (!app) throw new Error('seeded app');
      app.chatConfig.questionGuide = { open: false };
    });
    await user.type(composer(), 'hello there{Enter}');
    await waitForReplies(1);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    expect(suggestions()).toBeNull();
    expect(requestsTo('createQuestionGuide')).toHaveLength(0);
  });

  it('shows nothing when the questions cannot be fetched', async () => {
    const { user, fake, requestsTo } = renderWithSuggestions();
    fake.injectFault({ path: 'createQuestionGuide', kind: 'status', status: 500 });
    await user.type(composer(), 'hello there{Enter}');
    await waitForReplies(1);
    await waitFor(() => expect(requestsTo('createQuestionGuide')).toHaveLength(1));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    expect(suggestions()).toBeNull();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(unhandled).toEqual([]);
  });

  it('has no axe violations while loading and with the chips shown', async () => {
    const { user, hold, view } = renderWithSuggestions();
    const release = hold();
    await user.type(composer(), 'hello there{Enter}');
    await waitForReplies(1);
    await screen.findByRole('group', { name: 'Suggested questions' });
    await expectNoAxeViolations(view.container);
    release();
    await waitFor(() => expect(within(suggestions() as HTMLElement).getAllByRole('button')).toHaveLength(3));
    await expectNoAxeViolations(view.container);
  });
});
