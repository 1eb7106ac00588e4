import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow, type ChatWindowProps } from './chat-window';

function renderChatWindow(props: ChatWindowProps = {}, tokenDelayMs = 2) {
  const setup = setupFastGPT({ fake: { tokenDelayMs } });
  const user = userEvent.setup();
  const view = render(<ChatWindow {...props} />, { wrapper: setup.wrapper });
  const completions = () => setup.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
  return { ...setup, user, view, completions };
}

const log = () => screen.getByRole('log');
const input = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
const messagesOf = (role: 'user' | 'assistant') =>
  Array.from(log().querySelectorAll<HTMLElement>(`[data-role="${role}"]`));
const lastAssistant = () => {
  const found = messagesOf('assistant').at(-1);
  if (!found) throw new Error('no assistant message yet');
  return found;
};
const waitForStatus = (status: string) =>
  waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', status), { timeout: 15_000 });

async function ask(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.type(input(), text);
  await user.keyboard('{Enter}');
}

describe('ChatWindow', () => {
  describe('when a message is sent', () => {
    // The long markdown reply streams for a few seconds in jsdom, more on a busy machine.
    it('shows the user bubble and the streamed markdown reply with data-role and data-status', {
      timeout: 20_000,
    }, async () => {
      const { user } = renderChatWindow();
      await ask(user, 'show me markdown');

      const [question] = messagesOf('user');
      expect(question).toHaveTextContent('show me markdown');
      expect(question).toHaveAttribute('data-status', 'done');
      expect(input()).toHaveValue('');
      await waitForStatus('done');
      expect(
        within(lastAssistant()).getByRole('heading', { level: 1, name: /部署指南/ }),
      ).toBeInTheDocument();
      expect(within(lastAssistant()).getAllByRole('listitem').length).toBeGreaterThan(0);
    });

    it('shows the running node while the workflow runs', async () => {
      const { user } = renderChatWindow({}, 30);
      await ask(user, 'hello there');
      expect(await screen.findByText('Running: AI 对话…')).toBeInTheDocument();
      await waitForStatus('done');
      expect(screen.queryByText(/^Running:/)).not.toBeInTheDocument();
    });

    it('renders reasoning in a details block and tool calls as cards', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'reason about it');
      await waitForStatus('done');
      const reasoning = lastAssistant().querySelector('details[data-slot="chat-window-reasoning"]');
      expect(reasoning).toHaveAttribute('data-state', 'done');
      expect(reasoning).toHaveTextContent('用户想看推理过程');

      await ask(user, 'use a tool');
      await waitFor(() => expect(messagesOf('assistant')).toHaveLength(2));
      await waitForStatus('done');
      const tool = lastAssistant().querySelector('[data-slot="chat-window-tool"]');
      expect(tool).toHaveAttribute('data-state', 'done');
      expect(tool?.querySelector('code')?.textContent).toMatch(/^\{\n {2}"/);
    });
  });

  describe('when the reply is stopped', () => {
    it('keeps the partial text and marks the reply stopped', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'tell me a slow story');
      await waitFor(() => expect(lastAssistant()).toHaveTextContent('You said'), { timeout: 5_000 });
      const partial = lastAssistant().querySelector('.fgk-markdown')?.textContent ?? '';

      await user.click(screen.getByRole('button', { name: 'Stop' }));
      await waitForStatus('stopped');
      expect(lastAssistant()).toHaveTextContent(partial);
      expect(within(lastAssistant()).getByText('Stopped')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    });
  });

  describe('when the connection drops', () => {
    it('shows the error message and Retry sends again', async () => {
      const { user, completions } = renderChatWindow();
      await ask(user, 'drop the line');
      await waitForStatus('error');
      const bubble = within(lastAssistant()).getByText('Something went wrong').parentElement as HTMLElement;
      expect(bubble.querySelector('.fgk-message-error-text')?.textContent).toMatch(/\w/);
      expect(completions()).toHaveLength(1);

      await user.click(within(bubble).getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(completions()).toHaveLength(2));
      await waitForStatus('error');
    });
  });

  describe('when the workflow asks the user to choose', () => {
    it('shows the options as buttons and continues the reply with the choice', async () => {
      const { user, completions } = renderChatWindow();
      await ask(user, 'select a city');
      const option = await screen.findByRole('button', { name: '上海' }, { timeout: 5_000 });
      expect(screen.getByRole('group', { name: '请选择要查询的城市' })).toBeInTheDocument();

      await user.click(option);
      await waitFor(() => expect(lastAssistant()).toHaveTextContent('上海今天'), { timeout: 5_000 });
      await waitForStatus('done');
      expect(messagesOf('assistant')).toHaveLength(1);
      expect(completions()).toHaveLength(2);
      for (const name of ['北京', '上海', '广州'])
        expect(screen.getByRole('button', { name })).toBeDisabled();
      expect(screen.getByRole('button', { name: '上海' })).toHaveAttribute('aria-pressed', 'true');
      expect(screen.getByText('You chose: 上海')).toBeInTheDocument();
    });
  });

  describe('when the workflow asks for a form', () => {
    // The form's fields, rules and answers are covered in user-input-form.test.tsx.
    it('shows it as a form named by its description, with a submit button', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'fill a form');
      const form = await screen.findByRole('form', { name: '请补充查询信息' }, { timeout: 5_000 });
      expect(within(form).getByRole('button', { name: 'Submit' })).toBeEnabled();
    });
  });

  describe('accessibility', () => {
    it('sets aria-busy while a reply runs and announces each finished reply exactly once', async () => {
      const { user, view } = renderChatWindow({}, 10);
      const announcer = view.container.querySelector('[data-slot="chat-window-announcer"]') as HTMLElement;
      expect(announcer).toHaveAttribute('aria-live', 'polite');
      expect(log()).toHaveAttribute('aria-live', 'off');
      const announcements: string[] = [];
      const busy: string[] = [];
      const observer = new MutationObserver((records) => {
        if (records.some((r) => r.target === announcer || announcer.contains(r.target))) {
          if (announcer.textContent) announcements.push(announcer.textContent);
        }
        for (const record of records) {
          if (record.attributeName === 'aria-busy' && record.target === log()) {
            busy.push(log().getAttribute('aria-busy') ?? '');
          }
        }
      });
      observer.observe(view.container, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });

      expect(log()).toHaveAttribute('aria-busy', 'false');
      await ask(user, 'first question');
      await waitForStatus('done');
      await ask(user, 'second question');
      await waitFor(() => expect(messagesOf('assistant')).toHaveLength(2));
      await waitForStatus('done');
      await act(async () => {});
      observer.disconnect();

      expect(log()).toHaveAttribute('aria-busy', 'false');
      expect(busy).toEqual(['true', 'false', 'true', 'false']);
      expect(announcements).toEqual(['Reply finished.', 'Reply finished.']);
    });

    it('announces a failed reply with its error message', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'show an error');
      const bubble = await screen.findByText('Something went wrong', undefined, { timeout: 5_000 });
      const message = bubble.parentElement?.querySelector('.fgk-message-error-text')?.textContent ?? '';
      expect(message).not.toBe('');
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Reply failed: ${message}`));
      expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    });

    it('announces a stopped reply once', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'a slow story');
      await waitFor(() => expect(lastAssistant()).toHaveTextContent('You said'), { timeout: 5_000 });
      await user.click(screen.getByRole('button', { name: 'Stop' }));
      await waitForStatus('stopped');
      expect(screen.getByRole('status')).toHaveTextContent('Reply stopped.');
    });
  });

  describe('composer keys', () => {
    it('sends on Enter, adds a newline on Shift+Enter and never sends while an IME is composing', async () => {
      const { user, completions } = renderChatWindow();
      await user.type(input(), '你好');
      await user.keyboard('{Shift>}{Enter}{/Shift}');
      expect(input()).toHaveValue('你好\n');

      fireEvent.keyDown(input(), { key: 'Enter', code: 'Enter', isComposing: true });
      fireEvent.keyDown(input(), { key: 'Enter', code: 'Enter', keyCode: 229 });
      expect(messagesOf('user')).toHaveLength(0);
      expect(completions()).toHaveLength(0);
      expect(input()).toHaveValue('你好\n');

      fireEvent.keyDown(input(), { key: 'Enter', code: 'Enter', keyCode: 13 });
      await waitFor(() => expect(messagesOf('user')).toHaveLength(1));
      expect(input()).toHaveValue('');
      await waitForStatus('done');
    });

    it('disables Send while the draft is empty and sends on click', async () => {
      const { user } = renderChatWindow();
      const send = screen.getByRole('button', { name: 'Send' });
      expect(send).toBeDisabled();
      await user.type(input(), '   ');
      expect(send).toBeDisabled();
      await user.type(input(), 'hi');
      await user.click(send);
      await waitFor(() => expect(messagesOf('user')).toHaveLength(1));
      await waitForStatus('done');
    });

    it('lists a message sent during a reply as queued, and cancels it', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'slow story please');
      await waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', 'streaming'));
      await ask(user, 'later question');
      const queue = await screen.findByText('Queued');
      expect(queue.parentElement).toHaveTextContent('later question');

      await user.click(screen.getByRole('button', { name: 'Cancel queued message: later question' }));
      expect(screen.queryByText('Queued')).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Stop' }));
      await waitForStatus('stopped');
      expect(messagesOf('user')).toHaveLength(1);
    });
  });

  describe('languages and strings', () => {
    it('renders Chinese labels with locale zh-CN', () => {
      renderChatWindow({ locale: 'zh-CN' });
      expect(screen.getByRole('textbox', { name: '输入消息' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: '发送' })).toBeInTheDocument();
      expect(screen.getByRole('log', { name: '对话' })).toBeInTheDocument();
    });

    it('applies string overrides over the locale', () => {
      renderChatWindow({ locale: 'zh-CN', strings: { send: 'Go', composerLabel: 'Ask FastGPT' } });
      expect(screen.getByRole('textbox', { name: 'Ask FastGPT' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Go' })).toBeInTheDocument();
      expect(screen.getByRole('log', { name: '对话' })).toBeInTheDocument();
    });
  });

  describe('root', () => {
    it('writes the theme and passes className and props through', () => {
      const { view } = renderChatWindow({ theme: 'dark', className: 'mine', id: 'chat' });
      const root = view.container.firstElementChild;
      expect(root).toHaveClass('fgk-root', 'fgk-chat-window', 'mine');
      expect(root).toHaveAttribute('data-theme', 'dark');
      expect(root).toHaveAttribute('id', 'chat');
    });

    it('supports custom layouts through ChatWindow.Root and its parts', () => {
      const setup = setupFastGPT();
      render(
        <ChatWindow.Root>
          <header>My chat</header>
          <ChatWindow.Messages className="custom-log" />
          <ChatWindow.Composer />
        </ChatWindow.Root>,
        { wrapper: setup.wrapper },
      );
      expect(screen.getByRole('log')).toHaveClass('custom-log');
      expect(screen.getByText('My chat')).toBeInTheDocument();
      expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();
    });
  });
});
