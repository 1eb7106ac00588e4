import { act, render, renderHook, waitFor } from '@testing-library/react';
import { memo, Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatCompletionChunk, ChatCompletionRequest, FastGPTStreamEvent } from '../client/types';
import type { ChatMessage } from '../core/chat-message';
import { seedFakeChat, setupHoldableFastGPT } from '../test-setup/hook-test-helpers';
import { type SetupFastGPTOptions, setupFastGPT } from '../test-setup/render-with-fastgpt';
import type { FakeFastGPT } from '../testing';
import {
  type UseChatCompletionOptions,
  type UseChatCompletionResult,
  useChatCompletion,
} from './use-chat-completion';
import { useChatHistory } from './use-chat-history';

const text = (message: ChatMessage | undefined) =>
  message?.parts.map((p) => (p.type === 'text' ? p.text : '')).join('') ?? '';

interface Snapshot {
  status: string;
  count: number;
  text: string;
  draft: string;
}

interface ProbeProps {
  options: UseChatCompletionOptions;
  record: (chat: UseChatCompletionResult) => void;
}

/** Reads the hook and reports every render. */
function Probe({ options, record }: ProbeProps) {
  record(useChatCompletion(options));
  return null;
}

/** Renders a probe reading the hook under StrictMode, recording what every render showed. */
function renderChat(
  options: UseChatCompletionOptions = {},
  setupOptions: SetupFastGPTOptions = {},
  seed?: (fake: FakeFastGPT) => void,
) {
  const setup = setupFastGPT(setupOptions);
  seed?.(setup.fake);
  const renders: Snapshot[] = [];
  const current: { chat?: UseChatCompletionResult } = {};
  const record = (chat: UseChatCompletionResult) => {
    current.chat = chat;
    renders.push({
      status: chat.status,
      count: chat.messages.length,
      text: text(chat.messages.at(-1)),
      draft: chat.draft,
    });
  };
  const view = render(<Probe options={options} record={record} />, { wrapper: setup.wrapper });
  const rerender = (next: UseChatCompletionOptions) =>
    view.rerender(<Probe options={next} record={record} />);
  const chat = () => current.chat as UseChatCompletionResult;
  const completions = () => setup.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
  const deletedIds = () =>
    setup.fake.requests
      .filter((r) => r.path === '/api/core/chat/item/delete')
      .map((r) => (r.body as { contentId: string }).contentId);
  return { ...setup, view, rerender, renders, chat, completions, deletedIds };
}

/** A message row that re-renders only when its message object changes. */
const Row = memo(function Row({
  message,
  onRender,
}: {
  message: ChatMessage;
  onRender: (id: string) => void;
}) {
  onRender(message.id);
  return <p>{text(message)}</p>;
});

/** A thread reading the hook, reporting each render's hook result. */
function Thread({
  record,
  onRowRender,
}: {
  record: (chat: UseChatCompletionResult) => void;
  onRowRender: (id: string) => void;
}) {
  const chat = useChatCompletion();
  record(chat);
  return (
    <>
      {chat.messages.map((m) => (
        <Row key={m.id} message={m} onRender={onRowRender} />
      ))}
    </>
  );
}

