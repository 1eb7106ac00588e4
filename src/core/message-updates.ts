import type { FastGPTError } from '../client/errors';
import type { ChatMessage, MessageFeedback } from './chat-message';
import { finalizeMessage } from './chat-reducer';

/** Index of the message with `id` (searched from the end, where streams write), or -1. */
export function indexOfId(messages: readonly ChatMessage[], id: string): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.id === id) return i;
  return -1;
}

/** The messages with `message` at `index`; the same array when it is already there. */
export function replaceAt(messages: ChatMessage[], index: number, message: ChatMessage): ChatMessage[] {
  if (messages[index] === message) return messages;
  const next = messages.slice();
  next[index] = message;
  return next;
}

/** Replaces the message with `id` by `update(message)`; the same array when absent or unchanged. */
export function updateById(
  messages: ChatMessage[],
  id: string | undefined,
  update: (message: ChatMessage) => ChatMessage,
): ChatMessage[] {
  if (id === undefined) return messages;
  const index = indexOfId(messages, id);
  const message = messages[index];
  return message ? replaceAt(messages, index, update(message)) : messages;
}

/** The message with this status and error (the same object when unchanged). */
export function withStatus(
  message: ChatMessage,
  status: ChatMessage['status'],
  error?: FastGPTError,
): ChatMessage {
  if (message.status === status && message.error === error) return message;
  const next: ChatMessage = { ...message, status };
  if (error) next.error = error;
  else delete next.error;
  return next;
}

/** Whether two feedbacks are the same rating and reason. */
export function sameFeedback(a: MessageFeedback | undefined, b: MessageFeedback | undefined): boolean {
  return a?.rating === b?.rating && a?.reason === b?.reason;
}

/** A copy of the message with this feedback (none: removed). */
export function withFeedback(message: ChatMessage, feedback: MessageFeedback | undefined): ChatMessage {
  const next: ChatMessage = { ...message };
  if (feedback) next.feedback = feedback;
  else delete next.feedback;
  return next;
}

/** The message with its answered interactive question open again (the answer never reached FastGPT). */
export function reopenInteractive(message: ChatMessage): ChatMessage {
  const parts = message.parts.map((part) => {
    if (part.type !== 'interactive' || !part.answered) return part;
    const { answer: _answer, ...rest } = part;
    return { ...rest, answered: false };
  });
  return finalizeMessage({ ...message, parts }, 'done');
}

/** Whether the last assistant message waits for an answer to an interactive question. */
export function awaitsAnswer(messages: readonly ChatMessage[]): boolean {
  const last = messages.findLast((m) => m.role === 'assistant');
  return last?.parts.some((part) => part.type === 'interactive' && !part.answered) ?? false;
}

/** Appends text to a draft, a blank line apart. */
export function joinDraft(draft: string, text: string): string {
  return text === '' ? draft : draft === '' ? text : `${draft}\n\n${text}`;
}
