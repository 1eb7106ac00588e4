'use client';
import { createContext } from 'react';
import type { AppClient, ChatClient } from '../client';

/** What `FastGPTProvider` gives every hook below it. */
export interface FastGPTContextValue {
  /** Chat operations. */
  chat: ChatClient;
  /** Analytics and logs. */
  app: AppClient;
  /** Separates this client's queries from other clients' in a shared QueryClient (no secrets in it). */
  scope: string;
  /** The default app id of hooks that take one. */
  appId: string | undefined;
  /**
   * Composer drafts of this provider's chats, keyed by app id and chat (see `useChatCompletion`), so a
   * remounted chat gets its draft back. Made once per provider.
   */
  drafts: Map<string, string>;
}

/** The context behind `useFastGPT`; `null` outside a `FastGPTProvider`. */
export const FastGPTContext = createContext<FastGPTContextValue | null>(null);
