import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChatClient } from '../client/chat-client';
import { FastGPTError, NotFoundError } from '../client/errors';
import type {
  ChatCompletionMessage,
  ChatCompletionRequest,
  ChatMessageContentPart,
  FastGPTStreamEvent,
} from '../client/types';
import type { ActiveNode, ChatMessage, FilePart, MessagePart, QueuedMessage } from './chat-message';
import { applyChatStreamEvent, applyCompletionResponse, finalizeMessage } from './chat-reducer';
import { createFrameScheduler, type FrameSchedulerOptions } from './frame-scheduler';

/** Where a chat is: idle, waiting for the reply to start, receiving it, or failed. */
export type ChatStatus = 'ready' | 'submitted' | 'streaming' | 'error';

/** The state of one chat, as {@link createChatStore} holds it. Replaced, never mutated. */
export interface ChatState {
  /** The messages, oldest first. Unchanged messages keep their object identity. */
  messages: ChatMessage[];
  /** `submitted` until the reply starts, `streaming` while it arrives, `ready` after, `error` on failure. */
  status: ChatStatus;
  /** Why the last reply failed (with a human message), while `status` is `error`. */
  error: FastGPTError | undefined;
  /** The workflow node running now (from `flowNodeStatus`), or `null`. */
  activeNode: ActiveNode | null;
  /** The FastGPT chat id every request uses. */
  chatId: string;
  /** True when the chat id was generated here (a new chat with no stored records to load). */
  isNewChat: boolean;
  /**
   * The chat's variables: the app's defaults and the chat's stored values (once loaded), overridden by the
   * caller's values, updated by `updateVariables` events.
   */
  variables: Record<string, unknown>;
  /** What the user is typing; kept here so it survives remounts and failed sends. */
  draft: string;
  /** Messages sent while a reply streamed, oldest first; each is sent when the reply before it ends. */
  queue: QueuedMessage[];
}

/** The part of `ChatClient` the store uses (a structural subset, so tests and stories can pass a fake). */
export type ChatStoreClient = Pick<ChatClient, 'streamChatCompletion' | 'createChatCompletion'> &
  Partial<Pick<ChatClient, 'stopChat' | 'deleteChatRecord'>>;

/** Request options; read again at every request when given through `getOptions`. */
export interface ChatRequestOptions {
  /** The client to send with. */
  client?: ChatStoreClient;
  /** The app id (needed with account keys; the client's default otherwise). */
  appId?: string;
  /** App variables sent with every request; FastGPT merges them over the chat's stored ones. */
  variables?: Record<string, unknown>;
  /** End-user id recorded with the chat (the log table's User column). */
  customUid?: string;
  /** Ask for named events: node status, tools, interactive, node responses (default true). */
  detail?: boolean;
  /** Stream the reply (default true); `false` waits for the whole reply. */
  stream?: boolean;
}

/** What `onFinish` receives. */
export interface ChatFinishInfo {
  /** The assistant message, settled. */
  message: ChatMessage;
  /** Every message after the reply. */
  messages: ChatMessage[];
  /** The chat id. */
  chatId: string;
  /** True when the reply ended because of `stop()`. */
  stopped: boolean;
}

/** Callbacks of a chat; read at call time through `getCallbacks`, so they are never stale. */
export interface ChatCallbacks {
  /** Every stream event, before it is folded into the state. */
  onEvent?: (event: FastGPTStreamEvent) => void;
  /** A reply ended (completely, paused on an interactive node, or stopped). */
  onFinish?: (info: ChatFinishInfo) => void;
  /** A reply failed. */
  onError?: (error: FastGPTError) => void;
}

/** A file or image to send with a message (an uploaded file's URL). */
export interface ChatFileInput {
  /** `image` (sent as `image_url`) or another `file` (sent as `file_url`). */
  kind: 'image' | 'file';
  /** Where it is. */
  url: string;
  /** File name (default: the URL's last path segment). */
  name?: string;
}