/** The renders with consecutive repeats (StrictMode's double renders among them) collapsed. */
function distinct<T>(items: T[]): T[] {
  return items.filter((item, i) => i === 0 || JSON.stringify(item) !== JSON.stringify(items[i - 1]));
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useChatCompletion under StrictMode', () => {
  it('shows submitted → streaming with partial text → ready, and sends once', async () => {
    const { chat, renders, completions } = renderChat({}, { fake: { tokenDelayMs: 5 } });
    expect(completions()).toHaveLength(0);
    act(() => {
      void chat().send('你好');
    });
    expect(chat().status).toBe('submitted');
    await waitFor(() => expect(chat().status).toBe('ready'));

    const final = 'You said: “你好”. This reply comes from the fake FastGPT server.';
    const seen = distinct(renders.map((r) => r.status));
    expect(seen).toEqual(['ready', 'submitted', 'streaming', 'ready']);
    const partial = renders.filter((r) => r.status === 'streaming' && r.text !== '' && r.text !== final);
    expect(partial.length).toBeGreaterThan(0);
    expect(renders.at(-1)).toEqual({ status: 'ready', count: 2, text: final, draft: '' });
    expect(completions()).toHaveLength(1);
    expect(chat().messages.map((m) => m.status)).toEqual(['done', 'done']);
  });

  it('keeps the user message on failure and restores the draft when nothing streamed', async () => {
    const { chat, renders, fake } = renderChat();
    fake.injectFault({ kind: 'status', status: 500, path: '/chat/completions' });
    act(() => chat().setDraft('hello'));
    act(() => {
      void chat().send('hello');
    });
    expect(renders.at(-1)).toMatchObject({ status: 'submitted', draft: '' });
    await waitFor(() => expect(chat().status).toBe('error'));
    expect(renders.at(-1)).toMatchObject({ status: 'error', count: 1, draft: 'hello' });
    expect(chat().messages[0]).toMatchObject({ role: 'user', status: 'error' });
    expect(chat().error?.message).toBeTruthy();

    await act(() => chat().retry());
    expect(chat()).toMatchObject({ status: 'ready', draft: '' });
    expect(chat().messages).toHaveLength(2);
  });

  it('stop keeps the partial text', async () => {
    const { chat, fake } = renderChat({}, { fake: { tokenDelayMs: 40 } });
    act(() => {
      void chat().send('你好');
    });
    await waitFor(() => expect(text(chat().messages.at(-1))).not.toBe(''));
    await act(() => chat().stop());
    expect(chat().status).toBe('ready');
    expect(chat().messages.at(-1)).toMatchObject({ status: 'stopped' });
    const partial = text(chat().messages.at(-1));
    expect(partial).not.toBe('');
    expect('You said: “你好”. This reply comes from the fake FastGPT server.'.startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(60);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(text(chat().messages.at(-1))).toBe(partial);
    expect(fake.requests.some((r) => r.path === '/api/v2/chat/stop')).toBe(true);
  });

  it('loads an existing chat, then regenerates, answers a select and drains the queue', async () => {
    const { chat, completions } = renderChat(
      { chatId: 'c1', pageSize: 4 },
      { fake: { tokenDelayMs: 2 } },
      (fake) => seedFakeChat(fake, { chatId: 'c1', turns: 3 }),
    );
    await waitFor(() => expect(chat().messages).toHaveLength(4));
    expect(chat().hasOlder).toBe(true);
    await act(() => chat().loadOlder());
    await waitFor(() => expect(chat().messages).toHaveLength(6));
    expect(chat().messages.map(text)).toEqual([
      'question 1',
      'answer 1',
      'question 2',
      'answer 2',
      'question 3',
      'answer 3',
    ]);

    await act(() => chat().send('select a city'));
    expect(chat().messages.at(-1)?.parts[0]).toMatchObject({ type: 'interactive', answered: false });
    await act(() => chat().answerInteractive('上海'));
    expect(chat().messages).toHaveLength(8);
    expect(text(chat().messages.at(-1))).toContain('上海今天晴');

    await act(() => chat().regenerate());
    expect(chat().messages).toHaveLength(8);
    expect(chat().messages.at(-1)?.parts[0]).toMatchObject({ type: 'interactive', answered: false });

    act(() => {
      void chat().answerInteractive('北京');
      void chat().send('queued question');
    });
    expect(chat().queue.map((q) => q.text)).toEqual(['queued question']);
    await waitFor(() => expect(chat().messages).toHaveLength(10));
    await waitFor(() => expect(chat().status).toBe('ready'));
    expect(chat().queue).toEqual([]);
    expect(text(chat().messages.at(-1))).toContain('queued question');
    // Nothing was sent twice: select, answer, regenerate, answer, queued.
    expect(completions()).toHaveLength(5);
  });

  it('deleteMessage removes a question and its answer, on the server and in the cached records', async () => {
    const { chat, deletedIds, rerender } = renderChat({ chatId: 'c1' }, {}, (fake) =>
      seedFakeChat(fake, { chatId: 'c1', turns: 2 }),
    );
    await waitFor(() => expect(chat().messages).toHaveLength(4));
    await act(() => chat().deleteMessage('c1-q1'));
    expect(chat().messages.map(text)).toEqual(['question 2', 'answer 2']);
    expect(deletedIds()).toEqual(['c1-a1', 'c1-q1']);
    // Switching away and back reads the cache: the deleted turn stays gone.
    rerender({ chatId: 'c2' });
    rerender({ chatId: 'c1' });
    await waitFor(() => expect(chat().messages.map(text)).toEqual(['question 2', 'answer 2']));
  });

  it('surfaces a failed records load and loads again on reloadRecords', async () => {
    const { chat } = renderChat({ chatId: 'c1' }, {}, (fake) => {
      seedFakeChat(fake, { chatId: 'c1', turns: 1 });
      fake.injectFault({ kind: 'status', status: 500, path: '/getPaginationRecords' });
    });
    await waitFor(() => expect(chat().recordsError).toBeInstanceOf(Error));
    expect(chat().messages).toEqual([]);
    await act(() => chat().reloadRecords());
    await waitFor(() => expect(chat().messages).toHaveLength(2));
    expect(chat().recordsError).toBeNull();
  });

  it('a finished reply puts the chat on top of the history list with its new title, without a refetch', async () => {
    const setup = setupFastGPT();
    seedFakeChat(setup.fake, { chatId: 'older-chat', turns: 1 });
    const { result } = renderHook(() => ({ chat: useChatCompletion(), history: useChatHistory() }), {
      wrapper: setup.wrapper,
    });
    await waitFor(() =>
      expect(result.current.history.histories.map((h) => h.chatId)).toEqual(['older-chat']),
    );
    const listRequests = () => setup.fake.requests.filter((r) => r.path.endsWith('getHistories')).length;
    const before = listRequests();

    await act(() => result.current.chat.send('这是一个超过二十个字符的问题，用来检查标题的截断规则'));
    const top = result.current.history.histories[0];
    expect(top).toMatchObject({
      chatId: result.current.chat.chatId,
      title: '这是一个超过二十个字符的问题，用来检查标',
    });
    expect(result.current.history.histories.map((h) => h.chatId)).toEqual([
      result.current.chat.chatId,
      'older-chat',
    ]);
    expect(listRequests()).toBe(before);
  });

  it('variables: the app defaults beneath the caller’s values, then the workflow’s updates', async () => {
    const setup = setupFastGPT();
    const app = setup.fake.state.apps.get(setup.appId);
    if (!app) throw new Error('seeded app');
    app.chatConfig.variables = [
      { key: 'lang', label: 'Language', type: 'select', defaultValue: 'zh' },
      { key: 'uid', label: 'User', type: 'input', defaultValue: 'anonymous' },
    ];
    const { result } = renderHook(() => useChatCompletion({ variables: { uid: 'u-7' } }), {
      wrapper: setup.wrapper,
    });
    await waitFor(() => expect(result.current.variables).toEqual({ lang: 'zh', uid: 'u-7' }));
    await act(() => result.current.send('update the variable please'));
    expect(result.current.variables).toMatchObject({ uid: 'u-7', lang: 'zh', city: '北京', count: 1 });
    const sent = setup.fake.requests.find((r) => r.path.endsWith('/chat/completions'))?.body as {
      variables?: Record<string, unknown>;
    };
    // Only the caller's values are sent; FastGPT applies its own defaults and stored values.
    expect(sent.variables).toEqual({ uid: 'u-7' });
  });

  it('aborts on unmount and sets nothing after', async () => {
    const { chat, view, fake, clients } = renderChat({}, { fake: { tokenDelayMs: 30 } });
    const signals: Array<AbortSignal | undefined> = [];
    const original = clients.chat.streamChatCompletion.bind(clients.chat);
    vi.spyOn(clients.chat, 'streamChatCompletion').mockImplementation((request, options) => {
      signals.push(options?.signal);
      return original(request, options);
    });
    act(() => {
      void chat().send('你好');
    });
    await waitFor(() => expect(text(chat().messages.at(-1))).not.toBe(''));
    const { store, chatId } = chat();
    const listener = vi.fn();
    store.subscribe(listener);
    const errors = vi.spyOn(console, 'error');
    view.unmount();
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(listener).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    // The server saw the client go away: the saved reply is the partial one.
    const saved = fake.state.chats.get(chatId)?.items[1]?.value[0];
    expect(saved?.type === 'text' && saved.text.content.length).toBeLessThan(60);
  });
});

