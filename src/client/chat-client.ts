import type { RequestOptions } from './client-options';
import { RateLimitError, StreamError, TimeoutError } from './errors';
import { FastGPTClient } from './fastgpt-client';
import { errorFromBody, parseBodyText } from './response-body';
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
    return this.requestData(
      { method: 'POST', path: COMPLETIONS_PATH, body, signal, idempotent: false },
      (data) => {
        if (typeof data === 'object' && data !== null && 'choices' in data)
          return data as ChatCompletionResponse;
        throw new StreamError('FastGPT answered the completion with an unexpected body.');
      },
    );
  }

  /**
   * Sends a message and yields the reply as typed events while it streams (`stream: true`). Pass
   * `detail: true` for named events (node status, tools, interactive, flowResponses…); the default `false`
   * yields only answer text, as FastGPT's own default does.
   *
   * Failures throw typed errors with a human message. An `error` event from FastGPT is yielded and then
   * thrown. A failed attempt is retried only where FastGPT certainly did not start the workflow (rate limit,
   * unreachable server), never after the response arrived. `timeout` bounds the wait for the response and
   * then every gap between bytes (heartbeats count), not the whole reply. Breaking out of the loop closes the
   * connection; use {@link stopChat} to also stop the workflow on the server.
   */
  async *streamChatCompletion(
    request: ChatCompletionRequest,
    { signal }: RequestOptions = {},
  ): AsyncGenerator<FastGPTStreamEvent, void, undefined> {
    const body = { ...request, appId: request.appId ?? this.appId, stream: true };
    const call = { method: 'POST' as const, path: COMPLETIONS_PATH, body, signal, idempotent: false };

    const opened = await this.withRetries(call, async (scope) => {
      const response = await this.send(call, scope);
      // From here the stream's idle clock (every gap between bytes) replaces the attempt's timeout.
      scope.clearTimer();
      const events = this.parseEvents(await this.streamBody(response), signal);
      try {
        // Read up to the first event inside the attempt, so a pre-stream rate limit can still be retried.
        const first = await events.next();
        if (!first.done && first.value.type === 'error' && first.value.error instanceof RateLimitError) {
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
    let sawDone = false;
    try {
      for (let result: IteratorResult<FastGPTStreamEvent, void> = first; !result.done; ) {
        const event = result.value;
        yield event;
        if (event.type === 'error') throw event.error;
        if (event.type === 'done') sawDone = true;
        try {
          result = await events.next();
        } catch (error) {
          // After [DONE] the reply is complete; a server that keeps the connection open is no failure.
          if (sawDone && error instanceof TimeoutError) return;
          throw error;
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

  /**
   * The SSE body of a stream response, or the error it stands for. FastGPT's pre-stream errors come without
   * a content type, and proxies may drop it, so a body that starts with `{` is read as JSON whatever the
   * header says; anything else streams on untouched, including the bytes looked at.
   */
  private async streamBody(response: Response): Promise<ReadableStream<Uint8Array>> {
    if (!response.body) throw new StreamError('FastGPT answered the stream request with an empty body.');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const seen: Uint8Array[] = [];
    let head = '';
    let finished = false;
    while (head.trim() === '' && !finished) {
      const { done, value } = await reader.read();
      if (done) finished = true;
      else {
        seen.push(value);
        head += decoder.decode(value, { stream: true });
      }
    }
    if (head.trimStart().startsWith('{')) {
      let text = head;
      while (!finished) {
        const { done, value } = await reader.read();
        if (done) finished = true;
        else text += decoder.decode(value, { stream: true });
      }
      const body = parseBodyText(text + decoder.decode());
      throw (
        errorFromBody(body, response) ??
        new StreamError(
          'FastGPT answered with JSON where a stream was expected (is `stream` dropped by a proxy?).',
        )
      );
    }
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const replay = seen.shift();
        if (replay) return controller.enqueue(replay);
        if (finished) return controller.close();
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
  }
}
