import { SEED_MEMBERS, seedAnalyticsChats } from './analytics-seed';
import { FakeHttpError, fakeJsonResponse } from './fake-errors';
import type { FakeChat, FakeState } from './fake-model';
import type { FakeServerVersion } from './fake-options';
import type { AuthResult, FakeRouteContext, FakeSeedContext } from './fake-route-context';
import {
  computeChartData,
  computeTotalData,
  exportChatLogsCsv,
  type LogMemberLookup,
  queryChatLogs,
} from './log-queries';

type LogsRoute = 'list' | 'export' | 'chart' | 'total';

/** The IP limiter of the export routes: 1 request per second per client IP. */
const EXPORT_WINDOW_MS = 1_000;
const EXPORT_LIMIT_MESSAGE = 'Too many request, request 1 times every 1 seconds';
const CHART_PREFIX = 'proApi/core/app/logs/';

/**
 * Export limiter windows, keyed by the server's id source: it is per fake server and replaced on
 * `reset()`, so a reset also clears the limit.
 */
const exportWindows = new WeakMap<object, Map<string, { start: number; count: number }>>();

function normalizePath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/^api\//, '')
    .replace(/\/+$/, '');
}

function isAtLeast414(version: FakeServerVersion): boolean {
  return version === '4.14' || version === 'newest';
}

/** Which log route `path` is on `version`; the table routes were renamed in 4.14.4 (§A.1). */
function matchRoute(path: string, version: FakeServerVersion): LogsRoute | undefined {
  switch (path) {
    case 'core/app/logs/list':
      return isAtLeast414(version) ? 'list' : undefined;
    case 'core/app/logs/exportLogs':
      return isAtLeast414(version) ? 'export' : undefined;
    case 'core/app/getChatLogs':
      return isAtLeast414(version) ? undefined : 'list';
    case 'core/app/exportChatLogs':
      // exportChatLogs arrived in 4.8.21.
      return version === '4.13' ? 'export' : undefined;
    case `${CHART_PREFIX}getChartData`:
      return 'chart';
    case `${CHART_PREFIX}getTotalData`:
      return 'total';
    default:
      return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function memberLookup(state: FakeState): LogMemberLookup {
  return (tmbId) => {
    const member = state.members.get(tmbId);
    if (!member) return undefined;
    const seeded = SEED_MEMBERS.find((m) => m.tmbId === tmbId);
    return {
      name: member.name,
      avatar: seeded?.avatar ?? '/imgs/avatar/BlueAvatar.svg',
      status: seeded?.status ?? 'active',
    };
  };
}

function appChats(state: FakeState, appId: string): FakeChat[] {
  const out: FakeChat[] = [];
  for (const chat of state.chats.values()) if (chat.appId === appId) out.push(chat);
  return out;
}

/** `logs/list` and `logs/exportLogs` parse their body with zod before authenticating (4.14+). */
function requireFields(body: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) {
    const value = body[field];
    if (value === undefined || value === null || value === '') {
      throw FakeHttpError.validation(
        `${field} is required`,
        [field],
        'Invalid input: expected string, received undefined',
        '4.14',
      );
    }
  }
}

function clientIp(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  if (forwarded) return (forwarded.split(',')[0] as string).trim();
  return request.headers.get('x-real-ip') ?? 'local';
}

/** FastGPT's `useIPFrequencyLimit`: the window opens on the first request and rejected ones still count. */
function exportLimited(ctx: FakeRouteContext): boolean {
  let windows = exportWindows.get(ctx.ids);
  if (!windows) {
    windows = new Map();
    exportWindows.set(ctx.ids, windows);
  }
  const ip = clientIp(ctx.request);
  const now = ctx.now();
  const current = windows.get(ip);
  if (!current || now >= current.start + EXPORT_WINDOW_MS) {
    windows.set(ip, { start: now, count: 1 });
    return false;
  }
  current.count++;
  return current.count > 1;
}

function rateLimitResponse(ctx: FakeRouteContext): Response {
  // Before 4.13.2 the limiter answered a real HTTP 429; later every error is HTTP 500 with code 429.
  if (ctx.version === '4.8.17' || ctx.version === '4.13') {
    return fakeJsonResponse({ code: 429, statusText: '', message: EXPORT_LIMIT_MESSAGE, data: null }, 429);
  }
  return ctx.errorResponse(FakeHttpError.plain(EXPORT_LIMIT_MESSAGE, 429));
}

async function authLogs(ctx: FakeRouteContext): Promise<AuthResult> {
  // ≤ 4.14 the table routes take the session only; 2026 `logs/list` also takes team API keys.
  return ctx.authenticate({ allowShare: false, allowKeys: ctx.options.logsAuth === 'token-or-key' });
}

function appIdOf(ctx: FakeRouteContext, body: Record<string, unknown>): string | undefined {
  const appId = body.appId ?? ctx.query.appId;
  return typeof appId === 'string' && appId !== '' ? appId : undefined;
}

async function listLogs(ctx: FakeRouteContext): Promise<Response> {
  const body = record(ctx.body);
  if (isAtLeast414(ctx.version)) requireFields(body, ['appId', 'dateStart', 'dateEnd']);
  const auth = await authLogs(ctx);
  const app = ctx.authApp(auth, appIdOf(ctx, body));
  const page = queryChatLogs(appChats(ctx.state, app.appId), body, {
    version: ctx.version,
    now: ctx.now(),
    members: memberLookup(ctx.state),
    page: ctx.pagination(),
  });
  return ctx.json({ total: page.total, list: page.list });
}

async function exportLogs(ctx: FakeRouteContext): Promise<Response> {
  if (exportLimited(ctx)) return rateLimitResponse(ctx);
  const body = record(ctx.body);
  if (isAtLeast414(ctx.version)) requireFields(body, ['appId', 'dateStart', 'dateEnd']);
  const auth = await authLogs(ctx);
  const app = ctx.authApp(auth, appIdOf(ctx, body));
  const csv = exportChatLogsCsv(appChats(ctx.state, app.appId), body, app, {
    version: ctx.version,
    now: ctx.now(),
    members: memberLookup(ctx.state),
  });
  return new Response(csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8;',
      'Content-Disposition': 'attachment; filename=usage.csv;',
    },
  });
}

