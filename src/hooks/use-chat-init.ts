'use client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AppChatConfig, AppVariable, ChatInitResponse } from '../client/types';
import { fastgptKeys } from '../core/query-keys';
import { useFastGPT } from './use-fastgpt';

/** Options of {@link useChatInit}. */
export interface UseChatInitOptions {
  /** The app; defaults to the provider's `appId` (share links take the app from the link). */
  appId?: string;
  /** The chat; an id FastGPT does not know yet is a fresh chat. */
  chatId: string;
  /** Set `false` to load nothing (default true). */
  enabled?: boolean;
}

/** What the user may attach to a message (FastGPT's `fileSelectConfig`, with defaults filled in). */
export interface FileSelectSettings {
  /** Documents may be attached. */
  canSelectFile: boolean;
  /** Images may be attached. */
  canSelectImg: boolean;
  /** At most this many attachments per message (FastGPT's default is 10). */
  maxFiles: number;
}

/** Result of {@link useChatInit}. */
export interface UseChatInitResult {
  /** The app's name (`""` until loaded). */
  appName: string;
  /** The app's avatar path or URL (`""` until loaded). */
  appAvatar: string;
  /** The app's description. */
  appIntro: string;
  /** The greeting shown before the first message (`""` when none). */
  welcomeText: string;
  /** Variables the chat asks for before the first message (the app's `chatConfig.variables`). */
  variablesSchema: AppVariable[];
  /** The chat's stored variable values. */
  variables: Record<string, unknown>;
  /** Whether the app suggests follow-up questions after replies (old servers' bare boolean included). */
  questionGuide: boolean;
  /** What may be attached. */
  fileSelect: FileSelectSettings;
  /** The chat's title, when the chat exists. */
  title: string | undefined;
  /** All chat settings as FastGPT sent them. */
  chatConfig: AppChatConfig | undefined;
  /** The raw init data. */
  data: ChatInitResponse | undefined;
  /** The first load is running. */
  isLoading: boolean;
  /** Why loading failed. */
  error: Error | null;
  /** Loads again. */
  refetch: () => Promise<void>;
}

const NO_VARIABLES: AppVariable[] = [];
const NO_VALUES: Record<string, unknown> = {};

/** FastGPT ≤ 4.8 sends `questionGuide: true`; newer servers send `{ open: true, … }`. */
export function isQuestionGuideOn(config: AppChatConfig | undefined): boolean {
  const guide = config?.questionGuide;
  return typeof guide === 'boolean' ? guide : guide?.open === true;
}

function fileSelectOf(config: AppChatConfig | undefined): FileSelectSettings {
  const select = config?.fileSelectConfig;
  return {
    canSelectFile: select?.canSelectFile === true,
    canSelectImg: select?.canSelectImg === true,
    maxFiles: typeof select?.maxFiles === 'number' ? select.maxFiles : 10,
  };
}

/**
 * The app's face and settings for a chat: name, avatar, welcome text, the variables to ask for, whether
 * suggested questions are on, what may be attached, and the chat's stored variables. Share-link clients
 * load the share-link init automatically.
 *
 * @example
 * ```tsx
 * function Header({ chatId }: { chatId: string }) {
 *   const { appName, appAvatar, welcomeText, isLoading } = useChatInit({ chatId });
 *   if (isLoading) return <Spinner />;
 *   return (
 *     <header>
 *       <img src={appAvatar} alt="" /> {appName}
 *       <p>{welcomeText}</p>
 *     </header>
 *   );
 * }
 * ```
 */
export function useChatInit({
  appId: appIdOption,
  chatId,
  enabled = true,
}: UseChatInitOptions): UseChatInitResult {
  const { chat, scope, appId: defaultAppId } = useFastGPT();
  const appId = appIdOption ?? defaultAppId;
  const query = useQuery({
    queryKey: fastgptKeys.init(scope, appId ?? '', chatId),
    queryFn: ({ signal }) => chat.getChatInit({ appId, chatId }, { signal }),
    enabled: enabled && chatId !== '',
    retry: false,
  });
  const { data, refetch: refetchQuery } = query;

  return useMemo(() => {
    const config = data?.app.chatConfig;
    return {
      appName: data?.app.name ?? '',
      appAvatar: data?.app.avatar ?? '',
      appIntro: data?.app.intro ?? '',
      welcomeText: config?.welcomeText ?? '',
      variablesSchema: config?.variables ?? NO_VARIABLES,
      variables: data?.variables ?? NO_VALUES,
      questionGuide: isQuestionGuideOn(config),
      fileSelect: fileSelectOf(config),
      title: data?.title,
      chatConfig: config,
      data,
      isLoading: query.isLoading,
      error: query.error,
      refetch: async () => {
        await refetchQuery();
      },
    };
  }, [data, query.isLoading, query.error, refetchQuery]);
}
