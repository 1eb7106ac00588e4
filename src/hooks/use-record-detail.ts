'use client';
import { useQuery } from '@tanstack/react-query';
import type { NodeResponse } from '../client/types';
import { fastgptKeys } from '../core/query-keys';
import { useFastGPT } from './use-fastgpt';

/** Options of {@link useRecordDetail}. */
export interface UseRecordDetailOptions {
  /** The app; defaults to the provider's `appId`. */
  appId?: string;
  /** The chat the record belongs to. */
  chatId: string;
  /** The AI record's dataId (a message id). */
  dataId: string;
  /** Set `false` to load nothing yet, e.g. until the user opens the details (default true). */
  enabled?: boolean;
}

/** Result of {@link useRecordDetail}. */
export interface UseRecordDetailResult {
  /** The record's node responses (the run timeline), once loaded; `[]` when the server kept none. */
  responses: NodeResponse[] | undefined;
  /** The first load is running. */
  isLoading: boolean;
  /** Why loading failed. */
  error: Error | null;
  /** Loads again. */
  refetch: () => Promise<void>;
}

/**
 * The node responses of one stored AI reply (`getResData`): stored records carry no run details, so a UI
 * loads them when the user asks. Records never change their run, so the result stays cached.
 *
 * @example
 * ```tsx
 * const { responses, isLoading } = useRecordDetail({ chatId, dataId: message.id, enabled: open });
 * ```
 */
export function useRecordDetail({
  appId: appIdOption,
  chatId,
  dataId,
  enabled = true,
}: UseRecordDetailOptions): UseRecordDetailResult {
  const { chat, scope, appId: defaultAppId } = useFastGPT();
  const appId = appIdOption ?? defaultAppId;
  const query = useQuery({
    queryKey: fastgptKeys.recordDetail(scope, appId ?? '', chatId, dataId),
    queryFn: ({ signal }) => chat.getRecordDetail({ appId, chatId, dataId }, { signal }),
    enabled: enabled && chatId !== '' && dataId !== '',
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const { refetch } = query;
  return {
    responses: query.data,
    isLoading: query.isLoading,
    error: query.error,
    refetch: async () => {
      await refetch();
    },
  };
}