async function chartData(ctx: FakeRouteContext, route: 'chart' | 'total'): Promise<Response> {
  const body = record(ctx.body);
  const auth = await ctx.authenticate({ allowShare: false });
  const app = ctx.authApp(auth, appIdOf(ctx, body));
  const chats = appChats(ctx.state, app.appId);
  if (route === 'total') return ctx.json(computeTotalData(chats));
  return ctx.json(
    computeChartData(chats, {
      dateStart: body.dateStart,
      dateEnd: body.dateEnd,
      offset: body.offset,
      source: body.source,
      userTimespan: body.userTimespan,
      chatTimespan: body.chatTimespan,
      appTimespan: body.appTimespan,
      timezone: body.timezone,
    }),
  );
}

/**
 * The app-log routes of the fake FastGPT; `undefined` when `ctx.path` is none of them (or not on this
 * server version):
 * - `POST /api/core/app/logs/list`, `POST /api/core/app/logs/exportLogs` (4.14, newest);
 * - `POST /api/core/app/getChatLogs` (4.8.17, 4.13) and `POST /api/core/app/exportChatLogs` (4.13);
 * - `GET /api/proApi/core/app/logs/getTotalData?appId=`, `POST /api/proApi/core/app/logs/getChartData`
 *   (every version; with `chartEndpoints: false` the open-source "未配置商业版链接" error).
 *
 * Table and export routes take the session `token` (header or `fastgpt_token` cookie) only, or team API
 * keys too with `logsAuth: 'token-or-key'`; chart routes take either. Exports are limited to 1 per second
 * per client IP (`X-Forwarded-For`, else one shared client).
 */
export async function handleLogsRoute(ctx: FakeRouteContext): Promise<Response | undefined> {
  const path = normalizePath(ctx.path);
  if (path.startsWith(CHART_PREFIX) && !ctx.options.chartEndpoints) {
    // Open-source builds forward /api/proApi/** to a commercial service they do not have.
    const segments = path.slice('proApi/'.length).split('/').join(',');
    return ctx.errorResponse(FakeHttpError.plain(`未配置商业版链接: ${segments}`));
  }
  const route = matchRoute(path, ctx.version);
  if (!route) return undefined;
  try {
    switch (route) {
      case 'list':
        return await listLogs(ctx);
      case 'export':
        return await exportLogs(ctx);
      default:
        return await chartData(ctx, route);
    }
  } catch (error) {
    return ctx.errorResponse(error);
  }
}

/**
 * Fills the store with the analytics chats of {@link seedAnalyticsChats} for the team's first app (on
 * create and `reset()`, unless `options.analytics === false`): share chats through that app's share link,
 * API chats named after the team's keys, web chats of the seeded members (added to the team when
 * missing, with the session token `fake-session-<tmbId>`). Existing chats are kept.
 */
export function seedAnalyticsData(seed: FakeSeedContext): void {
  const { state, options } = seed;
  if (options.analytics === false) return;
  const app = state.apps.values().next().value;
  if (!app) return;
  const link = [...state.shareLinks.values()].find((l) => l.appId === app.appId);
  const keyNames = [...state.apiKeys.values()]
    .filter((k) => k.teamId === app.teamId && (!k.appId || k.appId === app.appId))
    .map((k) => k.name);
  const owner = link?.tmbId ?? app.tmbId;
  for (const member of SEED_MEMBERS) {
    if (member.tmbId === owner || state.members.has(member.tmbId)) continue;
    state.members.set(member.tmbId, {
      tmbId: member.tmbId,
      teamId: app.teamId,
      name: member.name,
      token: `fake-session-${member.tmbId}`,
    });
  }
  const chats = seedAnalyticsChats({
    appId: app.appId,
    teamId: app.teamId,
    now: seed.now(),
    seed: options.seed,
    tmbId: owner,
    memberTmbIds: [owner, ...SEED_MEMBERS.filter((m) => m.tmbId !== owner).map((m) => m.tmbId)],
    ...(options.analytics.chats !== undefined ? { chats: options.analytics.chats } : {}),
    ...(options.analytics.days !== undefined ? { days: options.analytics.days } : {}),
    ...(link ? { shareId: link.shareId, shareName: link.name } : {}),
    ...(keyNames.length > 0 ? { apiKeyNames: keyNames } : {}),
  });
  for (const chat of chats) if (!state.chats.has(chat.chatId)) state.chats.set(chat.chatId, chat);
}
