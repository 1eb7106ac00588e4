import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { seedFakeChat } from '../../test-setup/hook-test-helpers';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import type { FakeChat } from '../../testing';
import { ChatWindow, type ChatWindowProps } from './chat-window';

function renderChatWindow(props: ChatWindowProps = {}, setup = setupFastGPT({ fake: { tokenDelayMs: 2 } })) {
  const user = userEvent.setup();
  const view = render(<ChatWindow {...props} />, { wrapper: setup.wrapper });
  const requestsTo = (path: string) => setup.fake.requests.filter((r) => r.path.endsWith(path));
  /** The one chat the window created in the fake. */
  const fakeChat = (): FakeChat => {
    const [chat] = setup.fake.state.chats.values();
    if (!chat) throw new Error('no chat in the fake yet');
    return chat;
  };
  /** Items of the chat the fake still serves (4.14+ marks deleted items instead of dropping them). */
  const liveItems = () => fakeChat().items.filter((item) => item.deleteTime === undefined);
  return { ...setup, user, view, requestsTo, fakeChat, liveItems };
}

const input = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
const messagesOf = (role: 'user' | 'assistant') =>
  Array.from(screen.getByRole('log').querySelectorAll<HTMLElement>(`[data-role="${role}"]`));
const nth = (role: 'user' | 'assistant', index: number) => {
  const found = messagesOf(role).at(index);
  if (!found) throw new Error(`no ${role} message at ${index}`);
  return found;
};
const actionsOf = (message: HTMLElement, name = 'Message actions') =>
  within(message).getByRole('group', { name });
// Settled, with its toolbar (whose code loads with the first settled message).
const waitForReply = (index = -1) =>
  waitFor(
    () => {
      const reply = nth('assistant', index);
      expect(reply).toHaveAttribute('data-status', 'done');
      expect(reply.querySelector('[data-slot="chat-window-message-actions"]')).not.toBeNull();
    },
    { timeout: 5_000 },
  );

async function ask(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.type(input(), text);
  await user.keyboard('{Enter}');
}

