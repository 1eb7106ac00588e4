import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

function renderChatWindow() {
  const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
  const user = userEvent.setup();
  const view = render(<ChatWindow />, { wrapper: setup.wrapper });
  const completions = () => setup.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
  return { ...setup, user, view, completions };
}

const composer = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
const editor = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit message' });
const messagesOf = (role: 'user' | 'assistant') =>
  Array.from(screen.getByRole('log').querySelectorAll<HTMLElement>(`[data-role="${role}"]`));
const userTexts = () => messagesOf('user').map((m) => m.querySelector('.fgk-message-text')?.textContent);
const lastReply = () => {
  const found = messagesOf('assistant').at(-1);
  if (!found) throw new Error('no reply yet');
  return found;
};
const waitForReply = () =>
  waitFor(() => expect(lastReply()).toHaveAttribute('data-status', 'done'), { timeout: 5_000 });

/** A chat with two finished turns, and the first question's Edit button. */
async function twoTurns() {
  const rendered = renderChatWindow();
  const { user } = rendered;
  await user.type(composer(), 'first question{Enter}');
  await waitForReply();
  await user.type(composer(), 'second question{Enter}');
  await waitFor(() => expect(messagesOf('assistant')).toHaveLength(2));
  await waitForReply();
  const first = messagesOf('user')[0] as HTMLElement;
  const editButton = within(first).getByRole('button', { name: 'Edit' });
  return { ...rendered, first, editButton };
}

describe('MessageEdit', () => {
  it('edits a question in place and sends the new text, replacing everything after it', async () => {
    const { user, first, editButton, completions } = await twoTurns();
    await user.click(editButton);
    // The editor's code loads on the first edit.
    await screen.findByRole('textbox', { name: 'Edit message' });
    expect(editor()).toHaveValue('first question');
    // Focus moves in the editor's mount effect, which may run a moment after its first paint.
    await waitFor(() => expect(editor()).toHaveFocus());
    expect(first).toContainElement(editor());
    // The bubble and the toolbar make way for the editor.
    expect(first.querySelector('.fgk-message-bubble')).toBeNull();
    expect(within(first).queryByRole('group', { name: 'Message actions' })).toBeNull();

    await user.clear(editor());
    await user.type(editor(), 'a better question');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(completions()).toHaveLength(3));
    await waitForReply();
    expect(userTexts()).toEqual(['a better question']);
    expect(messagesOf('assistant')).toHaveLength(1);
    expect(lastReply()).toHaveTextContent('a better question');
    const body = completions().at(-1)?.body as { messages: Array<{ content: unknown }> };
    expect(body.messages.at(-1)?.content).toBe('a better question');
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).not.toBeInTheDocument();
  });

  it('saves on Enter, adds a line on Shift+Enter and never saves while an IME is composing', async () => {
    const { user, editButton, completions } = await twoTurns();
    await user.click(editButton);
    await user.type(editor(), ' 你好');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(editor()).toHaveValue('first question 你好\n');

    fireEvent.keyDown(editor(), { key: 'Enter', code: 'Enter', isComposing: true });
    fireEvent.keyDown(editor(), { key: 'Enter', code: 'Enter', keyCode: 229 });
    expect(editor()).toBeInTheDocument();
    expect(completions()).toHaveLength(2);

    await user.type(editor(), 'again');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(completions()).toHaveLength(3));
    await waitForReply();
    expect(userTexts()).toEqual(['first question 你好\nagain']);
  });

  it('Esc and Cancel leave the message as it was and put focus back on Edit', async () => {
    const { user, first, editButton, completions } = await twoTurns();
    await user.click(editButton);
    await user.type(editor(), ' changed');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).not.toBeInTheDocument();
    expect(first).toHaveTextContent('first question');
    expect(first).not.toHaveTextContent('changed');
    expect(within(first).getByRole('button', { name: 'Edit' })).toHaveFocus();

    await user.click(within(first).getByRole('button', { name: 'Edit' }));
    expect(editor()).toHaveValue('first question');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(within(first).getByRole('button', { name: 'Edit' })).toHaveFocus();
    expect(userTexts()).toEqual(['first question', 'second question']);
    expect(completions()).toHaveLength(2);
  });

  it('refuses an empty text with a message, and keeps editing', async () => {
    const { user, editButton, completions, view } = await twoTurns();
    await user.click(editButton);
    await user.clear(editor());
    await user.type(editor(), '   ');
    await user.keyboard('{Enter}');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The message cannot be empty.');
    expect(editor()).toHaveAttribute('aria-invalid', 'true');
    expect(editor()).toHaveAccessibleDescription('The message cannot be empty.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(editor()).toBeInTheDocument();
    expect(completions()).toHaveLength(2);
    await expectNoAxeViolations(view.container);

    await user.type(editor(), 'x');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is not offered while a reply runs, and Save waits while one does', async () => {
    const { user, first, editButton } = await twoTurns();
    await user.click(editButton);
    // A message sent from the composer while editing starts a reply: Save waits for it.
    await user.type(composer(), 'a slow story{Enter}');
    await waitFor(() => expect(lastReply()).toHaveAttribute('data-status', 'streaming'));
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(lastReply()).toHaveAttribute('data-status', 'stopped'));
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(first).toContainElement(editor());
  });

  it('has no axe violations with the editor open', async () => {
    const { user, editButton, view } = await twoTurns();
    await user.click(editButton);
    await expectNoAxeViolations(view.container);
  });
});
