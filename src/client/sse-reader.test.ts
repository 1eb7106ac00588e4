import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitBytes, streamOfChunks, utf8 } from '../test-setup/streams';
import { ConnectionError, StreamError, TimeoutError } from './errors';
import { DETAIL_TRANSCRIPT, INTERACTIVE_TRANSCRIPT, PLAIN_TRANSCRIPT } from './sse-fixtures.test-helpers';
import { readServerSentEvents, type ServerSentMessage } from './sse-reader';
import { toStreamEvent } from './stream-events';

async function collect(
  stream: ReadableStream<Uint8Array>,
  idleTimeout = 60_000,
): Promise<ServerSentMessage[]> {
  const messages: ServerSentMessage[] = [];
  for await (const message of readServerSentEvents(stream, { idleTimeout })) messages.push(message);
  return messages;
}

const TRANSCRIPTS = [DETAIL_TRANSCRIPT, PLAIN_TRANSCRIPT, INTERACTIVE_TRANSCRIPT];

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('readServerSentEvents', () => {
  it('reads FastGPT framing: event names, data, optional id lines', async () => {
    const messages = await collect(streamOfChunks([utf8(INTERACTIVE_TRANSCRIPT)]));
    expect(messages.map((m) => [m.id, m.event])).toEqual([
      ['1', 'chatTitle'],
      ['2', 'interactive'],
      [undefined, 'answer'],
      [undefined, 'answer'],
      [undefined, 'flowResponses'],
    ]);
    expect(messages[3]?.data).toBe('[DONE]');
  });

  it('yields the same events for any split of a recorded stream, including inside CJK characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TRANSCRIPTS),
        fc.boolean(),
        fc.uniqueArray(fc.nat({ max: 4000 }), { maxLength: 60 }),
        async (transcript, crlf, cuts) => {
          const text = crlf ? transcript.replaceAll('\n', '\r\n') : transcript;
          const bytes = utf8(text);
          const whole = await collect(streamOfChunks([utf8(transcript)]));
          const split = await collect(
            streamOfChunks(
              splitBytes(
                bytes,
                [...cuts].sort((a, b) => a - b),
              ),
            ),
          );
          expect(split).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('yields the same events when every byte arrives on its own', async () => {
    const bytes = utf8(DETAIL_TRANSCRIPT.replaceAll('\n', '\r\n'));
    const oneByteChunks = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    expect(await collect(streamOfChunks(oneByteChunks))).toEqual(
      await collect(streamOfChunks([utf8(DETAIL_TRANSCRIPT)])),
    );
  });

  it('parses a 1 MB flowResponses line sent in 64-byte pieces with one JSON.parse and one decode per piece', async () => {
    const responses = Array.from({ length: 4000 }, (_, i) => ({
      id: `n${i}`,
      moduleName: `节点 ${i}`,
      moduleType: 'chatNode',
      textOutput: 'x'.repeat(200),
    }));
    const line = `event: flowResponses\ndata: ${JSON.stringify(responses)}\n\n`;
    const bytes = utf8(line);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    const cuts = Array.from({ length: Math.floor(bytes.length / 64) }, (_, i) => (i + 1) * 64);
    const pieces = splitBytes(bytes, cuts);

    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const parse = vi.spyOn(JSON, 'parse');
    const messages = await collect(streamOfChunks(pieces));
    const events = messages.map(toStreamEvent);

    expect(events).toHaveLength(1);
    expect(events[0]?.type === 'flowResponses' && events[0].responses).toHaveLength(4000);
    expect(parse).toHaveBeenCalledTimes(1);
    // One decode per piece plus the final flush: nothing is re-decoded as the line grows.
    expect(decode).toHaveBeenCalledTimes(pieces.length + 1);
  });

  it('turns a dropped connection into a ConnectionError after delivering what arrived', async () => {
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(utf8('event: answer\ndata: {"choices":[]}\n\n'));
        } else controller.error(new TypeError('terminated'));
      },
    });
    const seen: ServerSentMessage[] = [];
    const read = async () => {
      for await (const message of readServerSentEvents(stream, { idleTimeout: 1000 })) seen.push(message);
    };
    await expect(read()).rejects.toBeInstanceOf(ConnectionError);
    expect(seen).toHaveLength(1);
  });

  it('gives up with a TimeoutError when no byte arrives within the idle timeout', async () => {
    vi.useFakeTimers();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8('event: answer\ndata: {"choices":[]}\n\n'));
      },
    });
    const iterator = readServerSentEvents(stream, { idleTimeout: 5_000 });
    expect((await iterator.next()).done).toBe(false);
    const next = iterator.next();
    const outcome = expect(next).rejects.toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(4_999);
    let settled = false;
    next.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
  });

  it('does not count time the consumer spends on an event as idle', async () => {
    vi.useFakeTimers();
    const stream = streamOfChunks([utf8('data: {"a":1}\n\n'), utf8('data: {"a":2}\n\n')]);
    const iterator = readServerSentEvents(stream, { idleTimeout: 1_000 });
    await iterator.next();
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await iterator.next()).value).toMatchObject({ data: '{"a":2}' });
    expect((await iterator.next()).done).toBe(true);
  });

  it('stops at once when the signal aborts, with the signal reason, and cancels the body', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8('data: {"a":1}\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const iterator = readServerSentEvents(stream, { idleTimeout: 60_000, signal: controller.signal });
    await iterator.next();
    const next = iterator.next();
    controller.abort(new DOMException('stopped by user', 'AbortError'));
    await expect(next).rejects.toMatchObject({ name: 'AbortError', message: 'stopped by user' });
    expect(cancelled).toBe(true);
  });

  it('cancels the body when the consumer breaks out early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8('data: {"a":1}\n\ndata: {"a":2}\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _ of readServerSentEvents(stream, { idleTimeout: 60_000 })) break;
    expect(cancelled).toBe(true);
  });
});