/** Options of {@link ChatStore.send}. */
export interface ChatSendOptions {
  /** Images and files to send with the text. */
  files?: ChatFileInput[];
}

/** Options of {@link createChatStore}. */
export interface ChatStoreOptions extends ChatRequestOptions {
  /** The client to send with. */
  client: ChatStoreClient;
  /** An existing chat's id; absent: a new chat with a generated 24-character id. */
  chatId?: string;
  /** The initial draft. */
  draft?: string;
  /** Messages to start with (e.g. loaded records). */
  messages?: ChatMessage[];
  /** The latest request options, read at every request (hooks pass their props through a ref). */
  getOptions?: () => ChatRequestOptions;
  /** The latest callbacks, read at every call. */
  getCallbacks?: () => ChatCallbacks;
  /** How frames are awaited for batched notifications (tests inject a manual frame). */
  scheduler?: FrameSchedulerOptions;
  /** Clock for `createdAt`, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Id generator for chat and message ids (default: 24 random alphanumerics, like FastGPT's). */
  generateId?: () => string;
}

/**
 * One chat: a zustand vanilla store (`getState`, `subscribe`; usable with zustand's `useStore`) plus its
 * actions. Events are applied at once, but subscribers are told at most once per animation frame while a
 * reply streams; status changes, the first content and the final state are told at once.
 */
