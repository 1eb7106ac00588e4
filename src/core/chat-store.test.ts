import { describe, expect, it, vi } from 'vitest';
import { ChatClient } from '../client/chat-client';
import { FastGPTError } from '../client/errors';
import type { ChatCompletionChunk, ChatCompletionRequest, FastGPTStreamEvent } from '../client/types';
import { createFakeFastGPT, type FakeFastGPTOptions, type RecordedRequest } from '../testing';
import type { ChatMessage } from './chat-message';
import {
  type ChatServerChange,
  type ChatState,
  type ChatStore,
  type ChatStoreOptions,
  createChatStore,
} from './chat-store';

function setup(fakeOptions: FakeFastGPTOptions = {}, storeOptions: Partial<ChatStoreOptions> = {}) {
  const fake = createFakeFastGPT({ analytics: false, heartbeatMs: 0, ...fakeOptions });
  const client = new ChatClient({
    fetch: fake.fetch,
    baseUrl: fake.baseUrl,
    apiKey: fake.credentials.appKey,
    appId: fake.credentials.appId,
    maxRetries: 0,
  });
  let n = 0;
  const store = createChatStore({
    client,
    generateId: () => `id${String(++n).padStart(22, '0')}`,
    now: () => 1_000,
    ...storeOptions,
  });
  const completions = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
  const deletes = () => fake.requests.filter((r) => r.path === '/api/core/chat/item/delete');
  const liveItems = () =>
    (fake.state.chats.get(store.getState().chatId)?.items ?? []).filter((i) => i.deleteTime === undefined);
  return { fake, client, store, completions, deletes, liveItems };
}

const text = (message: ChatMessage | undefined) =>
  message?.parts.map((p) => (p.type === 'text' ? p.text : '')).join('') ?? '';
const last = (store: ChatStore) => store.getState().messages.at(-1);
const bodyOf = (request: RecordedRequest | undefined) => request?.body as ChatCompletionRequest;

function until(store: ChatStore, predicate: (state: ChatState) => boolean) {
  return vi.waitFor(() => expect(predicate(store.getState())).toBe(true), { interval: 1, timeout: 2000 });
}

