import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { type SeedChatOptions, seedFakeChat, setupHoldableFastGPT } from '../../test-setup/hook-test-helpers';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import type { FakeFastGPT } from '../../testing';
import { ChatWindow, type ChatWindowProps } from './chat-window';

const MINUTE = 60_000;

/** Seeds chats (newest last in the list given = oldest activity first) and renders the window with history. */
function renderWithHistory(
  chats: SeedChatOptions[],
  props: ChatWindowProps = {},
  prepare?: (fake: FakeFastGPT) => void,
) {
  const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
  for (const chat of chats) seedFakeChat(setup.fake, chat);
  prepare?.(setup.fake);
  const user = userEvent.setup();
  const view = render(<ChatWindow showHistory historyMode="sidebar" {...props} />, {
    wrapper: setup.wrapper,
  });
  const requestsTo = (route: string) => setup.fake.requests.filter((r) => r.path.endsWith(route));
  return { ...setup, user, view, requestsTo };
}

const nav = () => screen.getByRole('navigation', { name: 'Conversations' });
const titles = () =>
  Array.from(nav().querySelectorAll('.fgk-history-title')).map((element) => element.textContent);
const chatButton = (title: string) =>
  within(nav()).getByRole('button', { name: new RegExp(`^${title}( |$)`) });
// The sidebar's code loads on first use: the nav is replaced once, so look it up again on every try.
const findChatButton = (title: string) => waitFor(() => chatButton(title));
const log = () => screen.getByRole('log');
const composer = () => screen.getByRole('textbox', { name: 'Message' });

const now = Date.now();
const alpha: SeedChatOptions = {
  chatId: 'chat-alpha',
  title: 'Alpha',
  updateTime: now - 3 * MINUTE,
  turns: 1,
};
const beta: SeedChatOptions = { chatId: 'chat-beta', title: 'Beta', updateTime: now - MINUTE, turns: 2 };
const pinned: SeedChatOptions = {
  chatId: 'chat-pinned',
  title: 'Pinned one',
  top: true,
  updateTime: now - 60 * MINUTE,
};

