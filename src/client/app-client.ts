import type { RequestOptions } from './client-options';
import { NotFoundError } from './errors';
import { FastGPTClient } from './fastgpt-client';
import { errorFromBody, parseBodyText } from './response-body';
import type {
  AppLogsChartData,
  AppTotalData,
  ChatLogItem,
  ExportChatLogsParams,
  FastGPTPage,
  GetAppLogsChartParams,
  GetChatLogsParams,
} from './types';

/** Which generation of the log-table routes a server has. */
type LogsRoutes = 'current' | 'legacy';

const LOG_ROUTES: Record<LogsRoutes, { list: string; export: string }> = {
  // FastGPT ≥ 4.14.4
  current: { list: '/api/core/app/logs/list', export: '/api/core/app/logs/exportLogs' },
  // FastGPT 4.6 – 4.14.3
  legacy: { list: '/api/core/app/getChatLogs', export: '/api/core/app/exportChatLogs' },
};

function toDateString(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** Maps the ≤ 4.14.3 row shape (`id`, `time`) to the current one (`chatId`, `updateTime`). */
function normalizeLogItem(item: ChatLogItem & { id?: string; time?: string }): ChatLogItem {
  if (item.chatId !== undefined && item.updateTime !== undefined) return item;
  const { id, time, ...rest } = item;
  return { ...rest, chatId: item.chatId ?? id ?? '', updateTime: item.updateTime ?? time ?? '' };
}

/**
 * App analytics: the log table (`getChatLogs`, `exportChatLogs`) and the commercial chart endpoints
 * (`getAppLogsChart`, `getAppTotalData`). Mirrors the Python SDK's `AppClient`.
 *
 * The log-table routes need a FastGPT user session `token` (or, on 2026 servers, a key with log permission);
 * the chart routes exist only on commercial editions and answer a `NotFoundError` elsewhere.
 *
 * @example
 * ```ts
 * const app = new AppClient({ token: session.token, baseUrl: 'https://fastgpt.example.com' });
 * const { list, total } = await app.getChatLogs({ appId, dateStart: weekAgo, dateEnd: new Date() });
 * ```
 */
export class AppClient extends FastGPTClient {
  // Learned on first use: old servers have no /logs/list route.
  #logsRoutes: LogsRoutes | undefined;

  /** Chart series (users, chats, feedback and response time) bucketed by day, week, month or quarter. */
  async getAppLogsChart(
    params: GetAppLogsChartParams,
    { signal }: RequestOptions = {},
  ): Promise<AppLogsChartData> {
    const appId = this.requireAppId(params.appId, 'getAppLogsChart');
    return this.requestData({
      method: 'POST',
      path: '/api/proApi/core/app/logs/getChartData',
      body: {
        appId,
        dateStart: toDateString(params.dateStart),
        dateEnd: toDateString(params.dateEnd),
        offset: params.offset ?? 1,
        source: params.source ?? ['api'],
        userTimespan: params.userTimespan ?? 'day',
        chatTimespan: params.chatTimespan ?? 'day',
        appTimespan: params.appTimespan ?? 'day',
      },
      signal,
    });
  }

  /** All-time totals: users, chats and points. */
  async getAppTotalData(
    params: { appId?: string } = {},
    { signal }: RequestOptions = {},
  ): Promise<AppTotalData> {
    const appId = this.requireAppId(params.appId, 'getAppTotalData');
    return this.requestData({
      method: 'GET',
      path: '/api/proApi/core/app/logs/getTotalData',
      query: { appId },
      signal,
    });
  }

  /** One page of the log table (one row per chat), newest activity first, with the total. */
  async getChatLogs(
    params: GetChatLogsParams,
    { signal }: RequestOptions = {},
  ): Promise<FastGPTPage<ChatLogItem>> {
    const appId = this.requireAppId(params.appId, 'getChatLogs');
    const body = {
      ...params,
      appId,
      dateStart: toDateString(params.dateStart),
      dateEnd: toDateString(params.dateEnd),
      pageNum: params.pageNum ?? 1,
      pageSize: params.pageSize ?? 20,
    };
    const page = await this.withLogsRoutes((routes) =>
      this.requestData<FastGPTPage<ChatLogItem>>({ method: 'POST', path: routes.list, body, signal }),
    );
    return { total: page.total, list: page.list.map(normalizeLogItem) };
  }

  /** The server's CSV export of the log table for the given filters (UTF-8 with BOM, as FastGPT writes it). */
  async exportChatLogs(params: ExportChatLogsParams, { signal }: RequestOptions = {}): Promise<string> {
    const appId = this.requireAppId(params.appId, 'exportChatLogs');
    const body = {
      ...params,
      appId,
      dateStart: toDateString(params.dateStart),
      dateEnd: toDateString(params.dateEnd),
    };
    return this.withLogsRoutes((routes) => {
      const call = { method: 'POST' as const, path: routes.export, body, signal };
      // The body is read inside the attempt, so the timeout and an abort also cover the download.
      return this.withRetries(call, async (scope) => {
        const response = await this.send(call, scope);
        // Keep the BOM FastGPT writes (Response.text() drops it): spreadsheet apps need it to read UTF-8.
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
        // Servers ≤ 4.8.17 answer errors with HTTP 200 and a JSON envelope.
        const error = text.trimStart().startsWith('{')
          ? errorFromBody(parseBodyText(text), response)
          : undefined;
        if (error) throw error;
        return text;
      });
    });
  }

  /** Runs a log-table call on the current routes, falling back to the legacy ones when they do not exist. */
  private async withLogsRoutes<TResult>(
    run: (routes: { list: string; export: string }) => Promise<TResult>,
  ): Promise<TResult> {
    if (this.#logsRoutes) return run(LOG_ROUTES[this.#logsRoutes]);
    try {
      const result = await run(LOG_ROUTES.current);
      this.#logsRoutes = 'current';
      return result;
    } catch (error) {
      if (!(error instanceof NotFoundError && error.status === 404)) throw error;
      const result = await run(LOG_ROUTES.legacy);
      this.#logsRoutes = 'legacy';
      return result;
    }
  }
}
