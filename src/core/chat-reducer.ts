import type {
  ChatCompletionResponse,
  ChatRecord,
  FastGPTStreamEvent,
  NodeResponse,
  QuoteItem,
  ToolCallRecord,
} from '../client/types';
import { normalizeValueItem } from '../client/value-items';
import type { ActiveNode, ChatMessage, MessagePart, MessageStatus, ToolPart } from './chat-message';
import { appendText, recordToMessage } from './record-to-message';
import { unwrapInteractive } from './unwrap-interactive';

/** The chat-level state a stream event can change besides the assistant message. */
export interface ChatStreamState {
  /** The assistant message the events fold into. */
  message: ChatMessage;
  /** The running workflow node, or `null`. */
  activeNode: ActiveNode | null;
  /** The chat's variables. */
  variables: Record<string, unknown>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Whether any part holds visible text. */
function hasText(parts: MessagePart[]): boolean {
  return parts.some((part) => part.type === 'text' && part.text !== '');
}

/** Ends a streaming reasoning part: any non-reasoning output means the model stopped thinking. */
function closeReasoning(parts: MessagePart[]): MessagePart[] {
  const index = parts.findLastIndex((part) => part.type === 'reasoning' && part.streaming);
  if (index < 0) return parts;
  const next = parts.slice();
  next[index] = { ...(parts[index] as Extract<MessagePart, { type: 'reasoning' }>), streaming: false };
  return next;
}

function appendReasoning(parts: MessagePart[], text: string): MessagePart[] {
  const last = parts.at(-1);
  if (last?.type === 'reasoning') {
    const next = parts.slice();
    next[next.length - 1] = { type: 'reasoning', text: last.text + text, streaming: true };
    return next;
  }
  return [...parts, { type: 'reasoning', text, streaming: true }];
}

function updateTool(
  parts: MessagePart[],
  id: string,
  update: (tool: ToolPart) => ToolPart,
): MessagePart[] | undefined {
  const index = parts.findLastIndex((part) => part.type === 'tool' && part.id === id);
  if (index < 0) return undefined;
  const next = parts.slice();
  next[index] = update(parts[index] as ToolPart);
  return next;
}

function toolPart(tool: ToolCallRecord): ToolPart {
  return {
    type: 'tool',
    id: tool.id,
    name: tool.toolName,
    avatar: tool.toolAvatar,
    functionName: tool.functionName ?? '',
    params: tool.params ?? '',
    response: tool.response ?? '',
    state: 'running',
  };
}

/** Every quote of the responses, nested tool and child-app responses included, in run order. */
function collectQuotes(responses: readonly NodeResponse[], into: QuoteItem[] = []): QuoteItem[] {
  for (const response of responses) {
    if (Array.isArray(response.quoteList)) into.push(...response.quoteList);
    if (Array.isArray(response.toolDetail)) collectQuotes(response.toolDetail, into);
    if (Array.isArray(response.pluginDetail)) collectQuotes(response.pluginDetail, into);
  }
  return into;
}

/**
 * Adds node responses to a message: `responseData` grows (responses already there, by `id`, are skipped, so
 * a continuation's responses append to the first run's) and `citations` gains every new quote, de-duplicated
 * by chunk id in first-seen order.
 */
export function addNodeResponses(message: ChatMessage, responses: readonly NodeResponse[]): ChatMessage {
  if (responses.length === 0) return message;
  const existing = message.responseData ?? [];
  const seen = new Set(existing.map((r) => r.id).filter((id) => id !== undefined));
  const added = responses.filter((r) => r.id === undefined || !seen.has(r.id));
  if (added.length === 0) return message;
  const next: ChatMessage = { ...message, responseData: [...existing, ...added] };
  const quotes = collectQuotes(added);
  if (quotes.length > 0) {
    const citations = message.citations ? message.citations.slice() : [];
    const ids = new Set(citations.map((q) => q.id));
    for (const quote of quotes) {
      if (ids.has(quote.id)) continue;
      ids.add(quote.id);
      citations.push(quote);
    }
    if (citations.length !== (message.citations?.length ?? 0)) next.citations = citations;
  }
  return next;
}

function withParts(message: ChatMessage, parts: MessagePart[]): ChatMessage {
  if (parts === message.parts) return message;
  return { ...message, parts, status: message.status === 'pending' ? 'streaming' : message.status };
}

/**
 * Folds one stream event into the assistant message. Pure; returns the same object when the event changes
 * nothing (heartbeats, `done`, unknown events), so a settled UI does not re-render.
 *
 * - `answer`: reasoning deltas grow a `streaming` reasoning part; text deltas close it and grow the text.
 * - `fastAnswer`: the text, without FastGPT's leading `"\n"` while the message has no text yet.
 * - `toolCall` / `toolParams` / `toolResponse`: a tool part, its params accumulated by tool id, `done` on
 *   its response.
 * - `interactive`: an unanswered interactive part (nested payloads unwrapped).
 * - `workflowDuration`: added to `durationSeconds` (a continuation adds to the first run, as FastGPT does).
 * - `flowResponses` / `flowNodeResponse`: `responseData` and `citations`.
 * - `error`: status `error` with the error.
 *
 * A message still `pending` becomes `streaming` with its first content.
 *
 * @example
 * ```ts
 * let message = { id, role: 'assistant', parts: [], status: 'pending', createdAt: Date.now() };
 * for await (const event of chat.streamChatCompletion(request)) message = applyStreamEvent(message, event);
 * ```
 */
export function applyStreamEvent(message: ChatMessage, event: FastGPTStreamEvent): ChatMessage {
  switch (event.type) {
    case 'answer': {
      let parts = message.parts;
      if (event.reasoning) parts = appendReasoning(parts, event.reasoning);
      if (event.text) parts = appendText(closeReasoning(parts), event.text);
      return withParts(message, parts);
    }
    case 'fastAnswer': {
      let parts = message.parts;
      if (event.reasoning) parts = appendReasoning(parts, event.reasoning);
      const text = hasText(parts) ? event.text : event.text.replace(/^\n/, '');
      if (text) parts = appendText(closeReasoning(parts), text);
      return withParts(message, parts);
    }
    case 'toolCall': {
      if (message.parts.some((part) => part.type === 'tool' && part.id === event.tool.id)) return message;
      return withParts(message, [...closeReasoning(message.parts), toolPart(event.tool)]);
    }
    case 'toolParams': {
      const fragment = event.tool.params ?? '';
      if (!fragment) return message;
      const parts = updateTool(message.parts, event.tool.id, (tool) => ({
        ...tool,
        params: tool.params + fragment,
      }));
      return parts ? withParts(message, parts) : message;
    }
    case 'toolResponse': {
      const parts = updateTool(message.parts, event.tool.id, (tool) => ({
        ...tool,
        response: event.tool.response ?? '',
        state: 'done',
      }));
      return parts ? withParts(message, parts) : message;
    }
    case 'interactive':
      return withParts(message, [
        ...closeReasoning(message.parts),
        { type: 'interactive', interactive: unwrapInteractive(event.interactive), answered: false },
      ]);
    case 'workflowDuration':
      return {
        ...message,
        durationSeconds: round2((message.durationSeconds ?? 0) + event.durationSeconds),
      };
    case 'flowResponses':
      return addNodeResponses(message, event.responses);
    case 'flowNodeResponse':
      return addNodeResponses(message, [event.response]);
    case 'error':
      if (message.status === 'error' && message.error === event.error) return message;
      return { ...message, status: 'error', error: event.error };
    default:
      return message;
  }
}

/**
 * Folds one stream event into the message and the chat-level state: `flowNodeStatus` sets `activeNode`,
 * `updateVariables` merges into `variables`. Returns the same object when nothing changed.
 */
export function applyChatStreamEvent(state: ChatStreamState, event: FastGPTStreamEvent): ChatStreamState {
  switch (event.type) {
    case 'flowNodeStatus': {
      const current = state.activeNode;
      if (current?.name === event.name && current.status === event.status) return state;
      return { ...state, activeNode: { name: event.name, status: event.status } };
    }
    case 'updateVariables': {
      const entries = Object.entries(event.variables);
      if (entries.every(([key, value]) => Object.is(state.variables[key], value))) return state;
      return { ...state, variables: { ...state.variables, ...event.variables } };
    }
    default: {
      const message = applyStreamEvent(state.message, event);
      return message === state.message ? state : { ...state, message };
    }
  }
}

/**
 * Settles a message at the end of its run: the given status, reasoning no longer streaming, and tools
 * still `running` marked `done` (a stopped or failed run will not send their responses).
 */
export function finalizeMessage(
  message: ChatMessage,
  status: MessageStatus,
  error?: ChatMessage['error'],
): ChatMessage {
  let parts = closeReasoning(message.parts);
  if (parts.some((part) => part.type === 'tool' && part.state === 'running')) {
    parts = parts.map((part) =>
      part.type === 'tool' && part.state === 'running' ? { ...part, state: 'done' } : part,
    );
  }
  if (parts === message.parts && message.status === status && message.error === error) return message;
  const next: ChatMessage = { ...message, parts, status };
  if (error) next.error = error;
  else delete next.error;
  return next;
}

/**
 * Folds a non-stream completion (`stream: false`) into the assistant message: its content (a string, or
 * value items with `detail`), `reasoning_content`, and `responseData` with its citations.
 */
export function applyCompletionResponse(message: ChatMessage, response: ChatCompletionResponse): ChatMessage {
  const reply = response.choices[0]?.message;
  let parts = message.parts;
  if (reply?.reasoning_content)
    parts = [...parts, { type: 'reasoning', text: reply.reasoning_content, streaming: false }];
  const content = reply?.content;
  if (typeof content === 'string') parts = appendText(parts, content);
  else if (Array.isArray(content)) {
    const value = content.map(normalizeValueItem).filter((item) => item !== undefined);
    const record: ChatRecord = { dataId: message.id, obj: 'AI', value };
    const converted = recordToMessage(record);
    for (const part of converted?.parts ?? []) {
      parts = part.type === 'text' ? appendText(parts, part.text) : [...parts, part];
    }
  }
  let next = withParts(message, parts);
  if (response.responseData) next = addNodeResponses(next, response.responseData);
  return next;
}
