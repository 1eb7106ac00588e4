'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { FastGPTError } from '../client/errors';
import type { ActiveNode, ChatMessage, QueuedMessage } from '../core/chat-message';
import {
  type ChatCallbacks,
  type ChatRequestOptions,
  type ChatSendOptions,
  type ChatServerChange,
  type ChatStatus,
  type ChatStore,
  createChatStore,
} from '../core/chat-store';
import { textOf } from '../core/message-content';
import { fastgptKeys } from '../core/query-keys';
import { upsertHistoryItem } from './use-chat-history';
import { useChatInit } from './use-chat-init';
import { updateCachedRecords, useChatRecords } from './use-chat-records';
import { useFastGPT } from './use-fastgpt';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/** Options of {@link useChatCompletion}. All are read at call time, so changing them never needs a remount. */
export interface UseChatCompletionOptions extends ChatCallbacks {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /**
   * An existing chat to continue: its records load (newest page first, older ones with `loadOlder`).
   * Absent: a new chat with a generated id. Changing it switches the chat.
   */
  chatId?: string;
  /** App variables sent with every message; FastGPT merges them over the chat's stored ones. */
  variables?: Record<string, unknown>;
  /** End-user id recorded with the chat (shows in the log table's User column). */
  customUid?: string;
  /** Ask for named events: node status, tools, interactive nodes, node responses (default true). */
  detail?: boolean;
  /** Stream the reply (default true); `false` waits for the whole reply. */
  stream?: boolean;
  /** Keep `[quoteId](CITE)` markers in answers, for citation chips (FastGPT ≥ 4.9.7; default false). */
  retainDatasetCite?: boolean;
  /** Records per page when loading an existing chat (default 20). */
  pageSize?: number;
  /**
   * Loading an existing chat, also load the records its end user deleted, as an admin's log view does
   * (see `UseChatRecordsOptions.includeDeleted`). Default false.
   */
  includeDeleted?: boolean;
  /** Loading an existing chat, also load each answer's custom feedback entries. Default false. */
  loadCustomFeedbacks?: boolean;
}

/** What {@link useChatCompletion} returns. Actions are stable; state fields change as the chat does. */
export interface UseChatCompletionResult {
  /** The messages, oldest first; a settled message keeps its object identity (memoize rows by it). */
  messages: ChatMessage[];
  /** `submitted` until the reply starts, `streaming` while it arrives, `ready` after, `error` on failure. */
  status: ChatStatus;
  /** Why the last reply failed, with a human message. */
  error: FastGPTError | undefined;
  /** The workflow node running now ("知识库搜索", "AI 对话"…), or `null`. */
  activeNode: ActiveNode | null;
  /** The FastGPT chat id. */
  chatId: string;
  /** The chat's variables (the given ones, updated by the workflow). */
  variables: Record<string, unknown>;
  /**
   * The composer text. Kept per chat by the provider (the app id and the `chatId` option, or a new chat),
   * so it survives a remount; restored when a send fails before anything streamed.
   */
  draft: string;
  /** Sets the composer text. */
  setDraft: (draft: string) => void;
  /** Sends a message (queued while a reply runs). Never rejects: failures land in `status` / `error`. */
  send: (text: string, options?: ChatSendOptions) => Promise<void>;
  /** Stops the reply, keeping what arrived, and asks FastGPT to stop the workflow. */
  stop: () => Promise<void>;
  /** Asks the last question again (its question and answer are deleted on the server first). */
  regenerate: () => Promise<void>;
  /** Replaces a user message and everything after it (on the server too), then sends the new text. */
  edit: (messageId: string, text: string) => Promise<void>;
  /** Sends the failed question (or interactive answer) again. */
  retry: () => Promise<void>;
  /**
   * Deletes a settled message on the server: a question with its answer, or an answer alone. It leaves
   * `messages` at once and comes back in place when FastGPT refuses; the promise then rejects.
   */
  deleteMessage: (messageId: string) => Promise<void>;
  /** Answers the pending userSelect (option value) or userInput (form values); the reply continues in place. */
  answerInteractive: (value: string | Record<string, unknown>) => Promise<void>;
  /** Starts a new chat (or switches to the given chat id). */
  reset: (chatId?: string) => void;
  /** Messages waiting for the running reply to end. */
  queue: QueuedMessage[];
  /** Removes a queued message and returns it. */
  cancelQueued: (id: string) => QueuedMessage | undefined;
  /** Loads the next older page of an existing chat's records. */
  loadOlder: () => Promise<void>;
  /** Whether older records are left to load. */
  hasOlder: boolean;
  /** An older page is loading. */
  isLoadingOlder: boolean;
  /** The first page of an existing chat's records is loading. */
  isLoadingRecords: boolean;
  /** Why loading the existing chat's records failed (the chat then shows only what this session added). */
  recordsError: Error | null;
  /** Loads the existing chat's records again, e.g. after `recordsError`. */
  reloadRecords: () => Promise<void>;
  /**
   * The chat's store, for components that subscribe to a slice (zustand's `useStore(store, selector)`), so
   * a row re-renders only when its own message changes.
   */
  store: ChatStore;
}

