'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ChatRecord, SendFeedbackParams } from '../client/types';
import type { MessageFeedback } from '../core/chat-message';
import { fastgptKeys } from '../core/query-keys';
import { type ChatRecordsData, updateCachedRecords } from './use-chat-records';
import { useFastGPT } from './use-fastgpt';

/** Options of {@link useFeedback}. */
export interface UseFeedbackOptions {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** The chat whose answers are rated. */
  chatId: string;
}

/** A rating to give: good, bad, or `null` to clear. */
export type FeedbackRating = 'good' | 'bad' | null;

/** Result of {@link useFeedback}. */
export interface UseFeedbackResult {
  /**
   * Rates an answer, following FastGPT's rules: a good rating clears a bad one and the other way round,
   * `null` clears both, and giving the rating the answer already has clears it (a toggle; a bad rating
   * with a different reason changes the reason instead). Shown at once on the cached records and undone
   * when the server refuses; the promise then rejects. Resolves with the answer's new feedback.
   */
  rate: (dataId: string, rating: FeedbackRating, reason?: string) => Promise<MessageFeedback | null>;
  /** The answer's feedback as this hook knows it (the cached records, or its own latest rating). */
  feedbackOf: (dataId: string) => MessageFeedback | undefined;
  /** Whether a rating of this answer is on its way. */
  isPending: (dataId: string) => boolean;
  /** Why the latest rating failed. */
  error: Error | null;
  /** Forgets `error`. */
  resetError: () => void;
}

interface FeedbackChange {
  dataId: string;
  next: MessageFeedback | null;
  previous: MessageFeedback | null;
  /** Counts this answer's ratings, so a failed one never undoes a later one. */
  sequence: number;
}

function feedbackOfRecord(record: ChatRecord): MessageFeedback | null {
  if (record.userGoodFeedback) return { rating: 'good' };
  if (record.userBadFeedback) {
    return record.userBadFeedback === 'yes'
      ? { rating: 'bad' }
      : { rating: 'bad', reason: record.userBadFeedback };
  }
  return null;
}

function withFeedback(record: ChatRecord, feedback: MessageFeedback | null): ChatRecord {
  const { userGoodFeedback: _good, userBadFeedback: _bad, ...rest } = record;
  if (feedback?.rating === 'good') return { ...rest, dataId: record.dataId, userGoodFeedback: 'yes' };
  if (feedback?.rating === 'bad') {
    return { ...rest, dataId: record.dataId, userBadFeedback: feedback.reason || 'yes' };
  }
  return { ...rest, dataId: record.dataId };
}

/** The next feedback of an answer when `rating` is given while it has `current`. */
export function nextFeedback(
  current: MessageFeedback | null,
  rating: FeedbackRating,
  reason?: string,
): MessageFeedback | null {
  if (rating === null) return null;
  if (rating === 'good') return current?.rating === 'good' ? null : { rating: 'good' };
  const sameReason = reason === undefined || reason === '' || reason === current?.reason;
  if (current?.rating === 'bad' && sameReason) return null;
  return reason ? { rating: 'bad', reason } : { rating: 'bad' };
}

/**
 * Good / bad ratings of a chat's answers with an optional reason, following FastGPT's set/unset rules.
 * Ratings show at once on the cached records (so `useChatRecords` messages update) and are undone when
 * the server refuses.
 *
 * @example
 * ```tsx
 * function Rate({ chatId, message }: { chatId: string; message: ChatMessage }) {
 *   const { rate } = useFeedback({ chatId });
 *   return (
 *     <>
 *       <button aria-pressed={message.feedback?.rating === 'good'} onClick={() => rate(message.id, 'good')}>
 *         👍
 *       </button>
 *       <button onClick={() => rate(message.id, 'bad', prompt('What was wrong?') ?? undefined)}>👎</button>
 *     </>
 *   );
 * }
 * ```
 */
export function useFeedback({ appId: appIdOption, chatId }: UseFeedbackOptions): UseFeedbackResult {
  const { chat, scope, appId: defaultAppId } = useFastGPT();
  const queryClient = useQueryClient();
  const appId = appIdOption ?? defaultAppId;
  // Ratings of answers that are not in the records cache yet (a reply of this session).
  const [known, setKnown] = useState<ReadonlyMap<string, MessageFeedback | null>>(() => new Map());
  // Read by rate(), so two quick ratings before a render still see each other.
  const knownRef = useRef(known);
  const [pending, setPending] = useState<ReadonlyMap<string, number>>(() => new Map());

  const cachedRecord = useCallback(
    (dataId: string): ChatRecord | undefined => {
      const data = queryClient.getQueryData<ChatRecordsData>(fastgptKeys.records(scope, appId ?? '', chatId));
      for (const page of data?.pages ?? []) {
        const record = page.list.find((r) => r.dataId === dataId);
        if (record) return record;
      }
      return undefined;
    },
    [queryClient, scope, appId, chatId],
  );

  const feedbackOf = useCallback(
    (dataId: string): MessageFeedback | undefined => {
      const record = cachedRecord(dataId);
      const feedback = record ? feedbackOfRecord(record) : known.get(dataId);
      return feedback ?? undefined;
    },
    [cachedRecord, known],
  );

  const show = useCallback(
    (dataId: string, feedback: MessageFeedback | null) => {
      updateCachedRecords(queryClient, scope, appId, chatId, (record) =>
        record.dataId === dataId ? withFeedback(record, feedback) : record,
      );
      knownRef.current = new Map(knownRef.current).set(dataId, feedback);
      setKnown(knownRef.current);
    },
    [queryClient, scope, appId, chatId],
  );

  const latestRef = useRef(new Map<string, number>());

  const countPending = useCallback((dataId: string, delta: number) => {
    setPending((map) => {
      const next = new Map(map);
      const count = (next.get(dataId) ?? 0) + delta;
      if (count > 0) next.set(dataId, count);
      else next.delete(dataId);
      return next;
    });
  }, []);

  const mutation = useMutation<void, Error, FeedbackChange>({
    mutationFn: ({ dataId, next }) => {
      const params: SendFeedbackParams = { appId, chatId, dataId };
      if (next?.rating === 'good') params.userGoodFeedback = 'yes';
      if (next?.rating === 'bad') params.userBadFeedback = next.reason || 'yes';
      return chat.sendFeedback(params);
    },
    onMutate: ({ dataId, next }) => {
      countPending(dataId, 1);
      show(dataId, next);
    },
    // Roll back only while this rating is still the latest for the answer: a later one has replaced it.
    onError: (_error, { dataId, previous, sequence }) => {
      if (latestRef.current.get(dataId) === sequence) show(dataId, previous);
    },
    onSettled: (_data, _error, { dataId }) => countPending(dataId, -1),
  });

  const { mutateAsync, reset } = mutation;
  const rate = useCallback(
    async (dataId: string, rating: FeedbackRating, reason?: string) => {
      const record = cachedRecord(dataId);
      const previous = record ? feedbackOfRecord(record) : (knownRef.current.get(dataId) ?? null);
      const next = nextFeedback(previous, rating, reason);
      const sequence = (latestRef.current.get(dataId) ?? 0) + 1;
      latestRef.current.set(dataId, sequence);
      await mutateAsync({ dataId, next, previous, sequence });
      return next;
    },
    [cachedRecord, mutateAsync],
  );

  const isPending = useCallback((dataId: string) => pending.has(dataId), [pending]);

  return { rate, feedbackOf, isPending, error: mutation.error, resetError: reset };
}
