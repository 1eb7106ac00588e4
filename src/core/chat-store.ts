import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChatClient } from '../client/chat-client';
import { FastGPTError, NotFoundError } from '../client/errors';
import type { ChatCompletionMessage, ChatCompletionRequest, FastGPTStreamEvent } from '../client/types';
import type {
  ActiveNode,
  ChatFileInput,
  ChatMessage,
  InteractivePart,
  MessageFeedback,
  QueuedMessage,
} from './chat-message';
import { applyChatStreamEvent, applyCompletionResponse, finalizeMessage } from './chat-reducer';
import { createFrameScheduler, type FrameSchedulerOptions } from './frame-scheduler';
import { contentFor, filesOf, textOf, userParts } from './message-content';
import {
  awaitsAnswer,
  indexOfId,
  joinDraft,
  reopenInteractive,
  replaceAt,
  sameFeedback,
  updateById,
  withFeedback,
  withStatus,
} from './message-updates';

export type { ChatFileInput } from './chat-message';

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
  /** What the user is typing; kept per chat (see `drafts`), so it survives remounts and failed sends. */
  draft: string;
  /**
   * Messages sent while a reply ran, oldest first; each is sent when the reply before it ends. The queue
   * never reorders: it waits while the last reply asks an unanswered interactive question (FastGPT would
   * take the next message as the answer) and after a failure (until a retry, regenerate or edit succeeds,
   * or the user sends again: a new message joins the end and the queue goes on from its head).
   */
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
  /**
   * Keep FastGPT's `[quoteId](CITE)` markers in the answer (FastGPT ≥ 4.9.7; default false, as FastGPT's),
   * so a UI can show them as citation chips.
   */
  retainDatasetCite?: boolean;
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

/** Options of {@link ChatStore.send}. */
export interface ChatSendOptions {
  /** Images and files to send with the text. */
  files?: ChatFileInput[];
}

/**
 * A change the store made on the server, so caches can follow: `saved` when FastGPT saved a turn (a reply
 * ended, was stopped or failed after it started), `deleted` when records were deleted (regenerate, edit,
 * retry).
 */
export type ChatServerChange =
  | {
      type: 'saved';
      chatId: string;
      /** The assistant message of the saved turn, settled. */
      message: ChatMessage;
      /** Every message after the turn. */
      messages: ChatMessage[];
    }
  | { type: 'deleted'; chatId: string /** The deleted records' dataIds. */; ids: string[] };

/**
 * Where drafts live beyond one store (e.g. a provider-wide map), so a remounted chat gets its draft back
 * and every chat keeps its own. Keys are the chat id, or `new` for a chat not loaded from the server.
 */
export interface ChatDraftStorage {
  /** The draft kept for a chat. */
  get(key: string): string | undefined;
  /** Keeps a chat's draft. */
  set(key: string, draft: string): void;
}