describe('ChatWindow.History', () => {
  describe('loading', () => {
    it('shows skeleton rows first, then the chats with the pinned ones first in their own group', async () => {
      const { view } = renderWithHistory([alpha, beta, pinned]);
      expect(view.container.querySelector('[data-slot="chat-window-history-skeleton"]')).toBeInTheDocument();
      expect(within(nav()).getByRole('status')).toHaveTextContent('Loading conversations…');

      await findChatButton('Alpha');
      expect(view.container.querySelector('[data-slot="chat-window-history-skeleton"]')).toBeNull();
      expect(titles()).toEqual(['Pinned one', 'Beta', 'Alpha']);
      const pinnedList = within(nav()).getByRole('list', { name: 'Pinned' });
      expect(within(pinnedList).getByRole('button', { name: /^Pinned one/ })).toBeInTheDocument();
      expect(within(pinnedList).queryByRole('button', { name: /^Beta/ })).toBeNull();
      expect(within(nav()).getByRole('list', { name: 'Recent' })).toHaveTextContent('Beta');
      expect(within(nav()).getByRole('button', { name: 'Unpin Pinned one' })).toBeInTheDocument();
    });

    it('says so when there are no chats, and offers no Clear all', async () => {
      renderWithHistory([]);
      expect(await within(nav()).findByText('No conversations yet')).toBeInTheDocument();
      expect(within(nav()).queryByRole('button', { name: 'Clear all' })).toBeNull();
    });

    it('shows the error with Retry, which loads the list', async () => {
      const { user } = renderWithHistory([alpha], {}, (fake) =>
        fake.injectFault({ kind: 'status', status: 500, path: 'getHistories' }),
      );
      const alert = await within(nav()).findByRole('alert');
      expect(alert).toHaveTextContent(/^Could not load conversations: \S/);
      expect(within(nav()).queryByText('No conversations yet')).toBeNull();

      await user.click(within(alert).getByRole('button', { name: 'Retry' }));
      await findChatButton('Alpha');
      expect(within(nav()).queryByRole('alert')).toBeNull();
    });

    it('loads the next page with Load more until every chat is there', async () => {
      const chats = Array.from({ length: 7 }, (_, n) => ({
        chatId: `chat-${n}`,
        title: `Chat ${n}`,
        updateTime: now - n * MINUTE,
      }));
      const { user, requestsTo } = renderWithHistory(chats, { historyProps: { pageSize: 5 } });
      await findChatButton('Chat 4');
      expect(titles()).toHaveLength(5);

      await user.click(within(nav()).getByRole('button', { name: 'Load more' }));
      await findChatButton('Chat 6');
      expect(titles()).toEqual(chats.map((c) => c.title));
      expect(within(nav()).queryByRole('button', { name: 'Load more' })).toBeNull();
      expect(requestsTo('/getHistories').map((r) => (r.body as { offset: number }).offset)).toEqual([0, 5]);
    });
  });

  describe('infinite loading', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('loads the next page by itself when the end of the list scrolls into view', async () => {
      const observed: Element[] = [];
      // jsdom has no IntersectionObserver: this one reports every observed element as visible at once.
      class VisibleObserver {
        constructor(private readonly callback: IntersectionObserverCallback) {}
        observe(element: Element) {
          observed.push(element);
          const entry = { isIntersecting: true, target: element } as IntersectionObserverEntry;
          queueMicrotask(() => this.callback([entry], this as unknown as IntersectionObserver));
        }
        disconnect() {}
        unobserve() {}
        takeRecords() {
          return [];
        }
      }
      vi.stubGlobal('IntersectionObserver', VisibleObserver);
      const chats = Array.from({ length: 7 }, (_, n) => ({
        chatId: `chat-${n}`,
        title: `Chat ${n}`,
        updateTime: now - n * MINUTE,
      }));
      const { requestsTo } = renderWithHistory(chats, { historyProps: { pageSize: 5 } });
      await findChatButton('Chat 6');
      expect(titles()).toEqual(chats.map((c) => c.title));
      expect(observed.every((element) => element.classList.contains('fgk-history-sentinel'))).toBe(true);
      expect(requestsTo('/getHistories').map((r) => (r.body as { offset: number }).offset)).toEqual([0, 5]);
    });
  });

  describe('opening chats', () => {
    it('opens a chat with its records and marks it current; New chat empties the window', async () => {
      const { user } = renderWithHistory([alpha, beta]);
      await user.click(await findChatButton('Beta'));

      await waitFor(() => expect(log()).toHaveTextContent('answer 2'));
      expect(log()).toHaveTextContent('question 1');
      expect(chatButton('Beta')).toHaveAttribute('aria-current', 'page');
      expect(chatButton('Alpha')).not.toHaveAttribute('aria-current');

      await user.click(within(nav()).getByRole('button', { name: 'New chat' }));
      await waitFor(() => expect(log()).not.toHaveTextContent('question 1'));
      expect(log().querySelectorAll('[data-role]')).toHaveLength(0);
      expect(chatButton('Beta')).not.toHaveAttribute('aria-current');
    });

    it('puts a new conversation on top, current, once its first reply ends', async () => {
      const { user } = renderWithHistory([alpha, pinned]);
      await findChatButton('Alpha');
      await user.type(composer(), 'hello there');
      await user.keyboard('{Enter}');

      await findChatButton('hello there');
      await waitFor(() =>
        expect(log().querySelector('[data-role="assistant"]')).toHaveAttribute('data-status', 'done'),
      );
      expect(titles()).toEqual(['Pinned one', 'hello there', 'Alpha']);
      expect(chatButton('hello there')).toHaveAttribute('aria-current', 'page');
    });
  });

  describe('rename', () => {
    it('saves on Enter: the list and FastGPT have the new title, and the focus is back on the chat', async () => {
      const { user, fake } = renderWithHistory([alpha, beta]);
      await user.click(await within(nav()).findByRole('button', { name: 'Rename Alpha' }));
      const input = within(nav()).getByRole('textbox', { name: 'New title for Alpha' });
      expect(input).toHaveFocus();
      expect(input).toHaveValue('Alpha');

      await user.clear(input);
      await user.type(input, 'Trip plans{Enter}');
      expect(await findChatButton('Trip plans')).toHaveFocus();
      await waitFor(() => expect(fake.state.chats.get('chat-alpha')?.customTitle).toBe('Trip plans'));
      // FastGPT bumps updateTime on every update, so the renamed chat leads the list.
      expect(titles()).toEqual(['Trip plans', 'Beta']);
    });

    it('cancels on Esc, and Enter that confirms an IME candidate does not save', async () => {
      const { user, requestsTo } = renderWithHistory([alpha]);
      await user.click(await within(nav()).findByRole('button', { name: 'Rename Alpha' }));
      let input = within(nav()).getByRole('textbox', { name: 'New title for Alpha' });
      await user.type(input, ' draft');
      await user.keyboard('{Escape}');
      expect(within(nav()).queryByRole('textbox')).toBeNull();
      expect(chatButton('Alpha')).toHaveFocus();

      await user.click(within(nav()).getByRole('button', { name: 'Rename Alpha' }));
      input = within(nav()).getByRole('textbox', { name: 'New title for Alpha' });
      await user.clear(input);
      await user.type(input, '旅行');
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', isComposing: true });
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 229 });
      expect(input).toBeInTheDocument();
      expect(input).toHaveValue('旅行');
      expect(requestsTo('/updateHistory')).toHaveLength(0);

      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
      await findChatButton('旅行');
      expect(requestsTo('/updateHistory')).toHaveLength(1);
    });

    it('an empty title restores the automatic one', async () => {
      const { user, fake } = renderWithHistory([{ ...alpha, customTitle: 'My name' }]);
      await user.click(await within(nav()).findByRole('button', { name: 'Rename My name' }));
      await user.clear(within(nav()).getByRole('textbox', { name: 'New title for My name' }));
      await user.keyboard('{Enter}');
      await findChatButton('Alpha');
      await waitFor(() => expect(fake.state.chats.get('chat-alpha')?.customTitle).toBe(''));
    });

    it('a rename FastGPT refuses is undone and explained', async () => {
      const { user, fake } = renderWithHistory([alpha], {}, (f) =>
        f.injectFault({ kind: 'status', status: 500, path: 'updateHistory' }),
      );
      await user.click(await within(nav()).findByRole('button', { name: 'Rename Alpha' }));
      const input = within(nav()).getByRole('textbox', { name: 'New title for Alpha' });
      await user.clear(input);
      await user.type(input, 'Nope{Enter}');

      const alert = await within(nav()).findByRole('alert');
      expect(alert).toHaveTextContent(/^Could not rename the conversation: \S/);
      await findChatButton('Alpha');
      expect(within(nav()).queryByRole('button', { name: /^Nope/ })).toBeNull();
      expect(fake.state.chats.get('chat-alpha')?.customTitle).toBe('');

      await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
      expect(within(nav()).queryByRole('alert')).toBeNull();
    });
  });

  describe('pin, delete, clear', () => {
    it('pinning moves the chat to the top, in the pinned group', async () => {
      const { user, fake } = renderWithHistory([alpha, beta]);
      await user.click(await within(nav()).findByRole('button', { name: 'Pin Alpha' }));
      await waitFor(() => expect(titles()).toEqual(['Alpha', 'Beta']));
      expect(within(nav()).getByRole('list', { name: 'Pinned' })).toHaveTextContent('Alpha');
      expect(within(nav()).getByRole('button', { name: 'Unpin Alpha' })).toHaveFocus();
      await waitFor(() => expect(fake.state.chats.get('chat-alpha')?.top).toBe(true));
    });

    it('asks before deleting; Cancel keeps the chat, Delete removes it', async () => {
      const { user, fake, requestsTo } = renderWithHistory([alpha, beta]);
      await user.click(await within(nav()).findByRole('button', { name: 'Delete Alpha' }));
      const question = within(nav()).getByRole('group', { name: 'Delete “Alpha”?' });
      expect(within(question).getByRole('button', { name: 'Cancel' })).toHaveFocus();
      await user.click(within(question).getByRole('button', { name: 'Cancel' }));
      expect(chatButton('Alpha')).toBeInTheDocument();
      expect(requestsTo('/delHistory')).toHaveLength(0);

      await user.click(within(nav()).getByRole('button', { name: 'Delete Alpha' }));
      await user.click(
        within(within(nav()).getByRole('group', { name: 'Delete “Alpha”?' })).getByRole('button', {
          name: 'Delete',
        }),
      );
      await waitFor(() => expect(titles()).toEqual(['Beta']));
      await waitFor(() => expect(fake.state.chats.get('chat-alpha')?.deleteTime).toBeDefined());
    });

    it('deleting the open chat starts a new chat', async () => {
      const { user } = renderWithHistory([alpha, beta]);
      await user.click(await findChatButton('Beta'));
      await waitFor(() => expect(log()).toHaveTextContent('answer 2'));

      await user.click(within(nav()).getByRole('button', { name: 'Delete Beta' }));
      await user.click(within(nav()).getByRole('button', { name: 'Delete' }));
      await waitFor(() => expect(titles()).toEqual(['Alpha']));
      expect(log()).not.toHaveTextContent('answer 2');
      expect(log().querySelectorAll('[data-role]')).toHaveLength(0);
      expect(chatButton('Alpha')).not.toHaveAttribute('aria-current');
    });

    it('deleting the open chat while it replies waits for the stop, so FastGPT cannot bring it back', async () => {
      const setup = setupHoldableFastGPT(/\/chat\/stop/, { fake: { tokenDelayMs: 20 } });
      seedFakeChat(setup.fake, alpha);
      seedFakeChat(setup.fake, beta);
      const user = userEvent.setup();
      render(<ChatWindow showHistory historyMode="sidebar" />, { wrapper: setup.wrapper });
      await user.click(await findChatButton('Beta'));
      await waitFor(() => expect(log()).toHaveTextContent('answer 2'));
      await user.type(composer(), 'show me markdown{Enter}');
      await waitFor(() =>
        expect(log().querySelector('[data-role="assistant"][data-status="streaming"]')).not.toBeNull(),
      );
      const release = setup.hold();
      await user.click(within(nav()).getByRole('button', { name: 'Delete Beta' }));
      await user.click(within(nav()).getByRole('button', { name: 'Delete' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const deletes = () => setup.fake.requests.filter((r) => r.path === '/api/core/chat/delHistory');
      expect(deletes()).toHaveLength(0);
      release();
      await waitFor(() => expect(deletes()).toHaveLength(1));
      await waitFor(() => expect(titles()).toEqual(['Alpha']));
    });

    it('Clear all asks first, then empties the list and FastGPT', async () => {
      const { user, fake } = renderWithHistory([alpha, beta, pinned]);
      await user.click(await within(nav()).findByRole('button', { name: 'Clear all' }));
      const question = within(nav()).getByRole('group', {
        name: 'Delete all conversations? This cannot be undone.',
      });
      await user.keyboard('{Escape}');
      expect(question).not.toBeInTheDocument();
      expect(within(nav()).getByRole('button', { name: 'Clear all' })).toHaveFocus();
      expect(titles()).toHaveLength(3);

      await user.click(within(nav()).getByRole('button', { name: 'Clear all' }));
      await user.click(within(nav()).getByRole('button', { name: 'Delete all' }));
      expect(await within(nav()).findByText('No conversations yet')).toBeInTheDocument();
      expect(within(nav()).getByRole('button', { name: 'New chat' })).toHaveFocus();
      await waitFor(() =>
        expect([...fake.state.chats.values()].filter((c) => c.deleteTime === undefined)).toEqual([]),
      );
    });
  });

  describe('narrow layout', () => {
    it('opens the drawer from Conversations, moves the focus in, and Esc or opening a chat closes it', async () => {
      const { user, view } = renderWithHistory([alpha, beta], { historyMode: 'drawer' });
      const toggle = screen.getByRole('button', { name: 'Conversations' });
      const panel = view.container.querySelector('.fgk-history-panel') as HTMLElement;
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(toggle).toHaveAttribute('aria-controls', panel.id);
      expect(panel).toHaveAttribute('data-state', 'closed');

      await user.click(toggle);
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      expect(panel).toHaveAttribute('data-state', 'open');
      expect(within(nav()).getByRole('button', { name: 'New chat' })).toHaveFocus();

      await user.keyboard('{Escape}');
      expect(panel).toHaveAttribute('data-state', 'closed');
      expect(toggle).toHaveFocus();

      await user.click(toggle);
      await user.click(await findChatButton('Beta'));
      expect(panel).toHaveAttribute('data-state', 'closed');
      expect(toggle).toHaveFocus();
      await waitFor(() => expect(log()).toHaveTextContent('answer 2'));
    });

    it('Esc in the rename box cancels the rename, not the drawer', async () => {
      const { user, view } = renderWithHistory([alpha], { historyMode: 'drawer' });
      await user.click(screen.getByRole('button', { name: 'Conversations' }));
      await user.click(await within(nav()).findByRole('button', { name: 'Rename Alpha' }));
      await user.keyboard('{Escape}');
      expect(within(nav()).queryByRole('textbox')).toBeNull();
      expect(view.container.querySelector('.fgk-history-panel')).toHaveAttribute('data-state', 'open');
    });
  });

  describe('accessibility and languages', () => {
    it('has no axe violations: the open drawer with its list, a rename box, a delete question', async () => {
      const { user, view } = renderWithHistory([alpha, beta, pinned], { historyMode: 'drawer' });
      await user.click(screen.getByRole('button', { name: 'Conversations' }));
      await findChatButton('Alpha');
      await user.click(chatButton('Beta'));
      await user.click(screen.getByRole('button', { name: 'Conversations' }));
      expect(chatButton('Beta')).toHaveAttribute('aria-current', 'page');
      await expectNoAxeViolations(view.container);

      await user.click(within(nav()).getByRole('button', { name: 'Rename Alpha' }));
      expect(within(nav()).getByRole('textbox', { name: 'New title for Alpha' })).toBeInTheDocument();
      await expectNoAxeViolations(view.container);

      await user.keyboard('{Escape}');
      await user.click(within(nav()).getByRole('button', { name: 'Delete Beta' }));
      expect(within(nav()).getByRole('group', { name: 'Delete “Beta”?' })).toBeInTheDocument();
      await expectNoAxeViolations(view.container);
    });

    it('speaks Chinese with locale zh-CN', async () => {
      renderWithHistory([alpha], { locale: 'zh-CN' });
      const history = screen.getByRole('navigation', { name: '历史对话' });
      expect(within(history).getByRole('button', { name: '新对话' })).toBeInTheDocument();
      expect(await within(history).findByRole('button', { name: '重命名“Alpha”' })).toBeInTheDocument();
      expect(within(history).getByRole('button', { name: '清空全部' })).toBeInTheDocument();
    });
  });
});

describe('ChatWindow.History in a custom layout', () => {
  it('does not re-render while a reply streams, and shows the new chat once it ends', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 25 } });
    seedFakeChat(setup.fake, alpha);
    // Commits of each part while the log says a reply is running.
    const commits = { history: 0, log: 0 };
    const count = (id: keyof typeof commits) => () => {
      if (document.querySelector('[role="log"]')?.getAttribute('aria-busy') === 'true') commits[id]++;
    };
    const user = userEvent.setup();
    render(
      <ChatWindow.Root>
        <Profiler id="history" onRender={count('history')}>
          <ChatWindow.History />
        </Profiler>
        <Profiler id="log" onRender={count('log')}>
          <ChatWindow.Messages />
        </Profiler>
        <ChatWindow.Composer />
      </ChatWindow.Root>,
      { wrapper: setup.wrapper },
    );
    await findChatButton('Alpha');
    await user.type(composer(), 'hello there');
    await user.keyboard('{Enter}');
    await waitFor(
      () => expect(log().querySelector('[data-role="assistant"]')).toHaveAttribute('data-status', 'done'),
      { timeout: 5_000 },
    );
    // The list shows the new chat once the reply has ended, and not once re-rendered while it streamed.
    await findChatButton('hello there');
    expect(commits.log).toBeGreaterThanOrEqual(2);
    expect(commits.history).toBe(0);
  });

  it('works inside ChatWindow.Root beside the other parts', async () => {
    const setup = setupFastGPT();
    seedFakeChat(setup.fake, alpha);
    render(
      <ChatWindow.Root>
        <ChatWindow.History pageSize={10} className="my-history" />
        <ChatWindow.Messages />
      </ChatWindow.Root>,
      { wrapper: setup.wrapper },
    );
    expect(nav()).toHaveClass('fgk-history', 'my-history');
    await findChatButton('Alpha');
    expect(screen.queryByRole('button', { name: 'Conversations' })).toBeNull();
  });
});
