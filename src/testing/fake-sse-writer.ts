import type { ChatCompletionChunk } from '../client/types';

/** Response headers FastGPT sets when a stream starts (contract §4.1). */
export const SSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/event-stream;charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  'Access-Control-Allow-Origin': '*',
  Connection: 'keep-alive',
});

/**
 * One SSE frame exactly as FastGPT's `responseWrite` writes it: `event: <name>\n` when a name is used,
 * then `data: <payload>\n\n`.
 */
export function sseFrame(event: string | undefined, data: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`;
}

/** What a chunk carries: text, reasoning, or the closing `content: null`. */
export interface ChunkDelta {
  /** Text to append; `null` on the closing chunk; absent on pure reasoning chunks. */
  content?: string | null;
  /** Reasoning text to append. */
  reasoning_content?: string;
}

/** FastGPT's `textAdaptGptResponse`: the OpenAI-style chunk of `answer` / `fastAnswer` events. */
export function answerChunk(delta: ChunkDelta, finishReason: string | null = null): ChatCompletionChunk {
  const d: ChatCompletionChunk['choices'][number]['delta'] = { role: 'assistant' };
  if (delta.content !== undefined) d.content = delta.content;
  if (delta.reasoning_content !== undefined) d.reasoning_content = delta.reasoning_content;
  return {
    id: '',
    object: '',
    created: 0,
    model: '',
    choices: [{ delta: d, index: 0, finish_reason: finishReason }],
  };
}

/** The closing chunk of a run: `content: null`, `finish_reason: "stop"`. */
export function stopChunk(): ChatCompletionChunk {
  return answerChunk({ content: null }, 'stop');
}

/** The bare `event: error` frame FastGPT writes for failures (even with `detail: false`). */
export function sseErrorFrame(data: unknown): string {
  return sseFrame('error', JSON.stringify(data));
}
