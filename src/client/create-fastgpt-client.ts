import { AppClient } from './app-client';
import { ChatClient } from './chat-client';
import type { FastGPTClientOptions } from './client-options';

/** The pair of clients `createFastGPTClient` returns. */
export interface FastGPTClients {
  /** Chat operations. */
  chat: ChatClient;
  /** App analytics and logs. */
  app: AppClient;
}

/**
 * Makes a {@link ChatClient} and an {@link AppClient} with the same options.
 *
 * @example
 * ```ts
 * const { chat, app } = createFastGPTClient({ apiKey: process.env.FASTGPT_API_KEY, baseUrl: 'https://fastgpt.example.com' });
 * const { list } = await chat.getChatHistories({ appId });
 * ```
 */
export function createFastGPTClient(options: FastGPTClientOptions = {}): FastGPTClients {
  return { chat: new ChatClient(options), app: new AppClient(options) };
}