describe('send', () => {
  it('goes submitted → streaming → ready, with ids equal to FastGPT dataIds', async () => {
    const { store, completions, liveItems } = setup();
    const statuses: string[] = [];
    store.subscribe((state) => statuses.push(state.status));
    const sent = store.send('你好');
    expect(store.getState().status).toBe('submitted');
    const [user, assistant] = store.getState().messages;
    expect(user).toMatchObject({ role: 'user', status: 'pending', parts: [{ type: 'text', text: '你好' }] });
    expect(assistant).toMatchObject({ role: 'assistant', status: 'pending', parts: [] });
    await sent;
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(statuses[0]).toBe('submitted');
    expect(statuses).toContain('streaming');
    expect(statuses.at(-1)).toBe('ready');
    expect(state.messages[0]?.status).toBe('done');
    expect(state.messages[1]).toMatchObject({ status: 'done', durationSeconds: 1.22 });
    expect(text(state.messages[1])).toBe('You said: “你好”. This reply comes from the fake FastGPT server.');
    expect(state.activeNode).toBeNull();

    const body = bodyOf(completions()[0]);
    expect(body).toMatchObject({
      chatId: state.chatId,
      detail: true,
      stream: true,
      responseChatItemId: assistant?.id,
      messages: [{ role: 'user', content: '你好', dataId: user?.id }],
    });
    expect(state.chatId).toHaveLength(24);
    expect(liveItems().map((i) => i.dataId)).toEqual([user?.id, assistant?.id]);
  });

  it('sends image and file URLs as content parts and shows them as file parts', async () => {
    const { store, completions } = setup();
    await store.send('look', {
      files: [
        { kind: 'image', url: 'https://x.test/a.png' },
        { kind: 'file', url: 'https://x.test/docs/report%20v2.pdf?sig=1' },
      ],
    });
    expect(bodyOf(completions()[0]).messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
      { type: 'file_url', name: 'report v2.pdf', url: 'https://x.test/docs/report%20v2.pdf?sig=1' },
      { type: 'text', text: 'look' },
    ]);
    expect(store.getState().messages[0]?.parts).toEqual([
      { type: 'file', kind: 'image', url: 'https://x.test/a.png' },
      { type: 'file', kind: 'file', url: 'https://x.test/docs/report%20v2.pdf?sig=1' },
      { type: 'text', text: 'look' },
    ]);
  });

  it('ignores empty text, clears the draft it sends, and keeps other drafts', async () => {
    const { store, completions } = setup();
    await store.send('   ');
    expect(completions()).toHaveLength(0);
    store.setDraft('typed');
    await store.send('a suggestion');
    expect(store.getState().draft).toBe('typed');
    await store.send('typed');
    expect(store.getState().draft).toBe('');
  });

  it('folds updateVariables into the chat variables and sends the caller variables', async () => {
    const { store, completions } = setup({}, { variables: { uid: 'u1' }, customUid: 'user-9' });
    await store.send('variable update');
    expect(store.getState().variables).toEqual({ uid: 'u1', city: '北京', count: 1 });
    expect(bodyOf(completions()[0])).toMatchObject({ variables: { uid: 'u1' }, customUid: 'user-9' });
  });

  it('reads options and callbacks at call time', async () => {
    let variables: Record<string, unknown> = { v: 1 };
    const finished: string[] = [];
    const events: string[] = [];
    let onFinish = () => finished.push('old');
    const { store, completions } = setup(
      {},
      {
        getOptions: () => ({ variables }),
        getCallbacks: () => ({ onFinish, onEvent: (event) => events.push(event.type) }),
      },
    );
    await store.send('one');
    variables = { v: 2 };
    onFinish = () => finished.push('new');
    await store.send('two');
    expect(completions().map((r) => bodyOf(r).variables)).toEqual([{ v: 1 }, { v: 2 }]);
    expect(finished).toEqual(['old', 'new']);
    expect(events).toContain('flowResponses');
  });

  it('uses createChatCompletion with stream: false', async () => {
    const { store, completions } = setup({}, { stream: false });
    await store.send('cite sources');
    expect(bodyOf(completions()[0])).toMatchObject({ stream: false, detail: true });
    const reply = last(store);
    expect(reply?.status).toBe('done');
    expect(text(reply)).toContain('新海诚');
    expect(reply?.citations?.length).toBeGreaterThan(0);
    expect(store.getState().status).toBe('ready');
  });
});

describe('notifications', () => {
  it('applies events at once but notifies only for status, first content and the end without frames', async () => {
    const many = 500;
    const chunk: ChatCompletionChunk = { id: '', object: '', created: 0, model: '', choices: [] };
    async function* events(): AsyncGenerator<FastGPTStreamEvent> {
      yield { type: 'flowNodeStatus', name: 'AI 对话', status: 'running' };
      for (let i = 0; i < many; i++)
        yield { type: 'answer', text: 'x', reasoning: '', finishReason: null, chunk };
      yield { type: 'done' };
    }
    const frames: Array<() => void> = [];
    const store = createChatStore({
      client: {
        streamChatCompletion: () => events(),
        createChatCompletion: () => Promise.reject(new Error('no')),
      },
      scheduler: { requestFrame: (cb) => frames.push(cb), cancelFrame: () => {} },
    });
    const notified: ChatState[] = [];
    store.subscribe((state) => notified.push(state));
    await store.send('go');
    expect(text(last(store))).toBe('x'.repeat(many));
    // submitted, the first event (streaming), the first text, the end.
    expect(notified.map((s) => s.status)).toEqual(['submitted', 'streaming', 'streaming', 'ready']);
    expect(text(notified[2]?.messages.at(-1))).toBe('x');
    expect(frames.length).toBeLessThanOrEqual(2);
  });
});

