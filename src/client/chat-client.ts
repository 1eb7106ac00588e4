import type { RequestOptions } from './client-options';
import { classifyError } from './error-classification';
import { StreamError } from './errors';
import { FastGPTClient } from './fastgpt-client';
import { isRetryableError } from './retry-policy';
import { readServerSentEvents } from './sse-reader';
import { toStreamEvent } from './stream-events';
import type {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatHistoryItem,
  ChatInitResponse,
  ChatRecord,
  DeleteChatRecordParams,
  FastGPTPage,
  FastGPTStreamEvent,
  GetChatHistoriesParams,
  GetChatInitParams,
  GetChatRecordsParams,
  GetRecordDetailParams,
  GetSuggestedQuestionsParams,
  NodeResponse,
  SendFeedbackParams,
  StopChatParams,
  UpdateChatHistoryParams,
  WireChatRecord,
} from './types';
import { normalizeChatRecord } from './value-items';

const COMPLETIONS_PATH = '/api/v1/chat/completions';

/**
 * Chat operations: completions (plain and streaming), histories, records, feedback, suggested questions and
 * stop. Mirrors the Python SDK's `ChatClient`; every method returns parsed data and takes `{ signal }`.
 *
 * @example
 * ```ts
 * const chat = new ChatClient({ baseUrl: '/api/fastgpt' }); // the kit's proxy keeps the key on the server
 * for await (const event of chat.streamChatCompletion({ chatId, detail: true, messages: [{ role: 'user', content: 'Hi' }] })) {
 *   if (event.type === 'answer') output += event.text;
 * }
 * ```
 */
export class ChatClient extends FastGPTClient {
  /** Sends a message and waits for the whole reply (`stream: false`). */
  async createChatCompletion(
    request: ChatCompletionRequest,
    { signal }: RequestOptions = {},
  ): Promise<ChatCompletionResponse> {
    const body = { ...request, appId: request.appId ?? this.appId, stream: false };
    // The server may already be running the workflow when a timeout hits; retrying would save the turn twice.
    const response = await this.withRetries(
      { method: 'POST', path: COMPLETIONS_PATH, signal, retryTimeouts: false },
      async (attemptSignal) => {
        const res = await this.send({ method: 'POST', path: COMPLETIONS_PATH, body }, attemptSignal);
        return this.unwrapCompletion(await this.readBody(res, { path: COMPLETIONS_PATH }), res);
      },
    );
    return response;
  }

  /**
   * Sends a message and yields the reply as typed events while it streams (`stream: true`). Pass
   * `detail: true` for named events (node status, tools, interactive, flowResponses…); the default `false`
   * yields only answer text, as FastGPT's own default does.
   *
   * Failures throw typed errors with a human message. An `error` event from FastGPT is yielded and then
   * thrown. Failed attempts are retried only before the first event arrives. `timeout` bounds the wait for
   * the first byte and every gap between bytes, not the whole reply. Breaking out of the loop closes the
   * connection; use {@link stopChat} to also stop the workflow on the server.
   */
  async *streamChatCompletion(
    request: ChatCompletionRequest,
    { signal }: RequestOptions = {},
  ): AsyncGenerator<FastGPTStreamEvent, void, undefined> {
    const body = { ...request, appId: request.appId ?? this.appId, stream: true };
    const call = { method: 'POST' as const, path: COMPLETIONS_PATH, body, signal, retryTimeouts: false };

    const opened = await this.withRetries(call, async (attemptSignal) => {
      const response = await this.send(call, attemptSignal);
      await this.rejectNonStream(response);
      if (!response.body) throw new StreamError('FastGPT answered the stream request with an empty body.');
      const events = this.parseEvents(response.body, signal);
      try {
        // Read up to the first event inside the attempt, so a pre-stream `event: error` can still be retried.
        const first = await events.next();
        if (!first.done && first.value.type === 'error' && isRetryableError(first.value.error)) {
          throw first.value.error;
        }
        return { events, first };
      } catch (error) {
        await events.return(undefined);
        throw error;
      }
    });

    const { events, first } = opened;
    if (first.done) throw new StreamError('FastGPT closed the stream without sending anything.');
    const detail = request.detail === true;
    let sawDone = false;
    try {
      for (
        let result: IteratorResult<FastGPTStreamEvent, void> = first;
        !result.done;
        result = await events.next()
      ) {
        const event = result.value;
        yield event;
        if (event.type === 'error') throw event.error;
        if (event.type === 'done') {
          sawDone = true;
          // Without detail nothing follows [DONE]; with detail, flowResponses comes after it.
          if (!detail) return;
        }
      }
    } finally {
      await events.return(undefined);
    }
    if (!sawDone) throw new StreamError('The stream ended before FastGPT finished the reply.');
  }

