import { describe, expect, it } from 'vitest';
import { ChatClient } from '../client/chat-client';
import { APIError } from '../client/errors';
import type { ChatCompletionChunk, FastGPTStreamEvent, NodeResponse } from '../client/types';
import { createFakeFastGPT } from '../testing';
import type { ChatMessage } from './chat-message';
import {
  addNodeResponses,
  applyChatStreamEvent,
  applyCompletionResponse,
  applyStreamEvent,
  type ChatStreamState,
  finalizeMessage,
} from './chat-reducer';

/** Every event the fake streams for a question (the scenario is picked by keyword); v2 framing on request. */
async function scenarioEvents(question: string, v2 = false): Promise<FastGPTStreamEvent[]> {
  const fake = createFakeFastGPT({ analytics: false, heartbeatMs: 0 });
  const client = new ChatClient({
    // The client speaks v1; the v2 framing is the same route under /api/v2/.
    fetch: v2 ? (input, init) => fake.fetch(String(input).replace('/api/v1/', '/api/v2/'), init) : fake.fetch,
    baseUrl: fake.baseUrl,
    apiKey: fake.credentials.appKey,
    maxRetries: 0,
  });
  const events: FastGPTStreamEvent[] = [];
  const request = { chatId: 'c1', detail: true, messages: [{ role: 'user' as const, content: question }] };
  try {
    for await (const event of client.streamChatCompletion(request)) events.push(event);
  } catch {
    // The error scenario ends by throwing; the events before are what matters here.
  }
  return events;
}

const pending = (): ChatMessage => ({
  id: 'a1',
  role: 'assistant',
  parts: [],
  status: 'pending',
  createdAt: 0,
});

function fold(events: FastGPTStreamEvent[], message = pending()): ChatMessage {
  return events.reduce(applyStreamEvent, message);
}

const chunk = (content: string | null): ChatCompletionChunk => ({
  id: '',
  object: '',
  created: 0,
  model: '',
  choices: [{ delta: { role: 'assistant', content }, index: 0, finish_reason: null }],
});
const answer = (text: string, reasoning = ''): FastGPTStreamEvent => ({
  type: 'answer',
  text,
  reasoning,
  finishReason: null,
  chunk: chunk(text),
});

