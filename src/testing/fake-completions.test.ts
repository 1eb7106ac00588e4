import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeFastGPT,
  type FakeFastGPT,
  type FakeFastGPTOptions,
  renderScenarioTranscript,
  SCENARIOS,
} from './index';

const NOW = Date.parse('2026-01-29T07:41:22.600Z');
const make = (options: FakeFastGPTOptions = {}) =>
  createFakeFastGPT({ analytics: false, now: () => NOW, ...options });

function complete(
  fake: FakeFastGPT,
  body: Record<string, unknown>,
  init: RequestInit = {},
  path = '/api/v1/chat/completions',
) {
  return fake.fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${fake.credentials.appKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ stream: true, ...body }),
    ...init,
  });
}

const frames = (text: string) => text.split('\n\n').filter(Boolean);

/** Reads a body in the background; `text()` is what arrived so far. */
function collect(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const done = (async () => {
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) return text;
      text += decoder.decode(value, { stream: true });
    }
  })();
  done.catch(() => {});
  return { text: () => text, done };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('stream framing', () => {
  it('detail:false writes only data: lines of answer chunks, then data: [DONE]', async () => {
    const fake = make();
    const res = await complete(fake, { chatId: 'c1', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream;charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const chunk = (content: string | null, finish: string | null = null) =>
      `data: {"id":"","object":"","created":0,"model":"","choices":[{"delta":{"role":"assistant","content":${JSON.stringify(content)}},"index":0,"finish_reason":${JSON.stringify(finish)}}]}\n\n`;
    expect(await res.text()).toBe(
      chunk('You said: “hi”. ') +
        chunk('This reply comes') +
        chunk(' from the fake F') +
        chunk('astGPT server.') +
        chunk(null, 'stop') +
        'data: [DONE]\n\n',
    );
  });

  it('detail:true names every event, puts [DONE] in event: answer and flowResponses after it', async () => {
    const fake = make();
    const res = await complete(fake, {
      chatId: 'c1',
      detail: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const text = await res.text();
    expect(text).toBe(await renderScenarioTranscript('default', { detail: true, question: 'hi', now: NOW }));
    const list = frames(text);
    expect(list[0]).toBe('event: flowNodeStatus\ndata: {"status":"running","name":"AI 对话"}');
    expect(list.at(-4)).toBe('event: workflowDuration\ndata: {"durationSeconds":1.22}');
    expect(list.at(-3)).toContain('"content":null},"index":0,"finish_reason":"stop"');
    expect(list.at(-2)).toBe('event: answer\ndata: [DONE]');
    expect(list.at(-1)).toMatch(/^event: flowResponses\ndata: \[/);
    const responses = JSON.parse(list.at(-1)?.split('data: ')[1] ?? '[]');
    expect(responses[1]).toMatchObject({
      moduleType: 'chatNode',
      moduleName: 'AI 对话',
      runningTime: 1.22,
      model: 'gpt-4o-mini',
      inputTokens: expect.any(Number),
      outputTokens: expect.any(Number),
      totalPoints: expect.any(Number),
    });
  });

  it('v2 streams flowNodeResponse after each node and no flowResponses', async () => {
    const fake = make();
    const res = await complete(
      fake,
      { chatId: 'c1', detail: true, messages: [{ role: 'user', content: 'hi' }] },
      {},
      '/api/v2/chat/completions',
    );
    const events = frames(await res.text()).map((f) => f.split('\n')[0]);
    expect(events.filter((e) => e === 'event: flowNodeResponse')).toHaveLength(2);
    expect(events).not.toContain('event: flowResponses');
    expect(events.at(-1)).toBe('event: answer');
  });

  it('pre-stream failures are one bare event: error, HTTP 200, no event-stream type', async () => {
    const fake = make();
    const res = await complete(
      fake,
      { messages: [{ role: 'user', content: 'x' }] },
      {
        headers: { Authorization: 'Bearer fastgpt-nope' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBeNull();
    expect(await res.text()).toBe(
      'event: error\ndata: {"code":514,"statusText":"unAuthApiKey","message":"common:code_error.error_message.514","data":null}\n\n',
    );
    const empty = await complete(fake, { messages: [] });
    expect(await empty.text()).toBe('event: error\ndata: {"message":"messages is empty"}\n\n');
  });

  it('emits every scenario’s events; markdown is long and finely chunked', async () => {
    const fake = make();
    const events = async (q: string) =>
      frames(
        await (await complete(fake, { detail: true, messages: [{ role: 'user', content: q }] })).text(),
      ).map((f) => f.split('\n')[0]);
    expect(await events('use a tool')).toEqual(
      expect.arrayContaining(['event: toolCall', 'event: toolParams', 'event: toolResponse']),
    );
    expect(await events('select')).toContain('event: interactive');
    expect(await events('form')).toContain('event: interactive');
    expect(await events('variable')).toEqual(
      expect.arrayContaining(['event: updateVariables', 'event: fastAnswer']),
    );
    const markdown = await renderScenarioTranscript('markdown');
    const text = frames(markdown)
      .slice(0, -2)
      .map((f) => JSON.parse(f.slice(6)).choices[0].delta.content)
      .join('');
    expect(new TextEncoder().encode(text).length).toBeGreaterThanOrEqual(4096);
    expect(frames(markdown).length).toBeGreaterThan(100);
    expect(text.match(/```/g)).toHaveLength(4);
    expect(text).toContain('| --- | --- | --- |');
    const reasonText = await renderScenarioTranscript('reason');
    expect(reasonText).toContain('"reasoning_content":"用户想看推理过程，"');
  });

  it('records a failing node’s errorText in the variable run, which goes on to its answer', async () => {
    const text = await renderScenarioTranscript('variable', { detail: true });
    const flow = frames(text).find((f) => f.startsWith('event: flowResponses\n'));
    const responses: Array<{ moduleType: string; errorText?: string }> = JSON.parse(
      flow?.split('\ndata: ')[1] ?? '[]',
    );
    expect(responses.map((r) => r.moduleType)).toEqual([
      'workflowStart',
      'classifyQuestion',
      'variableUpdate',
      'httpRequest468',
      'answerNode',
    ]);
    expect(responses[3]?.errorText).toContain('请求超时');
  });

  it('keeps [id](CITE) markers only with retainDatasetCite', async () => {
    const without = await renderScenarioTranscript('cite', { detail: true });
    const withCite = await renderScenarioTranscript('cite', { detail: true, retainDatasetCite: true });
    const answers = (t: string) =>
      frames(t)
        .filter((f) => f.startsWith('event: answer\ndata: {'))
        .join('');
    expect(answers(without)).not.toContain('(CITE)');
    expect(answers(withCite)).toMatch(/\[[0-9a-f]{24}\]\(CITE\)/);
    expect(without).toContain('"quoteList":[{');
  });

  it('error scenario: answers, then event: error with {message}, no [DONE]', async () => {
    const text = await renderScenarioTranscript('error', { detail: false });
    const list = frames(text);
    expect(list.at(-1)).toBe('event: error\ndata: {"message":"模型请求失败：上游连接超时"}');
    expect(text).not.toContain('[DONE]');
  });

  it('every scenario transcript is well-formed SSE', async () => {
    for (const name of SCENARIOS) {
      if (name === '429') continue;
      for (const detail of [false, true]) {
        const text = await renderScenarioTranscript(name, { detail });
        for (const frame of frames(text)) expect(frame).toMatch(/^(event: \w+\n)?data: .+$/);
      }
    }
  });
});

describe('non-stream completions', () => {
  const ask = (fake: FakeFastGPT, body: Record<string, unknown>) =>
    complete(fake, { stream: false, ...body }).then((r) => r.json());

  it('returns the text as a string, and responseData + newVariables with detail', async () => {
    const fake = make();
    const plain = await ask(fake, { chatId: 'c1', messages: [{ role: 'user', content: 'hi' }] });
    expect(plain).toEqual({
      id: 'c1',
      model: '',
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 1 },
      choices: [
        {
          message: {
            role: 'assistant',
            content: 'You said: “hi”. This reply comes from the fake FastGPT server.',
          },
          finish_reason: 'stop',
          index: 0,
        },
      ],
    });
    const detailed = await ask(fake, {
      chatId: 'c1',
      detail: true,
      variables: { uid: 'u1' },
      messages: [{ role: 'user', content: 'reason' }],
    });
    expect(Object.keys(detailed).slice(0, 2)).toEqual(['responseData', 'newVariables']);
    expect(detailed.newVariables).toEqual({ uid: 'u1' });
    expect(detailed.choices[0].message.content).toEqual([
      { type: 'reasoning', reasoning: { content: '用户想看推理过程，先拆解问题，再给出简短的结论。' } },
      { type: 'text', text: { content: expect.stringContaining('推理完成') } },
    ]);
    const noDetail = await ask(fake, { chatId: 'c2', messages: [{ role: 'user', content: 'reason' }] });
    expect(noDetail.choices[0].message).toMatchObject({
      content: expect.stringContaining('推理完成'),
      reasoning_content: '用户想看推理过程，先拆解问题，再给出简短的结论。',
    });
  });

  it('drops content for a lone interactive item on 4.14 and returns the array on 4.13', async () => {
    const fake = make();
    const v414 = await ask(fake, {
      chatId: 'a',
      detail: true,
      messages: [{ role: 'user', content: 'select' }],
    });
    expect('content' in v414.choices[0].message).toBe(false);
    fake.setOptions({ serverVersion: '4.13' });
    const v413 = await ask(fake, {
      chatId: 'b',
      detail: true,
      messages: [{ role: 'user', content: 'select' }],
    });
    expect(v413.choices[0].message.content[0].type).toBe('interactive');
  });

  it('the error scenario fails with the version’s error envelope', async () => {
    const fake = make();
    const res = await complete(fake, { stream: false, messages: [{ role: 'user', content: 'error' }] });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      code: 500,
      statusText: 'error',
      message: '模型请求失败：上游连接超时',
      data: null,
    });
  });
});

describe('timing, stop, abort and faults (fetch adapter)', () => {
  it('writes a heartbeat chunk every heartbeatMs', async () => {
    vi.useFakeTimers();
    const fake = make({ heartbeatMs: 3000, tokenDelayMs: 10_000 });
    const controller = new AbortController();
    const res = await complete(
      fake,
      { detail: true, messages: [{ role: 'user', content: 'hi' }] },
      { signal: controller.signal },
    );
    const body = collect(res);
    await vi.advanceTimersByTimeAsync(9500);
    const beats = frames(body.text()).filter((f) => f.includes('"content":""'));
    expect(beats).toEqual(
      Array(3).fill(
        `event: answer\ndata: {"id":"","object":"","created":0,"model":"","choices":[{"delta":{"role":"assistant","content":""},"index":0,"finish_reason":null}]}`,
      ),
    );
    controller.abort();
    await expect(body.done).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the stop endpoint ends a slow stream promptly and keeps the partial answer', async () => {
    vi.useFakeTimers();
    const fake = make();
    const res = await complete(fake, {
      chatId: 'c1',
      detail: true,
      messages: [{ role: 'user', content: 'slow' }],
    });
    const body = collect(res);
    await vi.advanceTimersByTimeAsync(450);
    const stop = await fake.fetch('/api/v2/chat/stop', {
      method: 'POST',
      headers: { Authorization: `Bearer ${fake.credentials.appKey}` },
      body: JSON.stringify({ appId: fake.credentials.appId, chatId: 'c1' }),
    });
    expect(await stop.json()).toEqual({ code: 200, statusText: '', message: '', data: { success: true } });
    const text = await body.done;
    expect(text).toContain('event: answer\ndata: [DONE]');
    expect(
      frames(text).filter((f) => f.startsWith('event: answer\ndata: {') && !f.includes('"content":null')),
    ).toHaveLength(3);
    const ai = fake.state.chats.get('c1')?.items[1];
    expect(ai?.value).toEqual([{ type: 'text', text: { content: 'You said: “slow”. ' } }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with AbortError when aborted before the response', async () => {
    const fake = make();
    const controller = new AbortController();
    controller.abort();
    await expect(
      complete(fake, { messages: [{ role: 'user', content: 'hi' }] }, { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('drop scenario errors the body with TypeError("terminated") after a few events', async () => {
    const fake = make();
    const res = await complete(fake, { detail: true, messages: [{ role: 'user', content: 'drop' }] });
    const body = collect(res);
    await expect(body.done).rejects.toThrow(new TypeError('terminated'));
    expect(frames(body.text()).length).toBe(4);
  });

  it('an injected drop fault strikes after afterEvents events', async () => {
    const fake = make();
    fake.injectFault({ kind: 'drop', afterEvents: 2, path: '/chat/completions' });
    const body = collect(await complete(fake, { messages: [{ role: 'user', content: 'hi' }] }));
    await expect(body.done).rejects.toThrow('terminated');
    expect(frames(body.text())).toHaveLength(2);
  });

  it('stall goes silent until the client aborts, then saves what was said', async () => {
    vi.useFakeTimers();
    const fake = make({ heartbeatMs: 1000 });
    const controller = new AbortController();
    const res = await complete(
      fake,
      { chatId: 'c1', messages: [{ role: 'user', content: 'stall' }] },
      { signal: controller.signal },
    );
    const body = collect(res);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(frames(body.text())).toHaveLength(3);
    controller.abort();
    await expect(body.done).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(fake.state.chats.get('c1')?.items).toHaveLength(2));
    expect(vi.getTimerCount()).toBe(0);
  });
});