  /** Lists the app's chats, pinned first, then by last activity. */
  async getChatHistories(
    params: GetChatHistoriesParams = {},
    { signal }: RequestOptions = {},
  ): Promise<FastGPTPage<ChatHistoryItem>> {
    const { offset = 0, pageSize = 20, source = this.defaultSource, ...rest } = params;
    const appId = this.requireAppId(params.appId, 'getChatHistories');
    return this.requestData({
      method: 'POST',
      path: '/api/core/chat/getHistories',
      body: { ...rest, appId, offset, pageSize, source },
      signal,
    });
  }

  /** The app's name, avatar, welcome text, variables and settings, and the chat's stored variables. */
  async getChatInit(params: GetChatInitParams, { signal }: RequestOptions = {}): Promise<ChatInitResponse> {
    if (this.shareLink) {
      return this.requestData({
        method: 'GET',
        path: '/api/core/chat/outLink/init',
        query: { chatId: params.chatId },
        signal,
      });
    }
    const appId = this.requireAppId(params.appId, 'getChatInit');
    return this.requestData({
      method: 'GET',
      path: '/api/core/chat/init',
      query: { appId, chatId: params.chatId },
      signal,
    });
  }

  /**
   * A page of a chat's messages. FastGPT pages from the newest end: `offset: 0` is the latest `pageSize`
   * records (in chronological order); larger offsets go back in time.
   */
  async getChatRecords(
    params: GetChatRecordsParams,
    { signal }: RequestOptions = {},
  ): Promise<FastGPTPage<ChatRecord>> {
    const { offset = 0, pageSize = 10, ...rest } = params;
    const appId = this.requireAppId(params.appId, 'getChatRecords');
    const page = await this.requestData<FastGPTPage<WireChatRecord>>({
      method: 'POST',
      path: '/api/core/chat/getPaginationRecords',
      body: { ...rest, appId, offset, pageSize },
      signal,
    });
    return { total: page.total, list: page.list.map(normalizeChatRecord) };
  }

  /** The node responses (run details) of one AI record. */
  async getRecordDetail(
    params: GetRecordDetailParams,
    { signal }: RequestOptions = {},
  ): Promise<NodeResponse[]> {
    const appId = this.requireAppId(params.appId, 'getRecordDetail');
    const data = await this.requestData<NodeResponse[] | null>({
      method: 'GET',
      path: '/api/core/chat/getResData',
      query: { appId, chatId: params.chatId, dataId: params.dataId },
      signal,
    });
    return data ?? [];
  }

  /** Renames or pins a chat; only the given fields change. */
  async updateChatHistory(params: UpdateChatHistoryParams, { signal }: RequestOptions = {}): Promise<void> {
    const appId = this.requireAppId(params.appId, 'updateChatHistory');
    await this.requestData({
      method: 'POST',
      path: '/api/core/chat/updateHistory',
      body: { ...params, appId },
      signal,
    });
  }

  /** Deletes one chat. */
  async deleteChatHistory(
    params: { appId?: string; chatId: string },
    { signal }: RequestOptions = {},
  ): Promise<void> {
    const appId = this.requireAppId(params.appId, 'deleteChatHistory');
    await this.requestData({
      method: 'DELETE',
      path: '/api/core/chat/delHistory',
      query: { chatId: params.chatId, appId },
      signal,
    });
  }