describe('stop', () => {
  it('aborts, keeps the partial text as stopped and asks FastGPT to stop', async () => {
    const { store, fake, liveItems } = setup({ tokenDelayMs: 30 });
    const sent = store.send('你好');
    await until(store, (s) => text(s.messages.at(-1)) !== '');
    await store.stop();
    await sent;
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.messages[1]?.status).toBe('stopped');
    expect(text(state.messages[1])).toBe('You said: “你好”. ');
    expect(fake.requests.some((r) => r.path === '/api/v2/chat/stop')).toBe(true);
    // Nothing arrives after the stop.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(store.getState()).toBe(state);
    expect(liveItems()).toHaveLength(2);
  });

  it('ignores a server without the stop route', async () => {
    const { store, fake } = setup({ tokenDelayMs: 30, serverVersion: '4.8.17' });
    const sent = store.send('你好');
    await until(store, (s) => text(s.messages.at(-1)) !== '');
    await store.stop();
    await sent;
    expect(fake.requests.some((r) => r.path === '/api/v2/chat/stop')).toBe(true);
    expect(store.getState()).toMatchObject({ status: 'ready', error: undefined });
  });

  it('waits for FastGPT to finish stopping before the next request (its stop flag would end it)', async () => {
    const { store, client, completions } = setup({ tokenDelayMs: 20 });
    const original = client.stopChat.bind(client);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(client, 'stopChat').mockImplementation(async (params, opts) => {
      await held;
      return original(params, opts);
    });
    const first = store.send('你好');
    await until(store, (s) => text(s.messages.at(-1)) !== '');
    const stopped = store.stop();
    const second = store.send('again');
    expect(store.getState().status).toBe('submitted');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(completions()).toHaveLength(1);
    release();
    await stopped;
    await Promise.all([first, second]);
    expect(completions()).toHaveLength(2);
    expect(store.getState().status).toBe('ready');
    expect(text(last(store))).toContain('again');
  });

  it('does nothing when no reply runs', async () => {
    const { store, fake } = setup();
    await store.stop();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('regenerate, edit, retry', () => {
  it('regenerate deletes the last question and answer on the server and asks again', async () => {
    const { store, deletes, completions, liveItems } = setup();
    await store.send('你好');
    const [user, answer] = store.getState().messages;
    await store.regenerate();
    // Newest first, so a failure never leaves an answer without its question.
    expect(deletes().map((r) => (r.body as { contentId: string }).contentId)).toEqual([answer?.id, user?.id]);
    const messages = store.getState().messages;
    expect(messages).toHaveLength(2);
    expect(messages[0]?.id).not.toBe(user?.id);
    expect(text(messages[0])).toBe('你好');
    expect(text(messages[1])).toContain('You said: “你好”');
    expect(bodyOf(completions()[1]).messages).toEqual([
      { role: 'user', content: '你好', dataId: messages[0]?.id },
    ]);
    expect(liveItems().map((i) => i.dataId)).toEqual(messages.map((m) => m.id));
  });

  it('edit replaces a user message and everything after it, on the server too', async () => {
    const { store, liveItems } = setup();
    await store.send('first');
    await store.send('second');
    const firstId = store.getState().messages[0]?.id ?? '';
    await store.edit(firstId, 'changed');
    const messages = store.getState().messages;
    expect(messages.map(text)).toEqual([
      'changed',
      'You said: “changed”. This reply comes from the fake FastGPT server.',
    ]);
    expect(liveItems().map((i) => i.dataId)).toEqual(messages.map((m) => m.id));
  });

  it('retry after a dropped connection sends the question again', async () => {
    const { store, fake, liveItems } = setup();
    fake.injectFault({ kind: 'drop', afterEvents: 3, path: '/chat/completions' });
    await store.send('你好');
    let state = store.getState();
    expect(state.status).toBe('error');
    expect(state.error).toBeInstanceOf(FastGPTError);
    expect(state.messages[0]?.status).toBe('done');
    expect(state.messages[1]).toMatchObject({ status: 'error' });
    expect(text(state.messages[1])).toBe('You said: “你好”. This reply comes');
    expect(state.draft).toBe('');

    await store.retry();
    state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.messages).toHaveLength(2);
    expect(text(state.messages[1])).toBe('You said: “你好”. This reply comes from the fake FastGPT server.');
    expect(liveItems().map((i) => i.dataId)).toEqual(state.messages.map((m) => m.id));
  });

  it('a failed send keeps the message, restores the draft when nothing streamed, and retry clears it', async () => {
    const errors: FastGPTError[] = [];
    const { store, fake, deletes } = setup({}, { getCallbacks: () => ({ onError: (e) => errors.push(e) }) });
    fake.injectFault({ kind: 'status', status: 500, path: '/chat/completions' });
    store.setDraft('hello');
    const sent = store.send('hello');
    expect(store.getState().draft).toBe('');
    await sent;
    let state = store.getState();
    expect(state.status).toBe('error');
    expect(state.messages).toHaveLength(1);
    expect(state.messages[0]).toMatchObject({ role: 'user', status: 'error', error: state.error });
    expect(state.draft).toBe('hello');
    const failedId = state.messages[0]?.id;
    expect(errors).toEqual([state.error]);

    await store.retry();
    state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.draft).toBe('');
    expect(state.messages.map((m) => m.status)).toEqual(['done', 'done']);
    // A request that failed before its first event may still have been saved: it is deleted (NotFound is fine).
    expect(deletes().map((r) => (r.body as { contentId: string }).contentId)).toEqual([failedId]);
  });

  it('rolls an edit back when the server refuses to delete, keeping the new text in the draft', async () => {
    const { store, fake, completions } = setup();
    await store.send('first');
    const before = store.getState().messages;
    fake.injectFault({ kind: 'status', status: 500, path: '/item/delete' });
    await store.edit(before[0]?.id ?? '', 'changed');
    const state = store.getState();
    expect(state.status).toBe('error');
    expect(state.messages).toEqual(before);
    expect(state.draft).toBe('changed');
    expect(completions()).toHaveLength(1);
  });

  it('deletes one record at a time; a failure keeps the deleted ones removed and retry goes on', async () => {
    const errors: FastGPTError[] = [];
    const { store, client, completions, liveItems } = setup(
      {},
      { getCallbacks: () => ({ onError: (e) => errors.push(e) }) },
    );
    await store.send('first');
    await store.send('second');
    const before = store.getState().messages;
    const original = client.deleteChatRecord.bind(client);
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    vi.spyOn(client, 'deleteChatRecord').mockImplementation(async (params, opts) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (++calls === 2) throw new FastGPTError('delete refused');
        return await original(params, opts);
      } finally {
        inFlight--;
      }
    });
    await store.edit(before[0]?.id ?? '', 'changed');
    let state = store.getState();
    expect(maxInFlight).toBe(1);
    expect(state.status).toBe('error');
    expect(state.error?.message).toBe('delete refused');
    expect(errors).toEqual([state.error]);
    // The newest (second answer) is gone on the server and here; nothing the server still has is hidden.
    expect(state.messages.map((m) => m.id)).toEqual(before.slice(0, 3).map((m) => m.id));
    expect(liveItems().map((i) => i.dataId)).toEqual(state.messages.map((m) => m.id));
    expect(state.draft).toBe('changed');
    expect(completions()).toHaveLength(2);

    vi.mocked(client.deleteChatRecord).mockRestore();
    await store.retry();
    state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.messages.map(text)).toEqual([
      'changed',
      'You said: “changed”. This reply comes from the fake FastGPT server.',
    ]);
    expect(state.draft).toBe('');
    expect(liveItems().map((i) => i.dataId)).toEqual(state.messages.map((m) => m.id));
  });

  it('retry after a rolled-back edit retries the edit, not a regenerate', async () => {
    const { store, fake, completions } = setup();
    await store.send('first');
    await store.send('second');
    const firstId = store.getState().messages[0]?.id ?? '';
    fake.injectFault({ kind: 'status', status: 500, path: '/item/delete' });
    await store.edit(firstId, 'changed');
    expect(store.getState().status).toBe('error');
    await store.retry();
    expect(store.getState().messages.map(text)).toEqual([
      'changed',
      'You said: “changed”. This reply comes from the fake FastGPT server.',
    ]);
    expect(bodyOf(completions().at(-1)).messages[0]?.content).toBe('changed');
  });

  it('stop during the delete phase leaves no unsent message marked done and keeps the edit text', async () => {
    const { store, client, completions } = setup();
    await store.send('first');
    const before = store.getState().messages;
    let release = () => {};
    const original = client.deleteChatRecord.bind(client);
    vi.spyOn(client, 'deleteChatRecord').mockImplementation(async (params, opts) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return original(params, opts);
    });
    const edited = store.edit(before[0]?.id ?? '', 'changed');
    expect(store.getState().status).toBe('submitted');
    await until(store, () => vi.mocked(client.deleteChatRecord).mock.calls.length === 1);
    const stopped = store.stop();
    expect(store.getState().status).toBe('ready');
    release();
    await stopped;
    await edited;
    const state = store.getState();
    // The answer was deleted before the stop took effect; the question stays, nothing new was sent.
    expect(state.messages.map((m) => m.id)).toEqual([before[0]?.id]);
    expect(state.messages.every((m) => text(m) !== 'changed')).toBe(true);
    expect(state.draft).toBe('changed');
    expect(completions()).toHaveLength(1);
  });

  it('an error event keeps the partial reply and does not touch the draft', async () => {
    const { store } = setup();
    await store.send('error please');
    const state = store.getState();
    expect(state.status).toBe('error');
    expect(state.error?.message).toContain('模型请求失败');
    expect(state.messages[1]).toMatchObject({ status: 'error' });
    expect(text(state.messages[1])).toBe('This reply starts normally, then the');
    expect(state.draft).toBe('');
  });
});

