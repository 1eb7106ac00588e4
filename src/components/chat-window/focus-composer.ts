/**
 * Moves focus to the composer of the window that holds `from`, for actions that remove the focused
 * control with their message (delete, a saved edit): focus would otherwise fall back to the page.
 */
export function focusComposer(from: Element | null): void {
  const window = from?.closest('[data-slot="chat-window"]');
  window?.querySelector<HTMLTextAreaElement>('[data-slot="chat-window-composer"] textarea')?.focus();
}
