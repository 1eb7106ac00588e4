export { AppClient } from './app-client';
export { ChatClient } from './chat-client';
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
  type FastGPTClientOptions,
  type FastGPTLogger,
  normalizeBaseUrl,
  type RequestOptions,
  type ShareLinkAuth,
} from './client-options';
export { createFastGPTClient, type FastGPTClients } from './create-fastgpt-client';
export { classifyError } from './error-classification';
export {
  APIError,
  type APIErrorDetails,
  AuthenticationError,
  ConnectionError,
  FastGPTError,
  isAbortError,
  NotFoundError,
  RateLimitError,
  StreamError,
  TimeoutError,
  ValidationError,
} from './errors';
export { FastGPTClient } from './fastgpt-client';
export { readServerSentEvents, type ServerSentMessage } from './sse-reader';
export { toStreamEvent } from './stream-events';
export type * from './types';
export { CHAT_SOURCES } from './types';
export { normalizeChatRecord, normalizeValueItem } from './value-items';