describe('applyStreamEvent with the fake scenarios', () => {
  it('folds a plain reply into one text part, its duration and node responses', async () => {
    const message = fold(await scenarioEvents('你好'));
    expect(message.parts).toEqual([
      { type: 'text', text: 'You said: “你好”. This reply comes from the fake FastGPT server.' },
    ]);
    expect(message.status).toBe('streaming');
    expect(message.durationSeconds).toBe(1.22);
    expect(message.responseData?.map((r) => r.moduleType)).toEqual(['workflowStart', 'chatNode']);
  });

  it('keeps reasoning streaming until the text starts', async () => {
    const events = await scenarioEvents('reason please');
    const firstText = events.findIndex((e) => e.type === 'answer' && e.text !== '');
    const thinking = fold(events.slice(0, firstText));
    expect(thinking.parts).toEqual([
      { type: 'reasoning', text: '用户想看推理过程，先拆解问题，再给出简短的结论。', streaming: true },
    ]);
    const done = fold(events);
    expect(done.parts[0]).toMatchObject({ type: 'reasoning', streaming: false });
    expect(done.parts[1]).toEqual({ type: 'text', text: '推理完成：reason please 的答案是 42。' });
  });

  it('accumulates tool params by id and marks the tool done on its response', async () => {
    const events = await scenarioEvents('use a tool');
    const beforeResponse = fold(
      events.slice(
        0,
        events.findIndex((e) => e.type === 'toolResponse'),
      ),
    );
    expect(beforeResponse.parts).toEqual([
      expect.objectContaining({ type: 'tool', params: '{"city":"北京","unit":"C"}', state: 'running' }),
    ]);
    const message = fold(events);
    expect(message.parts[0]).toMatchObject({
      type: 'tool',
      name: '天气查询',
      functionName: 'get_weather',
      params: '{"city":"北京","unit":"C"}',
      response: '{"weather":"晴","temp":21,"unit":"C"}',
      state: 'done',
    });
    expect(message.parts[1]).toEqual({ type: 'text', text: '北京今天晴，气温 21℃，适合出门。' });
  });

  it('adds an unanswered interactive part for select and form', async () => {
    const select = fold(await scenarioEvents('select a city'));
    expect(select.parts).toEqual([
      expect.objectContaining({
        type: 'interactive',
        answered: false,
        interactive: expect.objectContaining({ type: 'userSelect' }),
      }),
    ]);
    const form = fold(await scenarioEvents('fill the form'));
    expect(form.parts[0]).toMatchObject({ type: 'interactive', interactive: { type: 'userInput' } });
  });

  it('collects citations from the quote lists, de-duplicated', async () => {
    const message = fold(await scenarioEvents('cite sources'));
    expect(message.citations?.length).toBeGreaterThan(0);
    const ids = message.citations?.map((q) => q.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(message.parts).toEqual([{ type: 'text', text: expect.stringContaining('新海诚') }]);
  });

  it('drops the leading newline of a fastAnswer and updates variables at chat level', async () => {
    const events = await scenarioEvents('variable update');
    let state: ChatStreamState = { message: pending(), activeNode: null, variables: { uid: 'u1' } };
    for (const event of events) state = applyChatStreamEvent(state, event);
    expect(state.message.parts).toEqual([{ type: 'text', text: '变量已更新：city = 北京，count = 1' }]);
    expect(state.variables).toEqual({ uid: 'u1', city: '北京', count: 1 });
    expect(state.activeNode).toEqual({ name: '问题分类', status: 'running' });
  });

  it('marks the message failed on an error event, keeping the partial text', async () => {
    const events = await scenarioEvents('error please');
    const message = fold(events);
    expect(message.status).toBe('error');
    expect(message.error?.message).toContain('模型请求失败');
    expect(message.parts).toEqual([{ type: 'text', text: 'This reply starts normally, then the' }]);
  });

  it('folds v2 flowNodeResponse events one by one', async () => {
    const message = fold(await scenarioEvents('cite sources', true));
    expect(message.responseData?.map((r) => r.moduleType)).toEqual([
      'workflowStart',
      'datasetSearchNode',
      'chatNode',
    ]);
    expect(message.citations?.length).toBeGreaterThan(0);
  });
});

describe('applyStreamEvent identity', () => {
  it('returns the same message for heartbeats, done, unknown and empty fragments', () => {
    const message: ChatMessage = { ...pending(), parts: [{ type: 'text', text: 'hi' }], status: 'streaming' };
    const unchanged: FastGPTStreamEvent[] = [
      answer(''),
      { type: 'done' },
      { type: 'unknown', event: 'chatTitle', data: 'x' },
      { type: 'toolParams', tool: { id: 'nope', toolName: '', toolAvatar: '', params: '{', response: '' } },
      { type: 'toolResponse', tool: { id: 'nope', toolName: '', toolAvatar: '', params: '', response: 'r' } },
      { type: 'flowResponses', responses: [] },
    ];
    for (const event of unchanged) expect(applyStreamEvent(message, event)).toBe(message);
  });

  it('keeps the newline of a fastAnswer after text', () => {
    const message = fold([
      answer('a'),
      { type: 'fastAnswer', text: '\nb', reasoning: '', chunk: chunk('\nb') },
    ]);
    expect(message.parts).toEqual([{ type: 'text', text: 'a\nb' }]);
  });

  it('adds the durations of a continuation and skips node responses already there', () => {
    const first: NodeResponse = { id: 'r1', moduleType: 'chatNode' };
    let message = fold([
      { type: 'workflowDuration', durationSeconds: 0.61 },
      { type: 'flowResponses', responses: [first] },
    ]);
    message = fold(
      [
        { type: 'workflowDuration', durationSeconds: 1.05 },
        { type: 'flowResponses', responses: [first, { id: 'r2', moduleType: 'chatNode' }] },
      ],
      message,
    );
    expect(message.durationSeconds).toBe(1.66);
    expect(message.responseData?.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('collects quotes from nested tool details, keeping first-seen order', () => {
    const quote = (id: string) => ({ id, q: id });
    const message = addNodeResponses(pending(), [
      { id: 'a', moduleType: 'datasetSearchNode', quoteList: [quote('q1'), quote('q2')] },
      {
        id: 'b',
        moduleType: 'tools',
        toolDetail: [{ moduleType: 'datasetSearchNode', quoteList: [quote('q2'), quote('q3')] }],
      },
    ]);
    expect(message.citations?.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
  });

  it('keeps the activeNode object when the same node reports again', () => {
    const state: ChatStreamState = {
      message: pending(),
      activeNode: { name: 'AI 对话', status: 'running' },
      variables: {},
    };
    expect(applyChatStreamEvent(state, { type: 'flowNodeStatus', name: 'AI 对话', status: 'running' })).toBe(
      state,
    );
    expect(applyChatStreamEvent(state, { type: 'done' })).toBe(state);
  });

  it('keeps the same error object on a repeated error event', () => {
    const error = new APIError('boom');
    const failed = applyStreamEvent(pending(), { type: 'error', error, data: {} });
    expect(applyStreamEvent(failed, { type: 'error', error, data: {} })).toBe(failed);
  });
});

describe('finalizeMessage', () => {
  it('closes reasoning and running tools, and is a no-op on a settled message', () => {
    const message = fold([
      answer('', 'thinking'),
      { type: 'toolCall', tool: { id: 't', toolName: 'T', toolAvatar: '', params: '', response: '' } },
    ]);
    const settled = finalizeMessage(message, 'stopped');
    expect(settled.status).toBe('stopped');
    expect(settled.parts).toEqual([
      { type: 'reasoning', text: 'thinking', streaming: false },
      expect.objectContaining({ type: 'tool', state: 'done' }),
    ]);
    expect(finalizeMessage(settled, 'stopped')).toBe(settled);
  });
});

describe('applyCompletionResponse', () => {
  it('folds string content with reasoning, value items and node responses', () => {
    const plain = applyCompletionResponse(pending(), {
      id: 'c',
      model: '',
      choices: [
        {
          message: { role: 'assistant', content: 'hello', reasoning_content: 'hm' },
          finish_reason: 'stop',
          index: 0,
        },
      ],
      responseData: [{ id: 'r', moduleType: 'datasetSearchNode', quoteList: [{ id: 'q', q: 'Q' }] }],
    });
    expect(plain.parts).toEqual([
      { type: 'reasoning', text: 'hm', streaming: false },
      { type: 'text', text: 'hello' },
    ]);
    expect(plain.citations).toEqual([{ id: 'q', q: 'Q' }]);
    const items = applyCompletionResponse(pending(), {
      id: 'c',
      model: '',
      choices: [
        {
          message: {
            role: 'assistant',
            content: [
              { type: 'reasoning', reasoning: { content: 'r' } },
              { text: { content: 'newest item without type' } },
            ],
          },
          finish_reason: 'stop',
          index: 0,
        },
      ],
    });
    expect(items.parts).toEqual([
      { type: 'reasoning', text: 'r', streaming: false },
      { type: 'text', text: 'newest item without type' },
    ]);
  });
});