describe('deleteMessage', () => {
  it('deletes a question with its answer, newest first, on the server too', async () => {
    const { store, deletes, liveItems } = setup();
    await store.send('first');
    await store.send('second');
    const [q1, a1, q2, a2] = store.getState().messages;
    await store.deleteMessage(q1?.id ?? '');
    expect(store.getState().messages).toEqual([q2, a2]);
    expect(deletes().map((r) => (r.body as { contentId: string }).contentId)).toEqual([a1?.id, q1?.id]);
    expect(liveItems().map((i) => i.dataId)).toEqual([q2?.id, a2?.id]);
    // Deleted here stays deleted when the records load again.
    store.hydrate([q1, a1, q2, a2] as ChatMessage[]);
    expect(store.getState().messages).toEqual([q2, a2]);
  });

  it('deletes an answer alone', async () => {
    const { store, liveItems } = setup();
    await store.send('first');
    const [q1, a1] = store.getState().messages;
    await store.deleteMessage(a1?.id ?? '');
    expect(store.getState().messages).toEqual([q1]);
    expect(liveItems().map((i) => i.dataId)).toEqual([q1?.id]);
  });

  it('puts the message back in place and rejects when FastGPT refuses', async () => {
    const { store, client } = setup();
    await store.send('first');
    await store.send('second');
    const before = store.getState().messages;
    vi.spyOn(client, 'deleteChatRecord').mockRejectedValueOnce(new FastGPTError('no permission'));
    await expect(store.deleteMessage(before[0]?.id ?? '')).rejects.toThrow('no permission');
    expect(store.getState().messages).toEqual(before);
  });

  it('keeps deleting messages out of reloaded records, and a refused delete goes back after its predecessor', async () => {
    const { store, client } = setup();
    await store.send('first');
    await store.send('second');
    const [q1, a1, q2, a2] = store.getState().messages;
    let refuse: (error: Error) => void = () => {};
    vi.spyOn(client, 'deleteChatRecord').mockImplementationOnce(
      () => new Promise((_, reject) => (refuse = reject)),
    );
    const deletion = store.deleteMessage(q2?.id ?? '');
    // Records loaded while the delete runs do not bring the pair back.
    store.hydrate([q1, a1, q2, a2] as ChatMessage[]);
    expect(store.getState().messages).toEqual([q1, a1]);
    // A new turn meanwhile; then FastGPT refuses: the pair returns after a1, before the new turn.
    await store.send('third');
    refuse(new FastGPTError('no permission'));
    await expect(deletion).rejects.toThrow('no permission');
    expect(
      store
        .getState()
        .messages.map((m) => m.id)
        .slice(0, 4),
    ).toEqual([q1?.id, a1?.id, q2?.id, a2?.id]);
    expect(store.getState().messages).toHaveLength(6);
  });

  it('a refused delete returns after its predecessor even when that message was replaced meanwhile', async () => {
    const { store, client } = setup();
    await store.send('first');
    await store.send('second');
    const [q1, a1, q2, a2] = store.getState().messages;
    let refuse: (error: Error) => void = () => {};
    vi.spyOn(client, 'deleteChatRecord').mockImplementationOnce(
      () => new Promise((_, reject) => (refuse = reject)),
    );
    const deletion = store.deleteMessage(q2?.id ?? '');
    store.setFeedback(a1?.id ?? '', { rating: 'good' });
    refuse(new FastGPTError('no permission'));
    await expect(deletion).rejects.toThrow('no permission');
    expect(store.getState().messages.map((m) => m.id)).toEqual([q1?.id, a1?.id, q2?.id, a2?.id]);
  });

  it('regenerate waits for every deletion under way, not only the latest', async () => {
    const { store, client } = setup();
    await store.send('first');
    await store.send('second');
    await store.send('third');
    const [q1, , q2, , , a3] = store.getState().messages;
    const deleted: string[] = [];
    const original = client.deleteChatRecord.bind(client);
    let releaseSlow: () => void = () => {};
    vi.spyOn(client, 'deleteChatRecord').mockImplementation(async (params, opts) => {
      if (params.contentId === q1?.id) await new Promise<void>((resolve) => (releaseSlow = resolve));
      deleted.push(params.contentId);
      return original(params, opts);
    });
    const slow = store.deleteMessage(q1?.id ?? '');
    await store.deleteMessage(q2?.id ?? '');
    const regenerating = store.regenerate();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(deleted).not.toContain(a3?.id);
    releaseSlow();
    await slow;
    await regenerating;
    // The first deletion finished before regenerate deleted the last answer.
    expect(deleted.indexOf(q1?.id ?? '')).toBeLessThan(deleted.indexOf(a3?.id ?? ''));
  });

  it('leaves the running reply alone', async () => {
    const { store } = setup({ tokenDelayMs: 5 });
    const sent = store.send('hi');
    await until(store, (s) => s.status === 'streaming');
    const running = last(store);
    await store.deleteMessage(running?.id ?? '');
    expect(last(store)?.id).toBe(running?.id);
    await store.stop();
    await sent;
  });
});