/** Options of {@link createChatStore}. */
export interface ChatStoreOptions extends ChatRequestOptions {
  /** The client to send with. */
  client: ChatStoreClient;
  /** An existing chat's id; absent: a new chat with a generated 24-character id. */
  chatId?: string;
  /** The initial draft (default: the one `drafts` holds for this chat). */
  draft?: string;
  /** Where drafts are kept across stores (default: a map of this store). */
  drafts?: ChatDraftStorage;
  /** Told of every change made on the server (hooks keep the query caches in step with it). */
  onServerChange?: (change: ChatServerChange) => void;
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
   * Sends a message (and optional image/file URLs). While a reply is running, or earlier messages wait in
   * the queue, it joins the end of the queue instead (see `ChatState.queue`). Clears the draft when `text` is the draft. Resolves when the reply ends (at once
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
  /**
   * Replaces a user message (and deletes everything after it, on the server too), then sends the new text.
   * Records are deleted newest first, one at a time; when one fails, those deleted stay deleted and the
   * error shows (the new text goes back to the draft, and `retry()` tries the edit again).
   */
  edit(messageId: string, text: string): Promise<void>;
  /** After a failure, sends the failed question (or interactive answer) again. */
  retry(): Promise<void>;
  /**
   * Deletes a settled message on the server: a question together with its answer, or an answer alone.
   * It leaves the list at once and comes back in place when FastGPT refuses (the promise then rejects with
   * the error). Ignored for the reply that is running and while a regenerate/edit deletes records.
   */
  deleteMessage(messageId: string): Promise<void>;
  /** Records the user's feedback on a message (after FastGPT took it); `undefined` clears it. */
  setFeedback(messageId: string, feedback: MessageFeedback | undefined): void;
  /**
   * Answers the pending interactive node of the last reply: the chosen option's `value` (userSelect) or the
   * form values (userInput, sent as a JSON string). The continuation folds into the same assistant message.
   */
  answerInteractive(value: string | Record<string, unknown>): Promise<void>;
  /**
   * Starts over: a new chat (or the given existing chat id), no messages, the running reply aborted. The
   * draft (with any queued text) stays with the chat it was typed in; the chat switched to gets its own.
   */
  reset(chatId?: string): void;
  /** Sets the draft. */
  setDraft(draft: string): void;
  /** Removes a queued message and returns it. */
  cancelQueued(id: string): QueuedMessage | undefined;
  /**
   * Merges messages loaded from the server (oldest first): the loaded order, each message already here
   * kept as the same object (with the loaded feedback when it differs), then the messages here that were
   * not loaded (live turns not saved yet, failed sends) in their order. Messages deleted here stay out.
   * Ignored when `chatId` is not the current chat.
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

const NEW_CHAT_KEY = 'new';
const draftKey = (state: Pick<ChatState, 'chatId' | 'isNewChat'>) =>
  state.isNewChat ? NEW_CHAT_KEY : state.chatId;

/** A reply in flight. */
interface Turn {
  /** `message`: a question and its reply; `continue`: an interactive answer folding into the last reply. */
  kind: 'message' | 'continue';
  controller: AbortController;
  chatId: string;
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
}

/** Regenerate/edit deleting records before its turn starts. */
interface Deletion {
  controller: AbortController;
  /** Settles when the delete in flight has (so the next request comes after it). */
  done: Promise<void>;
}

/** How the last reply failed, for `retry()`. */
type Failure =
  /** Send again from this user message (deleting it and all after it), with `text` when it was an edit. */
  | { kind: 'resend'; messageId: string; text: string | undefined }
  | { kind: 'continue'; started: boolean; answer: string | Record<string, unknown> };

const noop = () => undefined;

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
  const drafts: ChatDraftStorage = options.drafts ?? new Map<string, string>();
  /** The request options: what `getOptions` returns now, over the static ones. */
  const latest = (): ChatRequestOptions & { client: ChatStoreClient; detail: boolean; stream: boolean } => {
    const dynamic = options.getOptions?.() ?? {};
    return {
      client: dynamic.client ?? options.client,
      appId: dynamic.appId ?? options.appId,
      variables: dynamic.variables ?? options.variables,
      customUid: dynamic.customUid ?? options.customUid,
      detail: dynamic.detail ?? options.detail ?? true,
      stream: dynamic.stream ?? options.stream ?? true,
      retainDatasetCite: dynamic.retainDatasetCite ?? options.retainDatasetCite,
    };
  };
  const callback = <K extends keyof ChatCallbacks>(
    name: K,
    ...args: Parameters<NonNullable<ChatCallbacks[K]>>
  ) => {
    const fn = options.getCallbacks?.()[name] as ((...a: typeof args) => void) | undefined;
    if (!fn) return;
    try {
      fn(...args);
    } catch (error) {
      reportCallbackError(error);
    }
  };
  const serverChanged = (change: ChatServerChange) => {
    try {
      options.onServerChange?.(change);
    } catch (error) {
      reportCallbackError(error);
    }
  };

  const chatId = options.chatId ?? generateId();
  const isNewChat = options.chatId === undefined;
  const initial: ChatState = {
    messages: options.messages ?? [],
    status: 'ready',
    error: undefined,
    activeNode: null,
    chatId,
    isNewChat,
    variables: { ...(latest().variables ?? {}) },
    draft: options.draft ?? drafts.get(draftKey({ chatId, isNewChat })) ?? '',
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
  let deleting: Deletion | undefined;
  let failure: Failure | undefined;
  // FastGPT's stop sets a flag on the chat until the stopped run ends: the next request waits for it.
  let pendingStop: Promise<void> | undefined;
  // Messages deleted here; stale record pages must not bring them back.
  const removed = new Set<string>();
  // The `deleteMessage` under way, if any (never rejects).
  let deletions: Promise<void> | undefined;

  const get = () => inner.getState();
  const set = (patch: Partial<ChatState>, urgent: boolean) => {
    if (destroyed) return;
    inner.setState(patch);
    if (patch.draft !== undefined) drafts.set(draftKey(get()), patch.draft);
    if (urgent) scheduler.flush();
    else scheduler.schedule();
  };
  const isCurrent = (turn: Turn) => !destroyed && active === turn && !turn.controller.signal.aborted;
  const busy = () => active !== undefined || deleting !== undefined;

  const holdNextRequest = (promise: Promise<unknown>) => {
    const settled = Promise.all([pendingStop, promise]).then(noop, noop);
    pendingStop = settled;
    void settled.then(() => {
      if (pendingStop === settled) pendingStop = undefined;
    });
  };

  /** Asks FastGPT to stop the turn's workflow (servers without the route are ignored). */
  const requestStop = (turn: Turn) => {
    const { client, appId } = latest();
    if (!turn.requested || !client.stopChat) return;
    // Servers before 4.14 have no stop route (NotFound); the aborted request is all we can do there.
    holdNextRequest(client.stopChat({ chatId: turn.chatId, ...(appId ? { appId } : {}) }));
  };

  const newTurn = (
    kind: Turn['kind'],
    assistantId: string,
    userId: string | undefined,
    text: string,
    answer?: Turn['answer'],
  ): Turn => ({
    kind,
    controller: new AbortController(),
    chatId: get().chatId,
    assistantId,
    userId,
    text,
    answer,
    requested: false,
    started: false,
    sawContent: false,
  });

  const buildRequest = (content: ChatCompletionMessage['content'], turn: Turn) => {
    const opts = latest();
    const message: ChatCompletionMessage = { role: 'user', content };
    if (turn.userId) message.dataId = turn.userId;
    const request: ChatCompletionRequest = {
      chatId: turn.chatId,
      detail: opts.detail,
      responseChatItemId: turn.assistantId,
      messages: [message],
    };
    if (opts.appId) request.appId = opts.appId;
    if (opts.variables) request.variables = opts.variables;
    if (opts.customUid) request.customUid = opts.customUid;
    if (opts.retainDatasetCite) request.retainDatasetCite = true;
    return { request, opts };
  };

  /** The turn's user message marked sent (FastGPT has it) or failed. */
  const settleUser = (messages: ChatMessage[], turn: Turn, error?: FastGPTError) =>
    updateById(messages, turn.userId, (user) => withStatus(user, error ? 'error' : 'done', error));

  /** Tells caches that FastGPT saved the turn (it did once the reply started). */
  const reportSaved = (turn: Turn, messages: ChatMessage[]) => {
    const message = messages[indexOfId(messages, turn.assistantId)];
    if (turn.started && message) serverChanged({ type: 'saved', chatId: turn.chatId, message, messages });
  };

  /** The first sign of the reply: the request reached FastGPT, the question is saved. */
  const markStarted = (turn: Turn, patch: Partial<ChatState>, messages: ChatMessage[]): ChatMessage[] => {
    turn.started = true;
    patch.status = 'streaming';
    return settleUser(messages, turn);
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
      messages = replaceAt(messages, indexOfId(messages, turn.assistantId), after.message);
    }
    if (messages !== state.messages) patch.messages = messages;
    if (after.activeNode !== before.activeNode) patch.activeNode = after.activeNode;
    if (after.variables !== before.variables) patch.variables = after.variables;
    if (Object.keys(patch).length > 0) set(patch, urgent);
  };

  const finish = (turn: Turn) => {
    let messages = updateById(get().messages, turn.assistantId, (m) => finalizeMessage(m, 'done'));
    messages = settleUser(messages, turn);
    active = undefined;
    failure = undefined;
    set({ messages, status: 'ready', error: undefined, activeNode: null }, true);
    reportSaved(turn, messages);
    const settled = messages[indexOfId(messages, turn.assistantId)];
    if (settled) callback('onFinish', { message: settled, messages, chatId: turn.chatId, stopped: false });
    drainQueue();
  };

  const fail = (turn: Turn, cause: unknown) => {
    const error = toFastGPTError(cause);
    const state = get();
    let messages = state.messages;
    const patch: Partial<ChatState> = { status: 'error', error, activeNode: null };
    if (turn.kind === 'message') {
      messages = turn.sawContent
        ? updateById(messages, turn.assistantId, (m) => finalizeMessage(m, 'error', error))
        : messages.filter((m) => m.id !== turn.assistantId);
      messages = settleUser(messages, turn, turn.sawContent ? undefined : error);
      if (!turn.sawContent && state.draft === '' && turn.text !== '') patch.draft = turn.text;
    } else {
      // Not started: FastGPT never saw the answer, so the question is open again.
      messages = updateById(messages, turn.assistantId, (m) =>
        turn.started ? finalizeMessage(m, 'error', error) : reopenInteractive(m),
      );
    }
    if (messages !== state.messages) patch.messages = messages;
    failure =
      turn.kind === 'continue' && turn.answer !== undefined
        ? { kind: 'continue', started: turn.started, answer: turn.answer }
        : { kind: 'resend', messageId: turn.userId ?? '', text: undefined };
    active = undefined;
    set(patch, true);
    reportSaved(turn, messages);
    callback('onError', error);
  };

  const run = async (turn: Turn, content: ChatCompletionMessage['content']): Promise<void> => {
    try {
      if (pendingStop) {
        await pendingStop;
        if (!isCurrent(turn)) return;
      }
      const { request, opts } = buildRequest(content, turn);
      turn.requested = true;
      const signal = turn.controller.signal;
      if (!opts.stream) {
        const response = await opts.client.createChatCompletion(request, { signal });
        if (!isCurrent(turn)) return;
        const state = get();
        const patch: Partial<ChatState> = {};
        let messages = markStarted(turn, patch, state.messages);
        messages = updateById(messages, turn.assistantId, (message) => {
          const next = applyCompletionResponse(message, response);
          turn.sawContent = next.parts !== message.parts;
          return next;
        });
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

  const startMessageTurn = (
    entry: { id: string; text: string; files?: ChatFileInput[] | undefined },
    extra: Partial<ChatState>,
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
    active = turn;
    failure = undefined;
    const callerVariables = latest().variables;
    const state = get();
    set(
      {
        ...extra,
        messages: [...(extra.messages ?? state.messages), user, assistant],
        status: 'submitted',
        error: undefined,
        activeNode: null,
        ...(callerVariables ? { variables: { ...state.variables, ...callerVariables } } : {}),
      },
      true,
    );
    return run(turn, contentFor(entry.text, entry.files));
  };

  /** Sends the next queued message when nothing runs, no question waits and (unless `afterError`) no failure. */
  function drainQueue(afterError = false) {
    if (destroyed || detached || busy()) return;
    const state = get();
    if ((state.status === 'error' && !afterError) || awaitsAnswer(state.messages)) return;
    const [next, ...rest] = state.queue;
    if (next) void startMessageTurn(next, { queue: rest });
  }

  /** The state after `turn` stopped: the partial reply kept as `stopped`, the chat ready. */
  const settleStopped = (state: ChatState, turn: Turn): Partial<ChatState> => {
    const patch: Partial<ChatState> = { status: 'ready', error: undefined, activeNode: null };
    let messages = state.messages;
    if (turn.requested) {
      messages = updateById(messages, turn.assistantId, (m) => finalizeMessage(m, 'stopped'));
      messages = settleUser(messages, turn);
    } else if (turn.kind === 'continue') {
      messages = updateById(messages, turn.assistantId, reopenInteractive);
    } else {
      // Stopped before it was sent: the question stays with Retry/Edit, its text back in the composer.
      messages = messages.filter((m) => m.id !== turn.assistantId);
      messages = settleUser(messages, turn, new FastGPTError('Stopped before the message was sent.'));
      if (state.draft === '' && turn.text !== '') patch.draft = turn.text;
    }
    patch.messages = messages;
    return patch;
  };

  /** Ends the running reply locally and asks FastGPT to stop it. */
  const stopTurn = (turn: Turn) => {
    turn.controller.abort();
    active = undefined;
    requestStop(turn);
    const patch = settleStopped(get(), turn);
    set(patch, true);
    const messages = patch.messages ?? get().messages;
    reportSaved(turn, messages);
    const settled = messages[indexOfId(messages, turn.assistantId)];
    if (settled && turn.requested) {
      callback('onFinish', { message: settled, messages, chatId: turn.chatId, stopped: true });
    }
  };

  /** Deletes one record; one FastGPT already lost (NotFound) counts as deleted. */
  const deleteRecord = async (chatId: string, contentId: string) => {
    const { client, appId } = latest();
    try {
      await client.deleteChatRecord?.({ chatId, contentId, ...(appId ? { appId } : {}) });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  };

  /**
   * Regenerate, edit and retry: deletes the user message `messageId` and everything after it on the server
   * (newest first, one at a time, so a failure leaves no gap), then sends its text (or `replacement`) again.
   * A failure or a stop keeps what was deleted removed; the text goes back to the draft if it is nowhere
   * else to be seen.
   */
  const resendFrom = async (messageId: string, replacement?: string): Promise<void> => {
    if (deletions) await deletions;
    if (destroyed || deleting) return;
    if (active) stopTurn(active);
    const state = get();
    const index = state.messages.findIndex((m) => m.id === messageId);
    const user = state.messages[index];
    if (user?.role !== 'user') return;
    const chatId = state.chatId;
    const original = textOf(user);
    const text = replacement ?? original;
    const files = filesOf(user);
    const dropped = state.messages.slice(index).map((m) => m.id);
    const controller = new AbortController();
    const deleted: string[] = [];
    let error: FastGPTError | undefined;
    const deleteAll = async () => {
      await pendingStop;
      for (const id of dropped.toReversed()) {
        if (controller.signal.aborted || destroyed) return;
        try {
          await deleteRecord(chatId, id);
        } catch (cause) {
          error = toFastGPTError(cause);
          return;
        }
        deleted.push(id);
      }
    };
    const op: Deletion = { controller, done: deleteAll() };
    deleting = op;
    failure = undefined;
    const patch: Partial<ChatState> = { status: 'submitted', error: undefined, activeNode: null };
    if (state.draft !== '' && (state.draft === original || state.draft === text)) patch.draft = '';
    set(patch, true);
    await op.done;
    if (destroyed) return;

    for (const id of deleted) removed.add(id);
    if (deleted.length > 0) serverChanged({ type: 'deleted', chatId, ids: deleted });
    const current = get();
    if (current.chatId !== chatId) return;
    const gone = new Set(deleted);
    const messages = current.messages.filter((m) => !gone.has(m.id));
    const result: Partial<ChatState> = {};
    if (messages.length !== current.messages.length) result.messages = messages;
    if (deleting === op && !error) {
      deleting = undefined;
      return startMessageTurn({ id: generateId(), text, files }, result);
    }
    // Stopped or failed: the text is restored when the edit's text or the deleted question is nowhere else.
    if ((replacement !== undefined || gone.has(messageId)) && current.draft === '' && text !== '') {
      result.draft = text;
    }
    if (deleting === op) {
      deleting = undefined;
      failure = { kind: 'resend', messageId, text: replacement };
      set({ ...result, status: 'error', error, activeNode: null }, true);
      if (error) callback('onError', error);
    } else if (Object.keys(result).length > 0) set(result, true);
  };

  const lastUserId = () => get().messages.findLast((m) => m.role === 'user')?.id;

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
      if (files) entry.files = files;
      if (busy() || state.queue.length > 0) {
        // Never ahead of earlier queued messages; a send after a failure is the user going on.
        set({ queue: [...state.queue, entry], ...extra }, true);
        drainQueue(true);
        return Promise.resolve();
      }
      return startMessageTurn(entry, extra);
    },

    stop() {
      const op = deleting;
      if (op) {
        deleting = undefined;
        op.controller.abort();
        holdNextRequest(op.done);
        set({ status: 'ready', error: undefined, activeNode: null }, true);
      } else if (active) stopTurn(active);
      else return pendingStop ?? Promise.resolve();
      const stopped = pendingStop ?? Promise.resolve();
      drainQueue();
      return stopped;
    },

    async regenerate() {
      const id = lastUserId();
      if (id !== undefined) await resendFrom(id);
    },

    async edit(messageId, text) {
      if (text.trim() !== '') await resendFrom(messageId, text);
    },

    async retry() {
      if (busy() || get().status !== 'error') return;
      const last = failure;
      if (last?.kind === 'continue' && !last.started) return store.answerInteractive(last.answer);
      const messages = get().messages;
      if (last?.kind === 'resend' && messages.some((m) => m.id === last.messageId)) {
        return resendFrom(last.messageId, last.text);
      }
      const id = lastUserId();
      if (id !== undefined) await resendFrom(id);
    },

    deleteMessage(messageId) {
      if (destroyed || deleting) return Promise.resolve();
      const state = get();
      const index = state.messages.findIndex((m) => m.id === messageId);
      const message = state.messages[index];
      if (!message || (active && message.id === active.assistantId)) return Promise.resolve();
      const next = state.messages[index + 1];
      const doomed = [message];
      if (message.role === 'user' && next?.role === 'assistant' && next.id !== active?.assistantId) {
        doomed.push(next);
      }
      const ids = new Set(doomed.map((m) => m.id));
      const chatId = state.chatId;
      // Gone at once, and kept out of records that load meanwhile.
      for (const id of ids) removed.add(id);
      set({ messages: state.messages.filter((m) => !ids.has(m.id)) }, true);
      const run = async () => {
        const deleted: string[] = [];
        try {
          for (const m of doomed.toReversed()) {
            await deleteRecord(chatId, m.id);
            deleted.push(m.id);
          }
        } catch (cause) {
          const kept = doomed.filter((m) => !deleted.includes(m.id));
          for (const m of kept) removed.delete(m.id);
          const current = get();
          if (current.chatId === chatId && !destroyed) {
            // Back where it was: after the nearest earlier message still there (by id: it may have been
            // replaced meanwhile), or at the start.
            let at = 0;
            for (let i = index - 1; i >= 0; i--) {
              const found = indexOfId(current.messages, state.messages[i]?.id ?? '');
              if (found >= 0) {
                at = found + 1;
                break;
              }
            }
            set(
              { messages: [...current.messages.slice(0, at), ...kept, ...current.messages.slice(at)] },
              true,
            );
          }
          throw toFastGPTError(cause);
        } finally {
          if (deleted.length > 0) serverChanged({ type: 'deleted', chatId, ids: deleted });
        }
      };
      const done = run();
      // Regenerate and edit wait for it: they delete records too, and must not race these.
      // Chained, so they wait for every deletion under way, not only the latest.
      const settled = Promise.all([deletions, done.catch(noop)]).then(() => {
        if (deletions === settled) deletions = undefined;
      });
      deletions = settled;
      return done;
    },

    setFeedback(messageId, feedback) {
      const { messages } = get();
      const next = updateById(messages, messageId, (m) => {
        if (m.feedback?.rating === feedback?.rating && m.feedback?.reason === feedback?.reason) return m;
        const { feedback: _old, ...rest } = m;
        return feedback ? { ...rest, feedback } : rest;
      });
      if (next !== messages) set({ messages: next }, true);
    },

    answerInteractive(value) {
      if (destroyed || busy()) return Promise.resolve();
      const state = get();
      const index = state.messages.findLastIndex((m) => m.role === 'assistant');
      const message = state.messages[index];
      const partIndex = message?.parts.findLastIndex((p) => p.type === 'interactive' && !p.answered) ?? -1;
      if (!message || partIndex < 0) return Promise.resolve();
      const parts = message.parts.slice();
      parts[partIndex] = { ...(parts[partIndex] as InteractivePart), answered: true, answer: value };
      const turn = newTurn('continue', message.id, undefined, '', value);
      active = turn;
      failure = undefined;
      set(
        {
          messages: replaceAt(state.messages, index, withStatus({ ...message, parts }, 'pending')),
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
        requestStop(turn);
        // FastGPT keeps what it streamed: caches of the chat being left must know, or coming back shows less.
        const { messages } = settleStopped(get(), turn);
        if (messages) reportSaved(turn, messages);
      }
      deleting?.controller.abort();
      deleting = undefined;
      failure = undefined;
      removed.clear();
      const state = get();
      // Queued messages were typed by the user: they join the draft of the chat they were typed in.
      const queued = state.queue.map((q) => q.text).join('\n\n');
      drafts.set(draftKey(state), joinDraft(state.draft, queued));
      const next = { chatId: chatId ?? generateId(), isNewChat: chatId === undefined };
      set(
        {
          messages: [],
          status: 'ready',
          error: undefined,
          activeNode: null,
          ...next,
          variables: { ...(latest().variables ?? {}) },
          queue: [],
          draft: drafts.get(draftKey(next)) ?? '',
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
      const here = new Map(state.messages.map((m) => [m.id, m]));
      const merged: ChatMessage[] = [];
      const seen = new Set<string>();
      for (const message of loaded) {
        if (removed.has(message.id) || seen.has(message.id)) continue;
        seen.add(message.id);
        const existing = here.get(message.id);
        if (!existing) merged.push(message);
        else if (sameFeedback(existing.feedback, message.feedback)) merged.push(existing);
        else merged.push(withFeedback(existing, message.feedback));
      }
      for (const message of state.messages) if (!seen.has(message.id)) merged.push(message);
      const changed =
        merged.length !== state.messages.length || merged.some((m, i) => m !== state.messages[i]);
      if (changed) set({ messages: merged }, true);
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
        deleting?.controller.abort();
        deleting = undefined;
        const turn = active;
        if (!turn) return;
        // Unmounted mid-reply: abort, and settle the state without notifying anyone (nobody listens; a
        // component shown again, e.g. by <Activity>, reads a settled chat rather than one stuck streaming).
        turn.controller.abort();
        active = undefined;
        scheduler.cancel();
        inner.setState(settleStopped(get(), turn));
        notified = inner.getState();
        drafts.set(draftKey(notified), notified.draft);
        reportSaved(turn, get().messages);
      };
    },

    destroy() {
      active?.controller.abort();
      active = undefined;
      deleting?.controller.abort();
      deleting = undefined;
      scheduler.destroy();
      listeners.clear();
      destroyed = true;
    },
  };
  return store;
}
