import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFastGPTClient } from '../client';
import { setupFastGPT } from '../test-setup/render-with-fastgpt';
import { FastGPTProvider } from './fastgpt-provider';
import { useAppAnalytics } from './use-app-analytics';
import { useAppLogs } from './use-app-logs';
import { useChatHistory } from './use-chat-history';
import { useChatInit } from './use-chat-init';
import { useChatRecords } from './use-chat-records';
import { useFastGPT } from './use-fastgpt';
import { useFeedback } from './use-feedback';
import { useSuggestedQuestions } from './use-suggested-questions';

afterEach(() => {
  vi.restoreAllMocks();
});

function clientsFor(fake: ReturnType<typeof setupFastGPT>['fake']) {
  return createFastGPTClient({
    fetch: fake.fetch,
    baseUrl: fake.baseUrl,
    apiKey: fake.credentials.appKey,
    appId: fake.credentials.appId,
    maxRetries: 0,
  });
}

/** Reports the QueryClient it sees, then shows the app name. */
function ClientProbe({ onClient }: { onClient: (client: QueryClient) => void }) {
  onClient(useQueryClient());
  return <AppName chatId="c1" />;
}

function AppIdProbe() {
  return <p>{useFastGPT().appId ?? 'none'}</p>;
}

function AppName({ chatId }: { chatId: string }) {
  const { appName, isLoading } = useChatInit({ chatId });
  return <p>{isLoading ? 'loading' : appName}</p>;
}

describe('FastGPTProvider', () => {
  it("uses the host app's QueryClient when inside a QueryClientProvider", async () => {
    const { fake } = setupFastGPT();
    const host = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let seen: QueryClient | undefined;
    const onClient = (client: QueryClient) => {
      seen = client;
    };
    render(
      <StrictMode>
        <QueryClientProvider client={host}>
          <FastGPTProvider client={clientsFor(fake)}>
            <ClientProbe onClient={onClient} />
          </FastGPTProvider>
        </QueryClientProvider>
      </StrictMode>,
    );
    await screen.findByText('知识库助手');
    expect(seen).toBe(host);
    expect(
      host
        .getQueryCache()
        .getAll()
        .some((q) => q.queryKey.includes('init')),
    ).toBe(true);
  });

  it('makes its own QueryClient when there is none, and keeps it across renders', async () => {
    const { fake } = setupFastGPT();
    const clients = clientsFor(fake);
    const seen = new Set<QueryClient>();
    const onClient = (client: QueryClient) => seen.add(client);
    const { rerender } = render(
      <StrictMode>
        <FastGPTProvider client={clients}>
          <ClientProbe onClient={onClient} />
        </FastGPTProvider>
      </StrictMode>,
    );
    await screen.findByText('知识库助手');
    rerender(
      <StrictMode>
        <FastGPTProvider client={clients}>
          <ClientProbe onClient={onClient} />
        </FastGPTProvider>
      </StrictMode>,
    );
    expect(seen.size).toBe(1);
    const [own] = seen;
    expect(own?.getDefaultOptions().queries?.retry).toBe(false);
  });

  it('prefers an explicit queryClient over the host one', () => {
    const { fake } = setupFastGPT();
    const host = new QueryClient();
    const mine = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={host}>
        <FastGPTProvider client={clientsFor(fake)} queryClient={mine}>
          {children}
        </FastGPTProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useQueryClient(), { wrapper });
    expect(result.current).toBe(mine);
  });

  it('gives hooks the scope and default app id', () => {
    const { wrapper, clients, appId } = setupFastGPT();
    const { result } = renderHook(() => useFastGPT(), { wrapper });
    expect(result.current).toMatchObject({ scope: clients.chat.cacheScope, appId });
  });

  it('makes hooks used without a provider throw a clear error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const range = { start: new Date(0), end: new Date() };
    const hooks: Array<() => unknown> = [
      () => useChatHistory(),
      () => useChatRecords({ chatId: 'c' }),
      () => useChatInit({ chatId: 'c' }),
      () => useFeedback({ chatId: 'c' }),
      () => useSuggestedQuestions({ chatId: 'c', afterMessageId: 'r' }),
      () => useAppLogs({ dateRange: range }),
      () => useAppAnalytics({ dateRange: range }),
    ];
    for (const hook of hooks) {
      expect(() => renderHook(hook)).toThrow(/need a <FastGPTProvider> above them/);
    }
  });

  it('re-reads client options when their primitive fields change', async () => {
    const { fake } = setupFastGPT();
    const options = {
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.appKey,
      maxRetries: 0,
    };
    const { rerender } = render(
      <FastGPTProvider options={{ ...options, appId: 'a1' }}>
        <AppIdProbe />
      </FastGPTProvider>,
    );
    expect(screen.getByText('a1')).toBeInTheDocument();
    rerender(
      <FastGPTProvider options={{ ...options, appId: 'a2' }}>
        <AppIdProbe />
      </FastGPTProvider>,
    );
    await waitFor(() => expect(screen.getByText('a2')).toBeInTheDocument());
  });
});