describe('setFeedback', () => {
  it('records and clears a rating on the message; the same rating keeps the object', async () => {
    const { store } = setup();
    await store.send('hi');
    const answer = last(store);
    store.setFeedback(answer?.id ?? '', { rating: 'bad', reason: 'vague' });
    const rated = last(store);
    expect(rated?.feedback).toEqual({ rating: 'bad', reason: 'vague' });
    store.setFeedback(answer?.id ?? '', { rating: 'bad', reason: 'vague' });
    expect(last(store)).toBe(rated);
    store.setFeedback(answer?.id ?? '', undefined);
    expect(last(store)).not.toHaveProperty('feedback');
  });
});

describe('answerInteractive', () => {
  it('continues a userSelect in the same assistant message', async () => {
    const { store, completions, liveItems } = setup();
    await store.send('select a city');
    const before = store.getState();
    const reply = before.messages[1];
    expect(reply?.parts[0]).toMatchObject({ type: 'interactive', answered: false });
    await store.answerInteractive('北京');
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.messages).toHaveLength(2);
    expect(state.messages[0]).toBe(before.messages[0]);
    const message = state.messages[1];
    expect(message?.id).toBe(reply?.id);
    expect(message?.parts[0]).toMatchObject({ type: 'interactive', answered: true, answer: '北京' });
    expect(text(message)).toBe('你选择了「北京」。北京今天晴，气温 21℃。');
    expect(message?.durationSeconds).toBe(1.66);
    const body = bodyOf(completions()[1]);
    expect(body).toMatchObject({ chatId: state.chatId, messages: [{ role: 'user', content: '北京' }] });
    expect(body.messages[0]?.dataId).toBeUndefined();
    expect(liveItems()).toHaveLength(2);
  });

  it('sends form values as a JSON string', async () => {
    const { store, completions } = setup();
    await store.send('fill the form');
    await store.answerInteractive({ city: '上海', days: 3 });
    expect(bodyOf(completions()[1]).messages[0]?.content).toBe('{"city":"上海","days":3}');
    const message = last(store);
    expect(message?.parts[0]).toMatchObject({ answered: true, answer: { city: '上海', days: 3 } });
    expect(text(message)).toContain('城市：上海');
  });

  it('reopens the question when the answer never reached FastGPT, and retry sends it again', async () => {
    const { store, fake } = setup();
    await store.send('select a city');
    fake.injectFault({ kind: 'networkError', path: '/chat/completions' });
    await store.answerInteractive('上海');
    expect(store.getState().status).toBe('error');
    expect(last(store)?.parts[0]).toMatchObject({ answered: false });
    await store.retry();
    expect(last(store)?.parts[0]).toMatchObject({ answered: true, answer: '上海' });
    expect(text(last(store))).toContain('上海今天晴');
  });
});