const noOlder = async () => {};

/** FastGPT's title rule: the first 20 characters of the latest question (`新对话` when it has no text). */
function titleOf({ message, messages }: { message: ChatMessage; messages: ChatMessage[] }): string {
  const index = messages.indexOf(message);
  const before = index >= 0 ? messages.slice(0, index) : messages;
  const question = before.findLast((m) => m.role === 'user');
  const text = question ? textOf(question) : '';
  return Array.from(text.trim()).slice(0, 20).join('') || '新对话';
}

/**
 * A FastGPT chat: send messages, stream the reply into typed message parts (text, reasoning, tools,
 * interactive nodes, citations), stop, regenerate, edit, retry, answer interactive nodes and queue
 * messages. One store per hook instance; while a reply streams the component re-renders at most once per
 * animation frame, and settled messages keep their identity. Aborts on unmount; in StrictMode nothing is
 * sent twice.
 *
 * @example
 * ```tsx
 * function Chat() {
 *   const { messages, status, draft, setDraft, send, stop } = useChatCompletion({
 *     onError: (error) => toast(error.message),
 *   });
 *   return (
 *     <form onSubmit={(e) => { e.preventDefault(); void send(draft); }}>
 *       {messages.map((m) => <Message key={m.id} message={m} />)}
 *       <textarea value={draft} onChange={(e) => setDraft(e.target.value)} />
 *       {status === 'streaming' ? <button type="button" onClick={stop}>Stop</button> : <button>Send</button>}
 *     </form>
 *   );
 * }
 * ```
 */