  /** Deletes all of this client's chats of the app (API-key chats with a key, the user's chats with a link). */
  async clearChatHistories(params: { appId?: string } = {}, { signal }: RequestOptions = {}): Promise<void> {
    const appId = this.requireAppId(params.appId, 'clearChatHistories');
    await this.requestData({
      method: 'DELETE',
      path: '/api/core/chat/clearHistories',
      query: { appId },
      signal,
    });
  }

  /**
   * Deletes one message. The params go in both the query and the JSON body: FastGPT ≤ 4.13 reads the query,
   * 4.14 reads the body.
   */
  async deleteChatRecord(params: DeleteChatRecordParams, { signal }: RequestOptions = {}): Promise<void> {
    const appId = this.requireAppId(params.appId, 'deleteChatRecord');
    const fields = { contentId: params.contentId, chatId: params.chatId, appId };
    await this.requestData({
      method: 'DELETE',
      path: '/api/core/chat/item/delete',
      query: fields,
      body: fields,
      signal,
    });
  }

  /**
   * Sets or clears feedback on an AI record. FastGPT sets the fields given and clears the ones omitted:
   * `{ userGoodFeedback: 'yes' }` also clears a bad feedback, and neither clears both.
   */
  async sendFeedback(params: SendFeedbackParams, { signal }: RequestOptions = {}): Promise<void> {
    const appId = this.requireAppId(params.appId, 'sendFeedback');
    await this.requestData({
      method: 'POST',
      path: '/api/core/chat/feedback/updateUserFeedback',
      body: { ...params, appId },
      signal,
    });
  }

  /** Suggested follow-up questions for the chat (FastGPT's question guide). */
  async getSuggestedQuestions(
    params: GetSuggestedQuestionsParams,
    { signal }: RequestOptions = {},
  ): Promise<string[]> {
    const appId = this.requireAppId(params.appId, 'getSuggestedQuestions');
    const data = await this.requestData<string[] | null>({
      method: 'POST',
      path: '/api/core/ai/agent/v2/createQuestionGuide',
      body: { ...params, appId },
      signal,
    });
    return Array.isArray(data) ? data : [];
  }

  /**
   * Asks FastGPT to stop the chat's running workflow (`/api/v2/chat/stop`, FastGPT 4.14+). Older servers
   * answer with a `NotFoundError`, which callers may ignore.
   */
  async stopChat(params: StopChatParams, { signal }: RequestOptions = {}): Promise<{ success: boolean }> {
    const appId = this.requireAppId(params.appId, 'stopChat');
    const data = await this.requestData<{ success?: boolean } | null>({
      method: 'POST',
      path: '/api/v2/chat/stop',
      body: { appId, chatId: params.chatId },
      share: 'nested',
      retry: false,
      signal,
    });
    return { success: data?.success !== false };
  }

  /** Parses an SSE body into typed events, skipping heartbeats. */
  private async *parseEvents(
    body: ReadableStream<Uint8Array>,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<FastGPTStreamEvent, void, undefined> {
    for await (const message of readServerSentEvents(body, { idleTimeout: this.timeout, signal })) {
      const event = toStreamEvent(message);
      if (event) yield event;
    }
  }

  /** Throws when a stream request got JSON instead of SSE (an error envelope, or a server ignoring `stream`). */
  private async rejectNonStream(response: Response): Promise<void> {
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) return;
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON after all: fall through to the generic error
    }
    if (
      typeof body === 'object' &&
      body !== null &&
      ('code' in body || 'message' in body) &&
      !('choices' in body)
    ) {
      throw classifyError({
        body,
        status: response.status,
        retryAfterHeader: response.headers.get('retry-after'),
      });
    }
    throw new StreamError(
      'FastGPT answered with JSON where a stream was expected (is `stream` ignored by a proxy?).',
    );
  }

  /** A non-stream completion body, or the error an old server wrapped in an HTTP 200 envelope. */
  private unwrapCompletion(body: unknown, response: Response): ChatCompletionResponse {
    if (typeof body === 'object' && body !== null && 'choices' in body) return body as ChatCompletionResponse;
    if (typeof body === 'object' && body !== null && ('code' in body || 'message' in body)) {
      throw classifyError({ body, status: response.status });
    }
    throw new StreamError('FastGPT answered the completion with an unexpected body.');
  }
}