describe('queue', () => {
  it('queues messages sent while a reply streams, sends them in order, and can cancel one', async () => {
    const { store } = setup({ tokenDelayMs: 2 });
    const first = store.send('one');
    await store.send('two');
    await store.send('three');
    const queue = store.getState().queue;
    expect(queue.map((q) => q.text)).toEqual(['two', 'three']);
    expect(store.cancelQueued(queue[0]?.id ?? '')).toEqual(queue[0]);
    expect(store.getState().queue.map((q) => q.text)).toEqual(['three']);
    await first;
    await until(store, (s) => s.status === 'ready' && s.queue.length === 0 && s.messages.length === 4);
    const messages = store.getState().messages;
    expect(messages.filter((m) => m.role === 'user').map(text)).toEqual(['one', 'three']);
    // The queued entry's id becomes the user message's dataId.
    expect(messages[2]?.id).toBe(queue[1]?.id);
  });
});

describe('queue rules', () => {
  it('waits while the last reply asks an interactive question and goes on after the answer', async () => {
    const { store, completions } = setup({ tokenDelayMs: 2 });
    const first = store.send('select a city');
    await store.send('queued question');
    await first;
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Sending it now would answer the question with it.
    expect(store.getState().queue.map((q) => q.text)).toEqual(['queued question']);
    expect(completions()).toHaveLength(1);
    await store.answerInteractive('北京');
    await until(store, (s) => s.status === 'ready' && s.queue.length === 0 && s.messages.length === 4);
    expect(bodyOf(completions()[1]).messages[0]?.content).toBe('北京');
    expect(bodyOf(completions()[2]).messages[0]?.content).toBe('queued question');
    expect(text(store.getState().messages[1])).toContain('北京今天晴');
  });

  it('after a failure the queue waits; a new send joins the end and the queue drains in order', async () => {
    const { store } = setup({ tokenDelayMs: 2 });
    const first = store.send('error please');
    await store.send('one');
    await first;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getState()).toMatchObject({ status: 'error', queue: [{ text: 'one' }] });
    await store.send('two');
    await until(store, (s) => s.status === 'ready' && s.queue.length === 0 && s.messages.length === 6);
    const questions = store
      .getState()
      .messages.filter((m) => m.role === 'user')
      .map(text);
    expect(questions).toEqual(['error please', 'one', 'two']);
  });

  it('a successful retry drains the queue', async () => {
    const { store, fake } = setup({ tokenDelayMs: 2 });
    fake.injectFault({ kind: 'drop', afterEvents: 3, path: '/chat/completions' });
    const first = store.send('hello');
    await store.send('one');
    await first;
    expect(store.getState()).toMatchObject({ status: 'error', queue: [{ text: 'one' }] });
    await store.retry();
    await until(store, (s) => s.status === 'ready' && s.queue.length === 0 && s.messages.length === 4);
    expect(
      store
        .getState()
        .messages.filter((m) => m.role === 'user')
        .map(text),
    ).toEqual(['hello', 'one']);
  });
});

