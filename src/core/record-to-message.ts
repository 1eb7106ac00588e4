import { APIError } from '../client/errors';
import type { ChatRecord } from '../client/types';
import type { ChatMessage, MessagePart } from './chat-message';
import { interactiveAnswer, unwrapInteractive } from './unwrap-interactive';

/** Appends text to the parts, merging it into a trailing text part. */
export function appendText(parts: MessagePart[], text: string): MessagePart[] {
  if (text === '') return parts;
  const last = parts.at(-1);
  if (last?.type === 'text') {
    const next = parts.slice();
    next[next.length - 1] = { type: 'text', text: last.text + text };
    return next;
  }
  return [...parts, { type: 'text', text }];
}

/**
 * A stored FastGPT record as a chat message, or `undefined` for records a chat does not show (System items,
 * `hideInUI`).
 */
export function recordToMessage(record: ChatRecord): ChatMessage | undefined {
  if (record.hideInUI || (record.obj !== 'Human' && record.obj !== 'AI')) return undefined;
  let parts: MessagePart[] = [];
  for (const item of record.value) {
    switch (item.type) {
      case 'text':
        parts = appendText(parts, item.text.content);
        break;
      case 'reasoning':
        parts = [...parts, { type: 'reasoning', text: item.reasoning.content, streaming: false }];
        break;
      case 'tool':
        for (const tool of item.tools) {
          parts = [
            ...parts,
            {
              type: 'tool',
              id: tool.id,
              name: tool.toolName,
              avatar: tool.toolAvatar,
              functionName: tool.functionName ?? '',
              params: tool.params,
              response: tool.response,
              state: 'done',
            },
          ];
        }
        break;
      case 'interactive':
        parts = [
          ...parts,
          {
            type: 'interactive',
            interactive: unwrapInteractive(item.interactive),
            ...interactiveAnswer(item.interactive),
          },
        ];
        break;
      case 'file':
        parts = [...parts, { type: 'file', kind: item.file.type, url: item.file.url, name: item.file.name }];
        break;
    }
  }

  const message: ChatMessage = {
    id: record.dataId,
    role: record.obj === 'Human' ? 'user' : 'assistant',
    parts,
    status: record.errorMsg ? 'error' : 'done',
    createdAt: record.time ? Date.parse(record.time) : 0,
  };
  if (record.errorMsg) message.error = new APIError(record.errorMsg);
  if (record.userGoodFeedback) message.feedback = { rating: 'good' };
  else if (record.userBadFeedback) {
    message.feedback =
      record.userBadFeedback === 'yes'
        ? { rating: 'bad' }
        : { rating: 'bad', reason: record.userBadFeedback };
  }
  if (record.customFeedbacks && record.customFeedbacks.length > 0)
    message.customFeedbacks = record.customFeedbacks;
  if (typeof record.deleteTime === 'string') {
    const deletedAt = Date.parse(record.deleteTime);
    if (!Number.isNaN(deletedAt)) message.deletedAt = deletedAt;
  }
  if (record.durationSeconds !== undefined) message.durationSeconds = record.durationSeconds;
  if (record.totalQuoteList && record.totalQuoteList.length > 0) message.citations = record.totalQuoteList;
  return message;
}
