'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useContext, useMemo, useState } from 'react';
import { createFastGPTClient, type FastGPTClientOptions, type FastGPTClients } from '../client';
import { FastGPTContext, type FastGPTContextValue } from './fastgpt-context';

/** Props of {@link FastGPTProvider}. */
export interface FastGPTProviderProps {
  /** Ready clients (`createFastGPTClient(...)`); wins over `options`. */
  client?: FastGPTClients;
  /**
   * Options to make the clients from. Read when the primitive fields change (base URL, credentials, app id,
   * timeouts); functions such as `fetch` are read once.
   */
  options?: FastGPTClientOptions;
  /** Default app id for the hooks (defaults to the client options' `appId`). */
  appId?: string;
  /**
   * The QueryClient to use. Defaults to the host app's (from its `QueryClientProvider`), or one made here
   * when there is none.
   */
  queryClient?: QueryClient;
  /** The app. */
  children?: ReactNode;
}

/** The kit's own QueryClient defaults: the FastGPT client already retries, so queries do not. */
function createKitQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false } },
  });
}

/**
 * Makes the FastGPT clients available to every hook and component below it, and a TanStack QueryClient
 * (the host app's when there is one).
 *
 * @example
 * ```tsx
 * <FastGPTProvider options={{ baseUrl: '/api/fastgpt', appId: 'my-app-id' }}>
 *   <ChatWindow />
 * </FastGPTProvider>
 * ```
 */
export function FastGPTProvider({ client, options, appId, queryClient, children }: FastGPTProviderProps) {
  const hostQueryClient = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() =>
    queryClient || hostQueryClient ? undefined : createKitQueryClient(),
  );
  const [drafts] = useState(() => new Map<string, string>());
  const resolvedOptions = options ?? {};
  const share = resolvedOptions.shareLink;
  // The options object is often written inline; its primitive fields decide when to make new clients.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dependency list names those fields on purpose
  const value = useMemo<FastGPTContextValue>(() => {
    const clients = client ?? createFastGPTClient(resolvedOptions);
    return {
      ...clients,
      scope: clients.chat.cacheScope,
      appId: appId ?? clients.chat.appId,
      drafts,
    };
  }, [
    drafts,
    client,
    appId,
    resolvedOptions.apiKey,
    resolvedOptions.appId,
    resolvedOptions.baseUrl,
    resolvedOptions.token,
    resolvedOptions.timeout,
    resolvedOptions.maxRetries,
    resolvedOptions.retryDelay,
    share?.shareId,
    share?.outLinkUid,
    share?.placement,
  ]);

  const content = <FastGPTContext.Provider value={value}>{children}</FastGPTContext.Provider>;
  const effectiveQueryClient = queryClient ?? ownQueryClient;
  if (!effectiveQueryClient) return content;
  return <QueryClientProvider client={effectiveQueryClient}>{content}</QueryClientProvider>;
}