describe('server changes', () => {
  it('reports saved turns and deleted records; a reply stopped before FastGPT answered is not saved', async () => {
    const changes: ChatServerChange[] = [];
    const { store, client } = setup({ tokenDelayMs: 2 }, { onServerChange: (c) => changes.push(c) });
    await store.send('你好');
    const [user, answer] = store.getState().messages;
    expect(changes).toEqual([
      { type: 'saved', chatId: store.getState().chatId, message: answer, messages: [user, answer] },
    ]);
    await store.regenerate();
    expect(changes.map((c) => c.type)).toEqual(['saved', 'deleted', 'saved']);
    expect(changes[1]).toEqual({
      type: 'deleted',
      chatId: store.getState().chatId,
      ids: [answer?.id, user?.id],
    });

    changes.length = 0;
    vi.spyOn(client, 'streamChatCompletion').mockImplementation(async function* (_request, opts) {
      await new Promise((resolve) => opts?.signal?.addEventListener('abort', resolve));
      yield* [];
    });
    const sent = store.send('never answered');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.stop();
    await sent;
    expect(changes).toEqual([]);
  });
});

describe('reset and hydrate', () => {
  it('reset aborts the reply, starts a new chat and keeps queued text in the draft', async () => {
    const { store } = setup({ tokenDelayMs: 20 });
    const oldChatId = store.getState().chatId;
    const sent = store.send('one');
    await store.send('queued words');
    store.reset();
    await sent;
    const state = store.getState();
    expect(state).toMatchObject({
      messages: [],
      status: 'ready',
      queue: [],
      draft: 'queued words',
      isNewChat: true,
    });
    expect(state.chatId).not.toBe(oldChatId);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.getState()).toBe(state);
    store.reset('existing-chat');
    expect(store.getState()).toMatchObject({ chatId: 'existing-chat', isNewChat: false });
  });

  it('hydrate merges: the loaded order, then messages not loaded; identity kept; another chat ignored', () => {
    const { store } = setup({}, { chatId: 'c1' });
    const msg = (id: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
      id,
      role: 'user',
      parts: [],
      status: 'done',
      createdAt: 0,
      ...extra,
    });
    store.hydrate([msg('c'), msg('d')]);
    const [c, d] = store.getState().messages;
    store.hydrate([msg('a'), msg('b'), msg('c'), msg('x')]);
    // `d` was not loaded this time (a live turn not saved yet): it stays, after the loaded ones.
    expect(store.getState().messages.map((m) => m.id)).toEqual(['a', 'b', 'c', 'x', 'd']);
    expect(store.getState().messages[2]).toBe(c);
    expect(store.getState().messages[4]).toBe(d);
    const before = store.getState();
    store.hydrate([msg('a'), msg('b')]);
    store.hydrate([msg('z')], 'another-chat');
    expect(store.getState()).toBe(before);

    // A rating made elsewhere (useFeedback updates the records) reaches the message, other fields kept.
    const rated = msg('c', {
      feedback: { rating: 'bad', reason: 'wrong' },
      parts: [{ type: 'text', text: 'x' }],
    });
    store.hydrate([msg('a'), msg('b'), rated, msg('x')]);
    expect(store.getState().messages[2]).toEqual({ ...c, feedback: { rating: 'bad', reason: 'wrong' } });
    expect(store.getState().messages[0]).toBe(before.messages[0]);
    store.hydrate([msg('a'), msg('b'), msg('c'), msg('x')]);
    expect(store.getState().messages[2]?.feedback).toBeUndefined();
  });

  it('reset(chatId) gives every chat its own draft; queued text stays with the chat it was typed in', async () => {
    const drafts = new Map<string, string>();
    const { store } = setup({ tokenDelayMs: 20 }, { chatId: 'chat-a', drafts });
    const sent = store.send('one');
    await store.send('queued words');
    store.setDraft('typed in a');
    store.reset('chat-b');
    await sent;
    expect(store.getState().draft).toBe('');
    store.setDraft('typed in b');
    store.reset('chat-a');
    expect(store.getState().draft).toBe('typed in a\n\nqueued words');
    store.reset('chat-b');
    expect(store.getState().draft).toBe('typed in b');
    expect(drafts.get('chat-b')).toBe('typed in b');
    // A new store of the same storage starts from the kept draft.
    expect(setup({}, { chatId: 'chat-a', drafts }).store.getState().draft).toBe('typed in a\n\nqueued words');
  });
});

describe('attach', () => {
  it('aborts silently when the last user releases, and tolerates attach → release → attach', async () => {
    const { store } = setup({ tokenDelayMs: 20 });
    // StrictMode: mount, simulated unmount, mount again.
    store.attach()();
    const release = store.attach();
    const second = store.attach();
    const sent = store.send('one');
    await until(store, (s) => text(s.messages.at(-1)) !== '');
    second();
    expect(store.getState().status).toBe('streaming');
    const listener = vi.fn();
    store.subscribe(listener);
    release();
    await sent;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(listener).not.toHaveBeenCalled();
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.messages[1]?.status).toBe('stopped');
  });
});

describe('destroy', () => {
  it('aborts the reply and sets nothing after', async () => {
    const { store } = setup({ tokenDelayMs: 20 });
    const listener = vi.fn();
    const sent = store.send('one');
    await until(store, (s) => s.status === 'streaming');
    store.subscribe(listener);
    const state = store.getState();
    store.destroy();
    await sent;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.getState()).toBe(state);
    expect(listener).not.toHaveBeenCalled();
    await store.send('more');
    expect(store.getState()).toBe(state);
  });
});