describe('useChatCompletion actions under StrictMode', () => {
  const FIRST_REPLY = 'You said: “first”. This reply comes from the fake FastGPT server.';
  const contentOf = (request: { body?: unknown } | undefined) =>
    (request?.body as ChatCompletionRequest | undefined)?.messages[0]?.content;

  it('edit deletes the edited question and everything after it, newest first, then sends the new text', async () => {
    const { chat, completions, deletedIds, fake } = renderChat();
    await act(() => chat().send('first'));
    await act(() => chat().send('second'));
    const before = chat().messages.map((m) => m.id);
    expect(text(chat().messages[1])).toBe(FIRST_REPLY);
    await act(() => chat().edit(before[0] ?? '', 'changed'));
    expect(deletedIds()).toEqual(before.toReversed());
    expect(completions()).toHaveLength(3);
    expect(contentOf(completions()[2])).toBe('changed');
    expect(chat().status).toBe('ready');
    expect(chat().messages.map(text)).toEqual([
      'changed',
      'You said: “changed”. This reply comes from the fake FastGPT server.',
    ]);
    const live = fake.state.chats.get(chat().chatId)?.items.filter((i) => i.deleteTime === undefined);
    expect(live?.map((i) => i.dataId)).toEqual(chat().messages.map((m) => m.id));
  });

  it('regenerate deletes the last answer, then its question, and asks again', async () => {
    const { chat, completions, deletedIds } = renderChat();
    await act(() => chat().send('first'));
    const [question, answer] = chat().messages;
    await act(() => chat().regenerate());
    expect(deletedIds()).toEqual([answer?.id, question?.id]);
    expect(completions()).toHaveLength(2);
    expect(contentOf(completions()[1])).toBe('first');
    expect(chat().messages).toHaveLength(2);
    expect(chat().messages[0]?.id).not.toBe(question?.id);
    expect(chat().messages.map(text)).toEqual(['first', FIRST_REPLY]);
  });

  it('a userInput form continues in the same assistant message', async () => {
    const { chat, completions } = renderChat();
    await act(() => chat().send('fill the form'));
    const reply = chat().messages[1];
    expect(reply?.parts[0]).toMatchObject({ type: 'interactive', answered: false });
    await act(() => chat().answerInteractive({ city: '上海', days: 3 }));
    expect(chat().status).toBe('ready');
    expect(chat().messages).toHaveLength(2);
    const message = chat().messages[1];
    expect(message?.id).toBe(reply?.id);
    expect(message?.parts[0]).toMatchObject({ answered: true, answer: { city: '上海', days: 3 } });
    expect(text(message)).toContain('城市：上海');
    expect(contentOf(completions()[1])).toBe('{"city":"上海","days":3}');
  });

  it('a queued message waits for the interactive question, then goes after the answer', async () => {
    const { chat, completions } = renderChat({}, { fake: { tokenDelayMs: 2 } });
    act(() => {
      void chat().send('select a city');
      void chat().send('queued question');
    });
    await waitFor(() => expect(chat().status).toBe('ready'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(chat().queue.map((q) => q.text)).toEqual(['queued question']);
    expect(completions()).toHaveLength(1);
    await act(() => chat().answerInteractive('北京'));
    await waitFor(() => expect(chat().messages).toHaveLength(4));
    await waitFor(() => expect(chat().status).toBe('ready'));
    expect(completions().map(contentOf)).toEqual(['select a city', '北京', 'queued question']);
    expect(text(chat().messages[1])).toContain('北京今天晴');
    expect(chat().queue).toEqual([]);
  });

  it('switching chats and back shows the turns of this session', async () => {
    const { chat, rerender } = renderChat({ chatId: 'chat-a' }, {}, (fake) => {
      seedFakeChat(fake, { chatId: 'chat-a', turns: 1 });
      seedFakeChat(fake, { chatId: 'chat-b', turns: 1 });
    });
    await waitFor(() => expect(chat().messages).toHaveLength(2));
    await act(() => chat().send('new question'));
    expect(chat().messages).toHaveLength(4);
    rerender({ chatId: 'chat-b' });
    await waitFor(() => expect(chat().messages.map(text)).toEqual(['question 1', 'answer 1']));
    expect(chat().chatId).toBe('chat-b');
    rerender({ chatId: 'chat-a' });
    await waitFor(() => expect(chat().messages).toHaveLength(4));
    expect(chat().messages.map(text)).toEqual([
      'question 1',
      'answer 1',
      'new question',
      'You said: “new question”. This reply comes from the fake FastGPT server.',
    ]);
  });

  it('switching chats mid-reply and back shows the interrupted turn FastGPT kept', async () => {
    const { chat, rerender, fake, queryClient } = renderChat(
      { chatId: 'chat-a' },
      { fake: { tokenDelayMs: 5 } },
      (f) => {
        seedFakeChat(f, { chatId: 'chat-a', turns: 1 });
        seedFakeChat(f, { chatId: 'chat-b', turns: 1 });
      },
    );
    // As the provider's own client does: cached records are fresh for 30 s, so coming back reads the cache.
    queryClient.setDefaultOptions({ queries: { retry: false, staleTime: 30_000 } });
    await waitFor(() => expect(chat().messages).toHaveLength(2));
    act(() => {
      void chat().send('show me markdown');
    });
    await waitFor(() => expect(chat().status).toBe('streaming'));
    rerender({ chatId: 'chat-b' });
    await waitFor(() => expect(chat().messages.map(text)).toEqual(['question 1', 'answer 1']));
    await waitFor(() =>
      expect(fake.state.chats.get('chat-a')?.items.filter((i) => i.deleteTime === undefined)).toHaveLength(4),
    );
    rerender({ chatId: 'chat-a' });
    await waitFor(() => expect(chat().messages).toHaveLength(4));
    expect(text(chat().messages[2])).toBe('show me markdown');
  });

  it('loading older pages after an edit neither brings deleted records back nor skips older ones', async () => {
    const { chat } = renderChat({ chatId: 'c3', pageSize: 2 }, {}, (fake) =>
      seedFakeChat(fake, { chatId: 'c3', turns: 3 }),
    );
    await waitFor(() => expect(chat().messages.map(text)).toEqual(['question 3', 'answer 3']));
    await act(() => chat().loadOlder());
    await waitFor(() => expect(chat().messages).toHaveLength(4));
    await act(() => chat().edit('c3-q2', 'changed'));
    expect(chat().messages.map(text)).toEqual([
      'changed',
      'You said: “changed”. This reply comes from the fake FastGPT server.',
    ]);
    await waitFor(() => expect(chat().hasOlder).toBe(true));
    await act(() => chat().loadOlder());
    await waitFor(() => expect(chat().messages).toHaveLength(4));
    expect(chat().messages.map(text)).toEqual([
      'question 1',
      'answer 1',
      'changed',
      'You said: “changed”. This reply comes from the fake FastGPT server.',
    ]);
    const deleted = ['c3-q2', 'c3-a2', 'c3-q3', 'c3-a3'];
    expect(chat().messages.some((m) => deleted.includes(m.id))).toBe(false);
    expect(chat().hasOlder).toBe(false);
  });

  it('the draft survives a remount under the same provider, per chat', async () => {
    const setup = setupFastGPT();
    const current: { chat?: UseChatCompletionResult } = {};
    const record = (chat: UseChatCompletionResult) => {
      current.chat = chat;
    };
    const screen = (show: boolean, options: UseChatCompletionOptions = {}) =>
      show ? <Probe options={options} record={record} /> : null;
    const view = render(screen(true), { wrapper: setup.wrapper });
    act(() => current.chat?.setDraft('half a thought'));
    view.rerender(screen(false));
    view.rerender(screen(true));
    expect(current.chat?.draft).toBe('half a thought');
    // Another chat has its own draft.
    view.rerender(screen(true, { chatId: 'other-chat' }));
    await waitFor(() => expect(current.chat?.chatId).toBe('other-chat'));
    expect(current.chat?.draft).toBe('');
  });

  it('a reply stopped before FastGPT answered is not added to the history list', async () => {
    const setup = setupHoldableFastGPT(/chat\/completions/);
    const { result } = renderHook(() => ({ chat: useChatCompletion(), history: useChatHistory() }), {
      wrapper: setup.wrapper,
    });
    await waitFor(() => expect(result.current.history.isLoading).toBe(false));
    const release = setup.hold();
    act(() => {
      void result.current.chat.send('never answered');
    });
    await act(() => result.current.chat.stop());
    release();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(result.current.history.histories).toEqual([]);
    expect(result.current.chat.status).toBe('ready');
  });
});

describe('render cost', () => {
  const chunk: ChatCompletionChunk = { id: '', object: '', created: 0, model: '', choices: [] };
  const answer = (t: string): FastGPTStreamEvent => ({
    type: 'answer',
    text: t,
    reasoning: '',
    finishReason: null,
    chunk,
  });
  const FRAME = 16;

  it('commits at most once per frame during a 2,000-event reply; settled rows never re-render', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'],
    });
    const clockStart = Date.now();
    const { clients, wrapper } = setupFastGPT();
    const emitted = { first: -1, last: -1 };
    vi.spyOn(clients.chat, 'streamChatCompletion').mockImplementation(async function* (request) {
      const long = request.messages[0]?.content === 'long';
      yield { type: 'flowNodeStatus', name: 'AI 对话', status: 'running' };
      for (let i = 0; i < (long ? 2000 : 3); i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (i === 0) emitted.first = Date.now();
        emitted.last = Date.now();
        yield answer('x');
      }
      yield { type: 'done' };
    });

    const rowRenders = new Map<string, number>();
    const onRowRender = (id: string) => rowRenders.set(id, (rowRenders.get(id) ?? 0) + 1);
    const current: { chat?: UseChatCompletionResult; shown: string } = { shown: '' };
    const record = (chat: UseChatCompletionResult) => {
      current.chat = chat;
      current.shown = text(chat.messages.at(-1));
    };
    const commits: Array<{ at: number; text: string }> = [];
    render(
      <Profiler id="chat" onRender={() => commits.push({ at: Date.now(), text: current.shown })}>
        <Thread record={record} onRowRender={onRowRender} />
      </Profiler>,
      { wrapper },
    );
    const chat = () => current.chat as UseChatCompletionResult;

    await act(async () => {
      void chat().send('short');
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(chat().status).toBe('ready');
    const settled = chat().messages.map((m) => m.id);
    rowRenders.clear();
    commits.length = 0;

    // Outside act, React commits as it would in a browser: sync store updates in microtasks.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const previous = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    let start: number;
    try {
      start = Date.now();
      void chat().send('long');
      await vi.advanceTimersByTimeAsync(2_100);
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = previous;
    }
    expect(chat().status).toBe('ready');
    expect(text(chat().messages.at(-1))).toHaveLength(2000);

    const elapsed = emitted.last - start;
    const frames = Math.ceil(elapsed / FRAME);
    // Progressive (far more than a handful of commits), yet bounded by one per frame plus the four
    // at-once flushes: submitted, the first event, the first token, the end. Unbatched, this is 2,003.
    expect(commits.length).toBeGreaterThan(frames / 2);
    expect(commits.length).toBeLessThanOrEqual(frames + 4);
    const perFrame = new Map<number, number>();
    for (const commit of commits) {
      const frame = Math.floor((commit.at - clockStart) / FRAME);
      perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
    }
    const crowded = [...perFrame.values()].filter((n) => n > 1);
    // Only the start (submitted, first event, first token) and the end (final flush) share a frame.
    expect(crowded.length).toBeLessThanOrEqual(2);
    expect(Math.max(...perFrame.values())).toBeLessThanOrEqual(3);

    const firstToken = commits.find((c) => c.text !== '');
    expect((firstToken?.at ?? Number.POSITIVE_INFINITY) - emitted.first).toBeLessThan(FRAME);
    const finalText = commits.find((c) => c.text.length === 2000);
    expect((finalText?.at ?? Number.POSITIVE_INFINITY) - emitted.last).toBeLessThan(FRAME);

    for (const id of settled) expect(rowRenders.get(id) ?? 0).toBe(0);
  });
});