export function useChatCompletion(options: UseChatCompletionOptions = {}): UseChatCompletionResult {
  const fastgpt = useFastGPT();
  const queryClient = useQueryClient();
  const optionsRef = useRef(options);
  const contextRef = useRef(fastgpt);
  useIsomorphicLayoutEffect(() => {
    optionsRef.current = options;
    contextRef.current = fastgpt;
  });

  // StrictMode calls this twice and keeps one; creating a store has no side effects, so that is harmless.
  const [store] = useState(() => {
    const appIdNow = () => optionsRef.current.appId ?? contextRef.current.appId ?? '';
    const draftKey = (key: string) => `${appIdNow()}\u0000${key}`;
    const onServerChange = (change: ChatServerChange) => {
      const { scope } = contextRef.current;
      const appId = appIdNow();
      if (change.type === 'deleted') {
        // Older pages count their offsets from the newest end: the cache must lose what the server lost.
        const ids = new Set(change.ids);
        updateCachedRecords(queryClient, scope, appId, change.chatId, (r) => (ids.has(r.dataId) ? null : r));
        return;
      }
      // Loaded again (e.g. after switching chats), the records must include this session's turns.
      void queryClient.invalidateQueries({
        queryKey: fastgptKeys.records(scope, appId, change.chatId),
        refetchType: 'none',
      });
      // FastGPT re-titles the chat and bumps it to the top on every turn; the cached lists follow at once.
      upsertHistoryItem(queryClient, scope, appId || undefined, {
        chatId: change.chatId,
        title: titleOf(change),
        updateTime: new Date().toISOString(),
      });
    };
    return createChatStore({
      client: fastgpt.chat,
      chatId: options.chatId,
      drafts: {
        get: (key) => contextRef.current.drafts.get(draftKey(key)),
        set: (key, draft) => contextRef.current.drafts.set(draftKey(key), draft),
      },
      onServerChange,
      getOptions: (): ChatRequestOptions => {
        const current = optionsRef.current;
        const context = contextRef.current;
        const latest: ChatRequestOptions = { client: context.chat };
        const appId = current.appId ?? context.appId;
        if (appId !== undefined) latest.appId = appId;
        if (current.variables !== undefined) latest.variables = current.variables;
        if (current.customUid !== undefined) latest.customUid = current.customUid;
        if (current.detail !== undefined) latest.detail = current.detail;
        if (current.retainDatasetCite !== undefined) latest.retainDatasetCite = current.retainDatasetCite;
        if (current.stream !== undefined) latest.stream = current.stream;
        return latest;
      },
      getCallbacks: () => optionsRef.current,
    });
  });
  // attach/release are symmetric, so StrictMode's mount → unmount → mount leaves the store working.
  useEffect(() => store.attach(), [store]);

  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);

  const chatIdOption = options.chatId;
  const previousChatIdOption = useRef(chatIdOption);
  useEffect(() => {
    const previous = previousChatIdOption.current;
    previousChatIdOption.current = chatIdOption;
    if (chatIdOption !== undefined) {
      if (chatIdOption !== store.getState().chatId) store.reset(chatIdOption);
    } else if (previous !== undefined) store.reset();
  }, [chatIdOption, store]);

  const recordsChatId = state.chatId;
  const records = useChatRecords({
    appId: options.appId,
    chatId: recordsChatId,
    pageSize: options.pageSize,
    enabled: !state.isNewChat,
    includeDeleted: options.includeDeleted,
    loadCustomFeedbacks: options.loadCustomFeedbacks,
  });
  const loaded = records.messages;
  useEffect(() => {
    if (loaded.length > 0) store.hydrate(loaded, recordsChatId);
  }, [loaded, recordsChatId, store]);

  // The app's variable defaults and the chat's stored values sit beneath the caller's.
  const init = useChatInit({ appId: options.appId, chatId: recordsChatId });
  const { variablesSchema, variables: storedVariables, data: initData } = init;
  useEffect(() => {
    if (!initData) return;
    const defaults: Record<string, unknown> = {};
    for (const variable of variablesSchema) {
      if (variable.defaultValue !== undefined) defaults[variable.key] = variable.defaultValue;
    }
    store.hydrateVariables({ ...defaults, ...storedVariables }, recordsChatId);
  }, [initData, variablesSchema, storedVariables, recordsChatId, store]);

  const { hasOlder, isLoadingOlder, isLoading, error: recordsError, refetch: reloadRecords } = records;
  const loadOlder = state.isNewChat ? noOlder : records.loadOlder;
  return useMemo<UseChatCompletionResult>(
    () => ({
      messages: state.messages,
      status: state.status,
      error: state.error,
      activeNode: state.activeNode,
      chatId: state.chatId,
      variables: state.variables,
      draft: state.draft,
      setDraft: store.setDraft,
      send: store.send,
      stop: store.stop,
      regenerate: store.regenerate,
      edit: store.edit,
      retry: store.retry,
      deleteMessage: store.deleteMessage,
      answerInteractive: store.answerInteractive,
      reset: store.reset,
      queue: state.queue,
      cancelQueued: store.cancelQueued,
      loadOlder,
      hasOlder: !state.isNewChat && hasOlder,
      isLoadingOlder,
      isLoadingRecords: !state.isNewChat && isLoading,
      recordsError: state.isNewChat ? null : recordsError,
      reloadRecords,
      store,
    }),
    [state, store, loadOlder, hasOlder, isLoadingOlder, isLoading, recordsError, reloadRecords],
  );
}
