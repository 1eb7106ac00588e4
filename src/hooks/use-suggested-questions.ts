'use client';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fastgptKeys } from '../core/query-keys';
import { useChatInit } from './use-chat-init';
import { useFastGPT } from './use-fastgpt';

/** Options of {@link useSuggestedQuestions}. */
export interface UseSuggestedQuestionsOptions {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** The chat whose latest turns are the context. */
  chatId: string;
  /**
   * The id of the reply the questions follow. A new id asks again; questions fetched for an earlier reply
   * are never shown for this one. Nothing is fetched while it is undefined.
   */
  afterMessageId: string | undefined;
  /**
   * Whether to fetch, e.g. once the reply has finished (default true). Nothing is fetched either while the
   * app's question guide is off (read from the chat's init data, shared with `useChatInit`).
   */
  enabled?: boolean;
}

/** Result of {@link useSuggestedQuestions}. */
export interface UseSuggestedQuestionsResult {
  /** Follow-up questions for `afterMessageId` (empty while loading, when off, or on failure). */
  questions: string[];
  /** They are being fetched. */
  isLoading: boolean;
  /** The app's question guide is on (false until the chat's init data has loaded). */
  isGuideOn: boolean;
  /** Why fetching failed. */
  error: Error | null;
  /** Asks again for the same reply. */
  refetch: () => Promise<void>;
}

const NO_QUESTIONS: string[] = [];

/**
 * FastGPT's suggested follow-up questions after a reply. Each reply has its own query, so an answer that
 * arrives late for an earlier reply never replaces the current one, and the earlier request is aborted once
 * nothing shows it.
 *
 * @example
 * ```tsx
 * function Suggestions({ chatId, lastReply, onAsk }: Props) {
 *   const { questions } = useSuggestedQuestions({
 *     chatId,
 *     afterMessageId: lastReply?.id,
 *     enabled: lastReply?.status === 'done',
 *   });
 *   return questions.map((q) => <button key={q} onClick={() => onAsk(q)}>{q}</button>);
 * }
 * ```
 */
export function useSuggestedQuestions({
  appId: appIdOption,
  chatId,
  afterMessageId,
  enabled = true,
}: UseSuggestedQuestionsOptions): UseSuggestedQuestionsResult {
  const { chat, scope, appId: defaultAppId } = useFastGPT();
  const appId = appIdOption ?? defaultAppId;
  const { questionGuide: isGuideOn } = useChatInit({ appId, chatId, enabled: chatId !== '' });
  const query = useQuery({
    queryKey: fastgptKeys.suggestedQuestions(scope, appId ?? '', chatId, afterMessageId ?? ''),
    queryFn: ({ signal }) => chat.getSuggestedQuestions({ appId, chatId }, { signal }),
    enabled: enabled && isGuideOn && afterMessageId !== undefined && afterMessageId !== '' && chatId !== '',
    // The questions for a reply never change; asking again would only cost model calls.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const { refetch: refetchQuery } = query;
  const refetch = useCallback(async () => {
    await refetchQuery();
  }, [refetchQuery]);
  return {
    questions: query.data ?? NO_QUESTIONS,
    isLoading: query.isLoading,
    isGuideOn,
    error: query.error,
    refetch,
  };
}