describe('MessageActions', () => {
  describe('copy', () => {
    it('copies only the reply’s text, not its reasoning, and says Copied', async () => {
      const { user } = renderChatWindow();
      const writeText = vi.spyOn(navigator.clipboard, 'writeText');
      await ask(user, 'reason about it');
      await waitForReply();
      const reply = nth('assistant', -1);
      expect(reply).toHaveTextContent('用户想看推理过程');

      await user.click(within(actionsOf(reply)).getByRole('button', { name: 'Copy' }));
      expect(writeText).toHaveBeenCalledWith('推理完成：reason about it 的答案是 42。');
      expect(await navigator.clipboard.readText()).toBe('推理完成：reason about it 的答案是 42。');
      const copied = within(actionsOf(reply)).getByRole('button', { name: 'Copied' });
      expect(copied).toHaveAttribute('title', 'Copied');
      const live = reply.querySelector('[data-slot="chat-window-message-actions-live"]');
      expect(live).toHaveAttribute('aria-live', 'polite');
      expect(live).toHaveTextContent('Copied');
    });

    it('copies the user’s own words', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'hello there');
      await waitForReply();
      await user.click(within(actionsOf(nth('user', 0))).getByRole('button', { name: 'Copy' }));
      expect(await navigator.clipboard.readText()).toBe('hello there');
    });

    it('says so visibly when the clipboard is unavailable', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'hello there');
      await waitForReply();
      const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
      try {
        await user.click(within(actionsOf(nth('assistant', 0))).getByRole('button', { name: 'Copy' }));
        expect(within(nth('assistant', 0)).getByRole('alert')).toHaveTextContent(
          'Could not copy. Select the text and copy it by hand.',
        );
        expect(within(nth('assistant', 0)).queryByRole('button', { name: 'Copied' })).not.toBeInTheDocument();
      } finally {
        if (original) Object.defineProperty(navigator, 'clipboard', original);
      }
    });
  });

  describe('feedback', () => {
    it('Good sets the rating on the server and a second Good clears it', async () => {
      const { user, requestsTo, liveItems } = renderChatWindow();
      await ask(user, 'hello there');
      await waitForReply();
      const reply = nth('assistant', 0);
      const good = within(actionsOf(reply)).getByRole('button', { name: 'Good answer' });
      expect(good).toHaveAttribute('aria-pressed', 'false');

      await user.click(good);
      expect(good).toHaveAttribute('aria-pressed', 'true');
      await waitFor(() => expect(requestsTo('updateUserFeedback')).toHaveLength(1));
      expect(requestsTo('updateUserFeedback')[0]?.body).toMatchObject({
        dataId: liveItems()[1]?.dataId,
        userGoodFeedback: 'yes',
      });
      await waitFor(() => expect(liveItems()[1]?.userGoodFeedback).toBe('yes'));

      await user.click(good);
      expect(good).toHaveAttribute('aria-pressed', 'false');
      await waitFor(() => expect(requestsTo('updateUserFeedback')).toHaveLength(2));
      await waitFor(() => expect(liveItems()[1]?.userGoodFeedback).toBeUndefined());
      expect(requestsTo('updateUserFeedback')[1]?.body).not.toHaveProperty('userGoodFeedback');
    });

    it('Bad asks for an optional reason and sends it; Esc closes the form and focus goes back', async () => {
      const { user, liveItems, view } = renderChatWindow();
      await ask(user, 'hello there');
      await waitForReply();
      const reply = nth('assistant', 0);
      const bad = within(actionsOf(reply)).getByRole('button', { name: 'Bad answer' });

      await user.click(bad);
      const reason = await within(reply).findByRole('textbox', { name: 'What was wrong? (optional)' });
      await waitFor(() => expect(reason).toHaveFocus());
      await expectNoAxeViolations(view.container);
      await user.type(reason, 'Too vague');
      await user.keyboard('{Escape}');
      expect(within(reply).queryByRole('textbox', { name: /What was wrong/ })).not.toBeInTheDocument();
      expect(bad).toHaveFocus();
      expect(bad).toHaveAttribute('aria-pressed', 'false');

      await user.click(bad);
      await user.type(within(reply).getByRole('textbox', { name: /What was wrong/ }), 'Too vague');
      await user.click(within(reply).getByRole('button', { name: 'Submit' }));
      expect(bad).toHaveAttribute('aria-pressed', 'true');
      expect(bad).toHaveFocus();
      await waitFor(() => expect(liveItems()[1]?.userBadFeedback).toBe('Too vague'));

      // Bad again clears the rating without asking.
      await user.click(bad);
      expect(within(reply).queryByRole('textbox', { name: /What was wrong/ })).not.toBeInTheDocument();
      expect(bad).toHaveAttribute('aria-pressed', 'false');
      await waitFor(() => expect(liveItems()[1]?.userBadFeedback).toBeUndefined());
    });

    it('Cancel closes the reason form without rating', async () => {
      const { user, requestsTo } = renderChatWindow();
      await ask(user, 'hello there');
      await waitForReply();
      const reply = nth('assistant', 0);
      await user.click(within(actionsOf(reply)).getByRole('button', { name: 'Bad answer' }));
      await user.click(within(reply).getByRole('button', { name: 'Cancel' }));
      expect(within(reply).queryByRole('textbox', { name: /What was wrong/ })).not.toBeInTheDocument();
      expect(within(reply).getByRole('button', { name: 'Bad answer' })).toHaveFocus();
      expect(requestsTo('updateUserFeedback')).toHaveLength(0);
    });

    it('a refused rating is undone and says so', async () => {
      const { user, fake, requestsTo } = renderChatWindow();
      await ask(user, 'hello there');
      await waitForReply();
      fake.injectFault({ path: 'updateUserFeedback', kind: 'status', status: 500 });
      const reply = nth('assistant', 0);
      const good = within(actionsOf(reply)).getByRole('button', { name: 'Good answer' });

      await user.click(good);
      expect(await within(reply).findByRole('alert')).toHaveTextContent(
        'Your feedback could not be saved. Please try again.',
      );
      expect(good).toHaveAttribute('aria-pressed', 'false');
      expect(requestsTo('updateUserFeedback')).toHaveLength(1);

      // Trying again works and clears the error.
      await user.click(good);
      await waitFor(() => expect(good).toHaveAttribute('aria-pressed', 'true'));
      expect(within(reply).queryByRole('alert')).not.toBeInTheDocument();
    });

    it('shows the rating stored with an existing chat, and clears it', async () => {
      const setup = setupFastGPT();
      const chat = seedFakeChat(setup.fake, { chatId: 'c1', turns: 2 });
      const answer = chat.items.find((item) => item.dataId === 'c1-a1');
      if (!answer) throw new Error('seeded');
      answer.userBadFeedback = 'Wrong year';
      const { user } = renderChatWindow({ chatId: 'c1' }, setup);
      await waitFor(() => expect(messagesOf('assistant')).toHaveLength(2));
      const bad = within(actionsOf(nth('assistant', 0))).getByRole('button', { name: 'Bad answer' });
      expect(bad).toHaveAttribute('aria-pressed', 'true');
      expect(
        within(actionsOf(nth('assistant', 1))).getByRole('button', { name: 'Bad answer' }),
      ).toHaveAttribute('aria-pressed', 'false');

      await user.click(bad);
      await waitFor(() => expect(bad).toHaveAttribute('aria-pressed', 'false'));
      await waitFor(() => expect(answer.userBadFeedback).toBeUndefined());
    });
  });

  describe('regenerate', () => {
    it('shows only on the last reply, hides while a reply runs, and asks the last question again', async () => {
      const { user, requestsTo } = renderChatWindow();
      await ask(user, 'first question');
      await waitForReply();
      await ask(user, 'second question');
      await waitFor(() => expect(messagesOf('assistant')).toHaveLength(2));
      await waitForReply();
      expect(within(actionsOf(nth('assistant', 0))).queryByRole('button', { name: 'Regenerate' })).toBeNull();
      expect(within(actionsOf(nth('user', 1))).queryByRole('button', { name: 'Regenerate' })).toBeNull();
      const regenerate = within(actionsOf(nth('assistant', 1))).getByRole('button', { name: 'Regenerate' });
      expect(regenerate).toHaveAttribute('title', 'Regenerate');

      await user.click(regenerate);
      await waitFor(() => expect(requestsTo('/chat/completions')).toHaveLength(3));
      expect(screen.queryByRole('button', { name: 'Regenerate' })).not.toBeInTheDocument();
      await waitForReply();
      const last = requestsTo('/chat/completions').at(-1)?.body as { messages: Array<{ content: unknown }> };
      expect(last.messages.at(-1)?.content).toBe('second question');
      // The old pair was deleted on the server before asking again.
      expect(requestsTo('/chat/item/delete').length + requestsTo('/chat/record/delete').length).toBe(2);
      expect(messagesOf('user').map((m) => m.querySelector('.fgk-message-text')?.textContent)).toEqual([
        'first question',
        'second question',
      ]);
      expect(messagesOf('assistant')).toHaveLength(2);
      expect(
        within(actionsOf(nth('assistant', 1))).getByRole('button', { name: 'Regenerate' }),
      ).toBeVisible();
    });
  });

  describe('delete', () => {
    it('asks first; Cancel and Esc keep the message, Delete removes the question with its answer', async () => {
      const { user, liveItems, view } = renderChatWindow();
      await ask(user, 'first question');
      await waitForReply();
      await ask(user, 'second question');
      await waitFor(() => expect(messagesOf('assistant')).toHaveLength(2));
      await waitForReply();
      const question = nth('user', 0);
      const deleteButton = () => within(actionsOf(question)).getByRole('button', { name: 'Delete' });

      await user.click(deleteButton());
      const confirm = await within(question).findByRole('group', { name: 'Delete this message?' });
      await waitFor(() => expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus());
      await expectNoAxeViolations(view.container);
      await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
      expect(within(question).queryByRole('group', { name: 'Delete this message?' })).toBeNull();
      expect(deleteButton()).toHaveFocus();

      await user.click(deleteButton());
      await user.keyboard('{Escape}');
      expect(within(question).queryByRole('group', { name: 'Delete this message?' })).toBeNull();
      expect(deleteButton()).toHaveFocus();
      expect(liveItems()).toHaveLength(4);

      await user.click(deleteButton());
      await user.click(
        within(within(question).getByRole('group', { name: 'Delete this message?' })).getByRole('button', {
          name: 'Delete',
        }),
      );
      expect(question).not.toBeInTheDocument();
      // The focused control went with the message: focus goes to the composer, not the page.
      expect(input()).toHaveFocus();
      expect(messagesOf('user')).toHaveLength(1);
      expect(messagesOf('assistant')).toHaveLength(1);
      expect(nth('user', 0)).toHaveTextContent('second question');
      await waitFor(() => expect(liveItems()).toHaveLength(2));
      expect(liveItems().map((item) => item.obj)).toEqual(['Human', 'AI']);
    });

    it('deletes a reply alone', async () => {
      const { user, liveItems } = renderChatWindow();
      await ask(user, 'hello there');
      await waitForReply();
      await user.click(within(actionsOf(nth('assistant', 0))).getByRole('button', { name: 'Delete' }));
      await user.click(
        within(screen.getByRole('group', { name: 'Delete this message?' })).getByRole('button', {
          name: 'Delete',
        }),
      );
      expect(messagesOf('assistant')).toHaveLength(0);
      expect(messagesOf('user')).toHaveLength(1);
      await waitFor(() => expect(liveItems()).toHaveLength(1));
    });

    it('puts the message back with an error when FastGPT refuses', async () => {
      const { user, fake, liveItems } = renderChatWindow();
      await ask(user, 'hello there');
      await waitForReply();
      fake.injectFault({ path: '/delete', kind: 'status', status: 500 });
      await user.click(within(actionsOf(nth('user', 0))).getByRole('button', { name: 'Delete' }));
      await user.click(
        within(screen.getByRole('group', { name: 'Delete this message?' })).getByRole('button', {
          name: 'Delete',
        }),
      );
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(/^The message could not be deleted: \S/);
      const question = nth('user', 0);
      expect(question).toContainElement(alert);
      expect(question).toHaveTextContent('hello there');
      expect(messagesOf('assistant')).toHaveLength(1);
      expect(liveItems()).toHaveLength(2);
    });
  });

  it('hides Edit, Delete and Regenerate while a reply runs', async () => {
    const { user } = renderChatWindow();
    await ask(user, 'first question');
    await waitForReply();
    await ask(user, 'a slow story');
    await waitFor(() => expect(nth('assistant', 1)).toHaveAttribute('data-status', 'streaming'));
    // The running reply has no toolbar; the settled ones keep only Copy and the ratings.
    expect(within(nth('assistant', 1)).queryByRole('group', { name: 'Message actions' })).toBeNull();
    for (const name of ['Edit', 'Delete', 'Regenerate']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(within(actionsOf(nth('assistant', 0))).getByRole('button', { name: 'Good answer' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(nth('assistant', 1)).toHaveAttribute('data-status', 'stopped'));
    expect(within(actionsOf(nth('user', 1))).getByRole('button', { name: 'Edit' })).toBeVisible();
    expect(within(actionsOf(nth('assistant', 1))).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  });

  it('labels every action and has no axe violations with the toolbars shown', async () => {
    const { user, view } = renderChatWindow({ locale: 'zh-CN' });
    await user.type(screen.getByRole('textbox', { name: '输入消息' }), 'hello there{Enter}');
    await waitForReply();
    const names = within(actionsOf(nth('assistant', 0), '消息操作'))
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    expect(names).toEqual(['复制', '点赞', '点踩', '重新生成', '删除']);
    expect(
      within(nth('user', 0))
        .getAllByRole('button')
        .map((button) => button.getAttribute('title')),
    ).toEqual(['复制', '编辑', '删除']);
    await expectNoAxeViolations(view.container);
  });
});