describe('toStreamEvent', () => {
  const events = async (transcript: string) =>
    (await collect(streamOfChunks([utf8(transcript)]))).map(toStreamEvent).filter((e) => e !== undefined);

  it('types every detail-mode event and skips the empty heartbeat chunk', async () => {
    const list = await events(DETAIL_TRANSCRIPT);
    expect(list.map((e) => e.type)).toEqual([
      'flowNodeStatus',
      'flowNodeStatus',
      'answer',
      'toolCall',
      'toolParams',
      'toolParams',
      'toolResponse',
      'answer',
      'answer',
      'updateVariables',
      'workflowDuration',
      'answer',
      'done',
      'flowResponses',
    ]);
    expect(list[0]).toEqual({ type: 'flowNodeStatus', status: 'running', name: '知识库搜索' });
    expect(list[2]).toMatchObject({
      type: 'answer',
      text: '',
      reasoning: '用户询问电影导演，',
      finishReason: null,
    });
    expect(list[4]).toMatchObject({ type: 'toolParams', tool: { id: 'call_8f2k', params: '{"city":' } });
    expect(list[9]).toEqual({ type: 'updateVariables', variables: { uid: 'u-1', city: '北京' } });
    expect(list[10]).toEqual({ type: 'workflowDuration', durationSeconds: 3.42 });
    expect(list[11]).toMatchObject({ type: 'answer', text: '', finishReason: 'stop' });
    expect(list[13]?.type === 'flowResponses' && list[13].responses.map((r) => r.moduleName)).toEqual([
      '流程开始',
      'AI 对话',
    ]);
  });

  it('treats chunks without event lines as answers (detail: false)', async () => {
    const list = await events(PLAIN_TRANSCRIPT);
    expect(list.map((e) => (e.type === 'answer' ? e.text || e.reasoning : e.type))).toEqual([
      '用户问导演。',
      '电影《铃芽之旅》',
      '的导演是新海诚。',
      '',
      'done',
    ]);
  });

  it('passes unknown events through as unknown and keeps id lines', async () => {
    const list = await events(INTERACTIVE_TRANSCRIPT);
    expect(list[0]).toEqual({ type: 'unknown', event: 'chatTitle', data: { title: '查天气' }, sseId: '1' });
    expect(list[1]).toMatchObject({ type: 'interactive', sseId: '2', interactive: { type: 'userSelect' } });
  });

  it('passes an unknown event with plain-text data through as text', () => {
    expect(toStreamEvent({ event: 'chatTitle', data: '新标题', id: undefined })).toEqual({
      type: 'unknown',
      event: 'chatTitle',
      data: '新标题',
    });
  });

  it('leaves the code of an error event without one undefined (no HTTP status applies)', () => {
    const event = toStreamEvent({
      event: 'error',
      data: '{"message":"common:code_error.some_key"}',
      id: undefined,
    });
    expect(event?.type === 'error' && event.error).toMatchObject({ code: undefined });
    expect(event?.type === 'error' && event.error.message).toBe('FastGPT reported an error.');
  });

  it('names the event when its JSON is malformed', () => {
    expect(() => toStreamEvent({ event: 'toolParams', data: '{"tool":', id: undefined })).toThrow(
      StreamError,
    );
    expect(() => toStreamEvent({ event: 'toolParams', data: '{"tool":', id: undefined })).toThrow(
      /"toolParams" event/,
    );
  });

  it('keeps the fastAnswer text with its leading newline', () => {
    const event = toStreamEvent({
      event: 'fastAnswer',
      data: '{"choices":[{"delta":{"role":"assistant","content":"\\n固定回复"},"index":0,"finish_reason":null}]}',
      id: undefined,
    });
    expect(event).toMatchObject({ type: 'fastAnswer', text: '\n固定回复' });
  });

  it('classifies an error event into a typed error with a human sentence', () => {
    const event = toStreamEvent({
      event: 'error',
      data: '{"code":514,"statusText":"unAuthApiKey","message":"common:code_error.error_message.514","data":null}',
      id: undefined,
    });
    expect(event?.type).toBe('error');
    if (event?.type !== 'error') return;
    expect(event.error.name).toBe('AuthenticationError');
    expect(event.error.message).not.toContain('common:');
    expect(event.error).toMatchObject({ code: 514, statusText: 'unAuthApiKey' });
  });
});
