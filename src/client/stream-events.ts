import { classifyError } from './error-classification';
import { StreamError } from './errors';
import type { ServerSentMessage } from './sse-reader';
import type {
  ChatCompletionChunk,
  FastGPTStreamEvent,
  InteractivePayload,
  NodeResponse,
  ToolCallRecord,
} from './types';

const KNOWN_EVENTS = new Set([
  'answer',
  'fastAnswer',
  'flowNodeStatus',
  'toolCall',
  'toolParams',
  'toolResponse',
  'updateVariables',
  'interactive',
  'workflowDuration',
  'flowResponses',
  'flowNodeResponse',
  'error',
]);

const EMPTY_TOOL: ToolCallRecord = { id: '', toolName: '', toolAvatar: '', params: '', response: '' };

function parseData(message: ServerSentMessage, event: string): unknown {
  try {
    return JSON.parse(message.data);
  } catch (cause) {
    const preview = message.data.length > 80 ? `${message.data.slice(0, 80)}…` : message.data;
    throw new StreamError(`FastGPT sent malformed JSON in a "${event}" event: ${preview}`, { event, cause });
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function asTool(value: unknown): ToolCallRecord {
  return { ...EMPTY_TOOL, ...(asObject(asObject(value).tool) as Partial<ToolCallRecord>) };
}

/**
 * Turns one raw SSE message into a typed event, or `undefined` for heartbeats (empty `answer` chunks).
 * Without `event:` lines (`detail: false`) every chunk is an answer.
 *
 * @throws {StreamError} when the data is not valid JSON.
 */
export function toStreamEvent(message: ServerSentMessage): FastGPTStreamEvent | undefined {
  const event = message.event ?? 'answer';
  const sseId = message.id === undefined ? {} : { sseId: message.id };
  if (message.data === '[DONE]') return { type: 'done', ...sseId };
  if (!KNOWN_EVENTS.has(event)) {
    // Newer servers add events (chatTitle, plan…); their data is passed on, parsed when it is JSON.
    let data: unknown = message.data;
    try {
      data = JSON.parse(message.data);
    } catch {
      // plain text stays text
    }
    return { type: 'unknown', event, data, ...sseId };
  }
  const data = parseData(message, event);

  switch (event) {
    case 'answer':
    case 'fastAnswer': {
      const chunk = data as ChatCompletionChunk;
      const choice = Array.isArray(chunk?.choices) ? chunk.choices[0] : undefined;
      const text = choice?.delta?.content ?? '';
      const reasoning = choice?.delta?.reasoning_content ?? '';
      const finishReason = choice?.finish_reason ?? null;
      if (event === 'fastAnswer') return { type: 'fastAnswer', text, reasoning, chunk, ...sseId };
      // FastGPT's keep-alive is a real answer chunk with content "": nothing to report.
      if (text === '' && reasoning === '' && finishReason === null) return undefined;
      return { type: 'answer', text, reasoning, finishReason, chunk, ...sseId };
    }
    case 'flowNodeStatus': {
      const { status, name } = asObject(data);
      return {
        type: 'flowNodeStatus',
        status: String(status ?? 'running'),
        name: String(name ?? ''),
        ...sseId,
      };
    }
    case 'toolCall':
      return { type: 'toolCall', tool: asTool(data), ...sseId };
    case 'toolParams':
      return { type: 'toolParams', tool: asTool(data), ...sseId };
    case 'toolResponse':
      return { type: 'toolResponse', tool: asTool(data), ...sseId };
    case 'updateVariables':
      return { type: 'updateVariables', variables: asObject(data), ...sseId };
    case 'interactive': {
      const payload = asObject(data);
      const interactive = (payload.interactive ?? payload) as InteractivePayload;
      return { type: 'interactive', interactive, ...sseId };
    }
    case 'workflowDuration':
      return {
        type: 'workflowDuration',
        durationSeconds: Number(asObject(data).durationSeconds ?? 0),
        ...sseId,
      };
    case 'flowResponses':
      return {
        type: 'flowResponses',
        responses: Array.isArray(data) ? (data as NodeResponse[]) : [],
        ...sseId,
      };
    case 'flowNodeResponse':
      return { type: 'flowNodeResponse', response: asObject(data) as NodeResponse, ...sseId };
    default:
      // error: no HTTP status applies to an event, so only the body's own code counts.
      return { type: 'error', error: classifyError({ body: data }), data, ...sseId };
  }
}
