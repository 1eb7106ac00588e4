import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createFastGPTClient, type FastGPTClientOptions } from '../client';
import { FastGPTProvider } from '../hooks/fastgpt-provider';
import { createFakeFastGPT, type FakeFastGPTOptions } from '../testing';

/** Options of {@link setupFastGPT}. */
export interface SetupFastGPTOptions {
  /** Options of the fake server (analytics off unless given). */
  fake?: FakeFastGPTOptions;
  /** Overrides of the client options (fetch, base URL, app key and app id point at the fake by default). */
  client?: FastGPTClientOptions;
}

/**
 * A fake FastGPT, clients talking to it through its fetch adapter, a fresh QueryClient, and a `wrapper`
 * that renders children inside `<StrictMode><FastGPTProvider>` (test helper).
 */
export function setupFastGPT({ fake: fakeOptions, client }: SetupFastGPTOptions = {}) {
  const fake = createFakeFastGPT({ analytics: false, ...fakeOptions });
  const clients = createFastGPTClient({
    fetch: fake.fetch,
    baseUrl: fake.baseUrl,
    apiKey: fake.credentials.appKey,
    appId: fake.credentials.appId,
    maxRetries: 0,
    ...client,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
  function wrapper({ children }: { children: ReactNode }) {
    return (
      <StrictMode>
        <FastGPTProvider client={clients} queryClient={queryClient}>
          {children}
        </FastGPTProvider>
      </StrictMode>
    );
  }
  return { fake, clients, queryClient, wrapper, appId: fake.credentials.appId };
}

/**
 * Provider options for server-rendering tests: a fake base URL and app id, and a fetch that only counts
 * calls, so a test can prove that rendering sent no request (test helper).
 */
export function countingProviderOptions(): { options: FastGPTClientOptions; requests: () => number } {
  let requests = 0;
  return {
    options: {
      baseUrl: 'http://fastgpt.test',
      appId: '68ad85a7463006c963799a05',
      fetch: async () => {
        requests++;
        return new Response('{}');
      },
    },
    requests: () => requests,
  };
}