export interface ChatStore extends Pick<StoreApi<ChatState>, 'getState' | 'getInitialState' | 'subscribe'> {
  /**
   * Sends a message (and optional image/file URLs). While a reply is running it is queued instead and sent
   * when the reply ends. Clears the draft when `text` is the draft. Resolves when the reply ends (at once
   * when queued); never rejects: failures land in `status` / `error`.
   */
  send(text: string, options?: ChatSendOptions): Promise<void>;
  /**
   * Stops the running reply: aborts the request, keeps the partial reply (status `stopped`) and asks
   * FastGPT to stop the workflow (servers without `/api/v2/chat/stop` are ignored). Then the queue goes on.
   */
  stop(): Promise<void>;
  /** Deletes the last question and its answer on the server and asks the same question again. */
  regenerate(): Promise<void>;
  /** Replaces a user message (and deletes everything after it, on the server too), then sends the new text. */
  edit(messageId: string, text: string): Promise<void>;
  /** After a failure, sends the failed question (or interactive answer) again. */
  retry(): Promise<void>;
  /**
   * Answers the pending interactive node of the last reply: the chosen option's `value` (userSelect) or the
   * form values (userInput, sent as a JSON string). The continuation folds into the same assistant message.
   */
  answerInteractive(value: string | Record<string, unknown>): Promise<void>;
  /** Starts over: a new chat (or the given existing chat id), no messages, the running reply aborted. */
  reset(chatId?: string): void;
  /** Sets the draft. */
  setDraft(draft: string): void;
  /** Removes a queued message and returns it. */
  cancelQueued(id: string): QueuedMessage | undefined;
  /**
   * Prepends messages loaded from the server (oldest first): those not here yet, that come before the
   * first one already here; nothing present is reordered. Ignored when `chatId` is not the current chat.
   */
  hydrate(messages: readonly ChatMessage[], chatId?: string): void;
  /**
   * Adds variable values known from the server (the app's defaults, the chat's stored values) beneath the
   * current ones: what the caller passed and what the workflow set stay. Ignored for another chat id.
   */
  hydrateVariables(values: Record<string, unknown>, chatId?: string): void;
  /**
   * Marks a user of the store (a mounted hook); the returned function releases it. When the last user
   * goes, the running reply is aborted silently. Symmetric, so StrictMode's double effects are harmless.
   */
  attach(): () => void;
  /** Aborts everything and stops all notifications for good. */
  destroy(): void;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 24 random alphanumerics (FastGPT's chat and data ids are nanoids of this alphabet). */
export function generateChatId(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

function toFastGPTError(error: unknown): FastGPTError {
  if (error instanceof FastGPTError) return error;
  const message = error instanceof Error && error.message ? error.message : 'The reply failed.';
  return new FastGPTError(message, { cause: error });
}

function reportCallbackError(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
}

function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

function userParts(text: string, files: readonly ChatFileInput[] | undefined): MessagePart[] {
  const parts: MessagePart[] = (files ?? []).map((file) => {
    const part: FilePart = { type: 'file', kind: file.kind, url: file.url };
    if (file.name !== undefined) part.name = file.name;
    return part;
  });
  if (text !== '') parts.push({ type: 'text', text });
  return parts;
}

function contentFor(
  text: string,
  files: readonly ChatFileInput[] | undefined,
): ChatCompletionMessage['content'] {
  if (!files || files.length === 0) return text;
  const content: ChatMessageContentPart[] = files.map((file) =>
    file.kind === 'image'
      ? { type: 'image_url', image_url: { url: file.url } }
      : { type: 'file_url', name: file.name ?? fileName(file.url), url: file.url },
  );
  if (text !== '') content.push({ type: 'text', text });
  return content;
}

function textOf(message: ChatMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function filesOf(message: ChatMessage): ChatFileInput[] {
  const files: ChatFileInput[] = [];
  for (const part of message.parts) {
    if (part.type !== 'file') continue;
    const file: ChatFileInput = { kind: part.kind, url: part.url };
    if (part.name !== undefined) file.name = part.name;
    files.push(file);
  }
  return files;
}

function indexOfId(messages: readonly ChatMessage[], id: string): number {
  // The message a stream updates is nearly always the last one.
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.id === id) return i;
  return -1;
}

function replaceAt(messages: ChatMessage[], index: number, message: ChatMessage): ChatMessage[] {
  if (messages[index] === message) return messages;
  const next = messages.slice();
  next[index] = message;
  return next;
}

function withStatus(message: ChatMessage, status: ChatMessage['status'], error?: FastGPTError): ChatMessage {
  if (message.status === status && message.error === error) return message;
  const next: ChatMessage = { ...message, status };
  if (error) next.error = error;
  else delete next.error;
  return next;
}

/** A reply in flight. */
interface Turn {
  kind: 'message' | 'continue';
  controller: AbortController;
  assistantId: string;
  /** The user message of a `message` turn. */
  userId: string | undefined;
  /** The question, restored to the draft when nothing streamed. */
  text: string;
  /** A continuation's answer. */
  answer: string | Record<string, unknown> | undefined;
  /** The completion request was sent. */
  requested: boolean;
  /** An event (or the non-stream response) arrived: FastGPT has the turn. */
  started: boolean;
  /** Content of this turn arrived. */
  sawContent: boolean;
  /** Runs before the request (record deletion of regenerate/edit/retry); a failure rolls back. */
  prepare: (() => Promise<void>) | undefined;
  /** The messages to put back when `prepare` fails. */
  rollback: ChatMessage[] | undefined;
  /** Whether a rollback puts the text in the draft (an edit's new text is nowhere else). */
  rollbackRestoresDraft: boolean;
}

/** How the last reply failed, for `retry()`. */
type Failure =
  | { kind: 'message' }
  | { kind: 'continue'; started: boolean; answer: string | Record<string, unknown> };

/**
 * Creates the store of one chat (one per chat instance, never shared at module level).
 *
 * @example
 * ```ts
 * const { chat } = createFastGPTClient({ baseUrl: '/api/fastgpt', appId });
 * const store = createChatStore({ client: chat });
 * store.subscribe((state) => render(state.messages));
 * await store.send('你好');
 * ```
 */
export function createChatStore(options: ChatStoreOptions): ChatStore {
  const now = options.now ?? Date.now;
  const generateId = options.generateId ?? generateChatId;
  const latest = (): ChatRequestOptions & { client: ChatStoreClient } => {
    const dynamic = options.getOptions?.() ?? {};
    return {
      client: dynamic.client ?? options.client,
      appId: dynamic.appId ?? options.appId,
      variables: dynamic.variables ?? options.variables,
      customUid: dynamic.customUid ?? options.customUid,
      detail: dynamic.detail ?? options.detail ?? true,
      stream: dynamic.stream ?? options.stream ?? true,
    };
  };
  const callbacks = (): ChatCallbacks => options.getCallbacks?.() ?? {};
  const callback = <K extends keyof ChatCallbacks>(
    name: K,
    ...args: Parameters<NonNullable<ChatCallbacks[K]>>
  ) => {
    const fn = callbacks()[name] as ((...a: typeof args) => void) | undefined;
    if (!fn) return;
    try {
      fn(...args);
    } catch (error) {
      reportCallbackError(error);
    }
  };

  const initial: ChatState = {
    messages: options.messages ?? [],
    status: 'ready',
    error: undefined,
    activeNode: null,
    chatId: options.chatId ?? generateId(),
    isNewChat: options.chatId === undefined,
    variables: { ...(options.variables ?? {}) },
    draft: options.draft ?? '',
    queue: [],
  };
  const inner = createStore<ChatState>()(() => initial);
  const listeners = new Set<(state: ChatState, prev: ChatState) => void>();
  let notified = initial;
  const scheduler = createFrameScheduler(() => {
    const state = inner.getState();
    if (state === notified) return;
    const prev = notified;
    notified = state;
    for (const listener of listeners) listener(state, prev);
  }, options.scheduler);

  let destroyed = false;
  let users = 0;
  // True once the last attached user (a mounted hook) went away: no queued sends start after that.
  let detached = false;
  let active: Turn | undefined;
  let failure: Failure | undefined;
  let stopping: Promise<void> = Promise.resolve();
  // Messages FastGPT never received (the request failed before the reply started): nothing to delete.
  const notOnServer = new Set<string>();
  // Messages deleted here; stale record pages must not bring them back.
  const removed = new Set<string>();

  const get = () => inner.getState();
  const set = (patch: Partial<ChatState>, urgent: boolean) => {
    if (destroyed) return;
    inner.setState(patch);
    if (urgent) scheduler.flush();
    else scheduler.schedule();
  };
  const isCurrent = (turn: Turn) => !destroyed && active === turn && !turn.controller.signal.aborted;

  const newTurn = (
    kind: Turn['kind'],
    assistantId: string,
    userId: string | undefined,
    text: string,
    answer?: Turn['answer'],
  ): Turn => ({
    kind,
    controller: new AbortController(),
    assistantId,
    userId,
    text,
    answer,
    requested: false,
    started: false,
    sawContent: false,
    prepare: undefined,
    rollback: undefined,
    rollbackRestoresDraft: false,
  });

  const baseRequest = (content: ChatCompletionMessage['content'], turn: Turn) => {
    const opts = latest();
    const message: ChatCompletionMessage = { role: 'user', content };
    if (turn.userId) message.dataId = turn.userId;
    const request: ChatCompletionRequest = {
      chatId: get().chatId,
      detail: opts.detail,
      responseChatItemId: turn.assistantId,
      messages: [message],
    };
    if (opts.appId) request.appId = opts.appId;
    if (opts.variables) request.variables = opts.variables;
    if (opts.customUid) request.customUid = opts.customUid;
    return { request, opts };
  };

  /** The first sign of the reply: the request reached FastGPT, the question is saved. */
  const markStarted = (turn: Turn, patch: Partial<ChatState>, messages: ChatMessage[]): ChatMessage[] => {
    turn.started = true;
    patch.status = 'streaming';
    if (!turn.userId) return messages;
    const index = indexOfId(messages, turn.userId);
    const user = messages[index];
    return user ? replaceAt(messages, index, withStatus(user, 'done')) : messages;
  };

  const applyEvent = (turn: Turn, event: FastGPTStreamEvent) => {
    const state = get();
    const index = indexOfId(state.messages, turn.assistantId);
    const message = state.messages[index];
    if (!message) return;
    const before = { message, activeNode: state.activeNode, variables: state.variables };
    const after = applyChatStreamEvent(before, event);
    const patch: Partial<ChatState> = {};
    let urgent = false;
    let messages = state.messages;
    if (!turn.started) {
      messages = markStarted(turn, patch, messages);
      urgent = true;
    }
    if (after.message !== message) {
      if (after.message.parts !== message.parts && !turn.sawContent) {
        turn.sawContent = true;
        urgent = true;
      }
      messages = replaceAt(messages, index, after.message);
    }
    if (messages !== state.messages) patch.messages = messages;
    if (after.activeNode !== before.activeNode) patch.activeNode = after.activeNode;
    if (after.variables !== before.variables) patch.variables = after.variables;
    if (Object.keys(patch).length > 0) set(patch, urgent);
  };

  const finish = (turn: Turn) => {
    const state = get();
    let messages = state.messages;
    const index = indexOfId(messages, turn.assistantId);
    const message = messages[index];
    if (message) messages = replaceAt(messages, index, finalizeMessage(message, 'done'));
    if (turn.userId) {
      const userIndex = indexOfId(messages, turn.userId);
      const user = messages[userIndex];
      if (user) messages = replaceAt(messages, userIndex, withStatus(user, 'done'));
    }
    active = undefined;
    failure = undefined;
    set({ messages, status: 'ready', error: undefined, activeNode: null }, true);
    const settled = messages[indexOfId(messages, turn.assistantId)];
    if (settled) callback('onFinish', { message: settled, messages, chatId: state.chatId, stopped: false });
    drainQueue();
  };

  const fail = (turn: Turn, cause: unknown) => {
    const error = toFastGPTError(cause);
    const state = get();
    let messages = state.messages;
    const patch: Partial<ChatState> = { status: 'error', error, activeNode: null };
    const index = indexOfId(messages, turn.assistantId);
    const assistant = messages[index];
    const rolledBack = turn.rollback !== undefined && !turn.requested;
    if (turn.rollback && rolledBack) {
      messages = turn.rollback;
      for (const m of messages) removed.delete(m.id);
    } else if (turn.kind === 'message') {
      if (turn.sawContent && assistant) {
        messages = replaceAt(messages, index, finalizeMessage(assistant, 'error', error));
      } else if (assistant) {
        messages = messages.filter((m) => m !== assistant);
      }
      if (turn.userId) {
        const userIndex = indexOfId(messages, turn.userId);
        const user = messages[userIndex];
        if (user) {
          messages = replaceAt(
            messages,
            userIndex,
            withStatus(user, turn.sawContent ? 'done' : 'error', turn.sawContent ? undefined : error),
          );
        }
      }
      if (!turn.started) {
        if (turn.userId) notOnServer.add(turn.userId);
        notOnServer.add(turn.assistantId);
      }
    } else if (assistant) {
      let next = assistant;
      if (!turn.started) {
        // FastGPT never saw the answer: the question is open again.
        next = {
          ...assistant,
          parts: assistant.parts.map((part) => {
            if (part.type !== 'interactive' || !part.answered) return part;
            const { answer: _answer, ...rest } = part;
            return { ...rest, answered: false };
          }),
        };
        next = finalizeMessage(next, 'done');
      } else next = finalizeMessage(next, 'error', error);
      messages = replaceAt(messages, index, next);
    }
    const restoreDraft = rolledBack ? turn.rollbackRestoresDraft : !turn.sawContent;
    if (restoreDraft && state.draft === '' && turn.text !== '') patch.draft = turn.text;
    if (messages !== state.messages) patch.messages = messages;
    failure =
      turn.kind === 'continue' && turn.answer !== undefined
        ? { kind: 'continue', started: turn.started, answer: turn.answer }
        : { kind: 'message' };
    active = undefined;
    set(patch, true);
    callback('onError', error);
  };

  const run = async (turn: Turn, content: ChatCompletionMessage['content']): Promise<void> => {
    try {
      if (turn.prepare) {
        await turn.prepare();
        if (!isCurrent(turn)) return;
      }
      const { request, opts } = baseRequest(content, turn);
      turn.requested = true;
      const signal = turn.controller.signal;
      if (!opts.stream) {
        const response = await opts.client.createChatCompletion(request, { signal });
        if (!isCurrent(turn)) return;
        const state = get();
        const patch: Partial<ChatState> = {};
        let messages = markStarted(turn, patch, state.messages);
        const index = indexOfId(messages, turn.assistantId);
        const message = messages[index];
        if (message) {
          const next = applyCompletionResponse(message, response);
          turn.sawContent = next.parts !== message.parts;
          messages = replaceAt(messages, index, next);
        }
        patch.messages = messages;
        if (response.newVariables) patch.variables = { ...state.variables, ...response.newVariables };
        set(patch, false);
        finish(turn);
        return;
      }
      for await (const event of opts.client.streamChatCompletion(request, { signal })) {
        if (!isCurrent(turn)) return;
        callback('onEvent', event);
        // The callback may have stopped or reset the chat.
        if (!isCurrent(turn)) return;
        applyEvent(turn, event);
      }
      if (isCurrent(turn)) finish(turn);
    } catch (error) {
      if (isCurrent(turn)) fail(turn, error);
    }
  };

  const deleteRecords = async (ids: readonly string[]) => {
    const { client, appId } = latest();
    const chatId = get().chatId;
    if (!client.deleteChatRecord) return;
    await Promise.all(
      ids.map(async (contentId) => {
        try {
          await client.deleteChatRecord?.({ chatId, contentId, ...(appId ? { appId } : {}) });
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
        }
      }),
    );
  };

  const startMessageTurn = (
    entry: { id: string; text: string; files?: ChatFileInput[] | undefined },
    base: ChatMessage[],
    extra: Partial<ChatState>,
    prepare?: { run: () => Promise<void>; rollback: ChatMessage[]; restoresDraft: boolean },
  ): Promise<void> => {
    const createdAt = now();
    const user: ChatMessage = {
      id: entry.id,
      role: 'user',
      parts: userParts(entry.text, entry.files),
      status: 'pending',
      createdAt,
    };
    const assistant: ChatMessage = {
      id: generateId(),
      role: 'assistant',
      parts: [],
      status: 'pending',
      createdAt,
    };
    const turn = newTurn('message', assistant.id, user.id, entry.text);
    if (prepare) {
      turn.prepare = prepare.run;
      turn.rollback = prepare.rollback;
      turn.rollbackRestoresDraft = prepare.restoresDraft;
    }
    active = turn;
    failure = undefined;
    const callerVariables = latest().variables;
    const state = get();
    set(
      {
        messages: [...base, user, assistant],
        status: 'submitted',
        error: undefined,
        activeNode: null,
        ...(callerVariables ? { variables: { ...state.variables, ...callerVariables } } : {}),
        ...extra,
      },
      true,
    );
    return run(turn, contentFor(entry.text, entry.files));
  };

  function drainQueue() {
    if (destroyed || detached || active || get().status === 'error') return;
    const [next, ...rest] = get().queue;
    if (!next) return;
    void startMessageTurn(next, get().messages, { queue: rest });
  }

  /** The state after `turn` stopped: the partial reply kept as `stopped`, the chat ready. */
  const settleStopped = (state: ChatState, turn: Turn) => {
    let messages = state.messages;
    const index = indexOfId(messages, turn.assistantId);
    const message = messages[index];
    if (message) {
      // Stopped before anything was sent: there is no reply to keep, and nothing to delete later.
      if (!turn.requested && message.parts.length === 0) {
        messages = messages.filter((m) => m !== message);
        if (turn.userId) notOnServer.add(turn.userId);
      } else messages = replaceAt(messages, index, finalizeMessage(message, 'stopped'));
    }
    if (turn.userId) {
      const userIndex = indexOfId(messages, turn.userId);
      const user = messages[userIndex];
      if (user) messages = replaceAt(messages, userIndex, withStatus(user, 'done'));
    }
    return { messages, status: 'ready' as const, error: undefined, activeNode: null };
  };

  /** Ends the running reply locally; resolves when FastGPT was told to stop (or could not be). */
  const stopTurn = (options: { drain: boolean }): Promise<void> => {
    const turn = active;
    if (!turn) return stopping;
    turn.controller.abort();
    active = undefined;
    const state = get();
    const patch = settleStopped(state, turn);
    set(patch, true);
    const messages = patch.messages;
    const settled = messages[indexOfId(messages, turn.assistantId)];
    if (settled) callback('onFinish', { message: settled, messages, chatId: state.chatId, stopped: true });
    const { client, appId } = latest();
    const chatId = state.chatId;
    stopping =
      turn.requested && client.stopChat
        ? client.stopChat({ chatId, ...(appId ? { appId } : {}) }).then(
            () => undefined,
            // Servers before 4.14 have no stop route (NotFound); the aborted request is all we can do.
            () => undefined,
          )
        : Promise.resolve();
    const done = stopping;
    if (options.drain) void done.then(() => drainQueue());
    return done;
  };

  /** Sends the user message at `index` again (or `replacement`), deleting it and all after it first. */
  const resendFrom = async (index: number, replacement?: string): Promise<void> => {
    if (active) await stopTurn({ drain: false });
    if (destroyed) return;
    const state = get();
    const user = state.messages[index];
    if (user?.role !== 'user') return;
    const dropped = state.messages.slice(index);
    const toDelete = dropped.filter((m) => !notOnServer.has(m.id)).map((m) => m.id);
    for (const m of dropped) removed.add(m.id);
    const original = textOf(user);
    const text = replacement ?? original;
    const extra: Partial<ChatState> = {};
    if (state.draft !== '' && (state.draft === original || state.draft === text)) extra.draft = '';
    return startMessageTurn(
      { id: generateId(), text, files: filesOf(user) },
      state.messages.slice(0, index),
      extra,
      {
        run: () => deleteRecords(toDelete),
        rollback: state.messages,
        restoresDraft: replacement !== undefined,
      },
    );
  };

  const lastUserIndex = () => get().messages.findLastIndex((m) => m.role === 'user');

  const store: ChatStore = {
    getState: get,
    getInitialState: () => initial,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    send(text, sendOptions = {}) {
      if (destroyed) return Promise.resolve();
      const files = sendOptions.files?.length ? sendOptions.files : undefined;
      if (text.trim() === '' && !files) return Promise.resolve();
      const state = get();
      const extra: Partial<ChatState> = state.draft !== '' && state.draft === text ? { draft: '' } : {};
      const entry: QueuedMessage = { id: generateId(), text };
      if (files) entry.files = userParts('', files) as FilePart[];
      if (active) {
        set({ queue: [...state.queue, entry], ...extra }, true);
        return Promise.resolve();
      }
      return startMessageTurn({ id: entry.id, text, files }, state.messages, extra);
    },

    stop: () => stopTurn({ drain: true }),

    async regenerate() {
      const index = lastUserIndex();
      if (index >= 0) await resendFrom(index);
    },

    async edit(messageId, text) {
      const index = get().messages.findIndex((m) => m.id === messageId);
      if (index >= 0 && text.trim() !== '') await resendFrom(index, text);
    },

    async retry() {
      if (active || get().status !== 'error') return;
      const last = failure;
      if (last?.kind === 'continue' && !last.started) return store.answerInteractive(last.answer);
      const index = lastUserIndex();
      if (index >= 0) await resendFrom(index);
    },

    answerInteractive(value) {
      if (destroyed || active) return Promise.resolve();
      const state = get();
      const index = state.messages.findLastIndex((m) => m.role === 'assistant');
      const message = state.messages[index];
      const partIndex = message?.parts.findLastIndex((p) => p.type === 'interactive' && !p.answered) ?? -1;
      if (!message || partIndex < 0) return Promise.resolve();
      const parts = message.parts.slice();
      parts[partIndex] = {
        ...(parts[partIndex] as Extract<MessagePart, { type: 'interactive' }>),
        answered: true,
        answer: value,
      };
      const next = withStatus({ ...message, parts }, 'pending');
      const turn = newTurn('continue', message.id, undefined, '', value);
      active = turn;
      failure = undefined;
      set(
        {
          messages: replaceAt(state.messages, index, next),
          status: 'submitted',
          error: undefined,
          activeNode: null,
        },
        true,
      );
      return run(turn, typeof value === 'string' ? value : JSON.stringify(value));
    },

    reset(chatId) {
      if (destroyed) return;
      const turn = active;
      if (turn) {
        turn.controller.abort();
        active = undefined;
        const { client, appId } = latest();
        if (turn.requested && client.stopChat) {
          client.stopChat({ chatId: get().chatId, ...(appId ? { appId } : {}) }).catch(() => undefined);
        }
      }
      failure = undefined;
      notOnServer.clear();
      removed.clear();
      const state = get();
      // Queued messages were typed by the user; back to the composer rather than lost.
      const queued = state.queue.map((q) => q.text).join('\n\n');
      const draft = queued === '' ? state.draft : state.draft === '' ? queued : `${state.draft}\n\n${queued}`;
      set(
        {
          messages: [],
          status: 'ready',
          error: undefined,
          activeNode: null,
          chatId: chatId ?? generateId(),
          isNewChat: chatId === undefined,
          variables: { ...(latest().variables ?? {}) },
          queue: [],
          draft,
        },
        true,
      );
    },

    setDraft(draft) {
      if (get().draft !== draft) set({ draft }, true);
    },

    cancelQueued(id) {
      const queue = get().queue;
      const entry = queue.find((q) => q.id === id);
      if (entry) set({ queue: queue.filter((q) => q !== entry) }, true);
      return entry;
    },

    hydrateVariables(values, chatId) {
      const state = get();
      if (destroyed || (chatId !== undefined && chatId !== state.chatId)) return;
      const merged = { ...values, ...state.variables };
      const changed = Object.keys(merged).some((key) => !Object.is(merged[key], state.variables[key]));
      if (changed) set({ variables: merged }, true);
    },

    hydrate(loaded, chatId) {
      const state = get();
      if (destroyed || (chatId !== undefined && chatId !== state.chatId)) return;
      const present = new Set(state.messages.map((m) => m.id));
      const overlap = loaded.findIndex((m) => present.has(m.id));
      const head = (overlap < 0 ? loaded : loaded.slice(0, overlap)).filter(
        (m) => !present.has(m.id) && !removed.has(m.id),
      );
      if (head.length > 0) set({ messages: [...head, ...state.messages] }, true);
    },

    attach() {
      users++;
      detached = false;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        users--;
        if (users > 0) return;
        detached = true;
        const turn = active;
        if (!turn) return;
        // Unmounted mid-reply: abort, and settle the state without notifying anyone (nobody listens; a
        // component shown again, e.g. by <Activity>, reads a settled chat rather than one stuck streaming).
        turn.controller.abort();
        active = undefined;
        scheduler.cancel();
        inner.setState(settleStopped(get(), turn));
        notified = inner.getState();
      };
    },

    destroy() {
      active?.controller.abort();
      active = undefined;
      scheduler.destroy();
      listeners.clear();
      destroyed = true;
    },
  };
  return store;
}
