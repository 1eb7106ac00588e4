import type {
  AnalyticsTimespan,
  AppChartPoint,
  AppLogsChartData,
  AppTotalData,
  ChatChartPoint,
  ChatSource,
  NodeResponse,
  UserChartPoint,
} from '../client/types';
import { CHAT_SOURCES } from '../client/types';
import { FakeHttpError } from './fake-errors';
import type { FakeApp, FakeChat, FakeChatItem } from './fake-model';
import type { FakeServerVersion } from './fake-options';
import { parsePagination } from './fake-pagination';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** FastGPT's export cursor stops here. */
const EXPORT_LIMIT = 50_000;
/** The detail column holds at most this many of a chat's newest items. */
const EXPORT_DETAIL_ITEMS = 100;

/** A team member as the log table shows it (`sourceMember`). */
export interface LogMember {
  /** Display name. */
  name: string;
  /** Avatar path. */
  avatar?: string;
  /** `active`, `leave` or `forbidden`. */
  status?: string;
}

/** Resolves a chat's `tmbId` to its member; `undefined` when the member is unknown. */
export type LogMemberLookup = (tmbId: string) => LogMember | undefined;

/** Options of {@link queryChatLogs}. */
export interface QueryChatLogsOptions {
  /** Server version whose route, filters and field names to copy. */
  version: FakeServerVersion;
  /** "Now", epoch ms: the default range of the pre-4.14 route is the 7 days before it (default `Date.now()`). */
  now?: number;
  /** Member lookup for `sourceMember`; rows of unknown members get none. */
  members?: LogMemberLookup;
  /** Paging already parsed by the caller (e.g. from the query); default: {@link parsePagination} of `params`. */
  page?: { offset: number; pageSize: number };
}

/** One page of the log table: `total` matching chats and the rows of the page, in wire shape. */
export interface ChatLogPage {
  /** Chats matching the filters. */
  total: number;
  /** The rows, with the field names of the version (`chatId` or `id`, `updateTime` or `time`). */
  list: Array<Record<string, unknown>>;
}

/** Parameters of {@link computeChartData} (the `getChartData` body plus a time zone). */
export interface ChartDataParams {
  /** Range start (ISO string, Date or epoch ms); required. */
  dateStart: unknown;
  /** Range end, inclusive; required. */
  dateEnd: unknown;
  /** Retention offset in `userTimespan` units (default 1). */
  offset?: unknown;
  /** Sources to count; absent or empty means all. */
  source?: unknown;
  /** Bucket size of `userData` (default `day`). */
  userTimespan?: unknown;
  /** Bucket size of `chatData` (default `day`). */
  chatTimespan?: unknown;
  /** Bucket size of `appData` (default `day`). */
  appTimespan?: unknown;
  /** Zone of bucket boundaries: `UTC` (default), a fixed offset like `+08:00`, or an IANA name. */
  timezone?: unknown;
  /** Emit empty buckets between the first and last one (default false: only buckets with activity). */
  fillEmptyBuckets?: boolean;
}

/** Parameters of {@link exportChatLogsCsv}: the list filters plus the CSV layout (§A.7). */
export interface ExportCsvParams extends Record<string, unknown> {
  /** The header line (default: English labels of `logKeys`). */
  title?: unknown;
  /** Display text per source. */
  sourcesMap?: unknown;
  /** Columns in order (default: FastGPT's default columns). */
  logKeys?: unknown;
}

/** Options of {@link exportChatLogsCsv}. */
export interface ExportCsvOptions {
  /** Server version: `4.13` and older write the fixed legacy columns of `exportChatLogs`. */
  version: FakeServerVersion;
  /** "Now", epoch ms, for the default range of the legacy route. */
  now?: number;
  /** Member lookup for the user column. */
  members?: LogMemberLookup;
}

/** The log table's column keys (`AppLogKeysEnum`) and their English headers. */
export const LOG_KEY_LABELS: Readonly<Record<string, string>> = {
  source: 'Source',
  user: 'User',
  title: 'Title',
  sessionId: 'Session ID',
  createdTime: 'Created Time',
  lastConversationTime: 'last conversation time',
  messageCount: 'Total Messages',
  feedback: 'User Feedback',
  customFeedback: 'Custom Feedback',
  annotatedCount: 'Number of Marked Answers',
  points: 'Points Consumed',
  responseTime: 'Average Response Time',
  errorCount: 'Error Count',
  region: 'IP & Region',
  versionName: 'Version Name',
};

/** Columns FastGPT enables when neither the team nor the user configured any (`DefaultAppLogKeys`). */
export const DEFAULT_LOG_KEYS: readonly string[] = [
  'user',
  'title',
  'lastConversationTime',
  'messageCount',
  'feedback',
  'region',
];

/** The fixed columns of the ≤ 4.14.3 `exportChatLogs` and their English headers. */
const LEGACY_EXPORT_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['time', 'Time'],
  ['source', 'Source'],
  ['user', 'User'],
  ['contact', 'Contact'],
  ['title', 'Title'],
  ['messageCount', 'Total Messages'],
  ['good', 'Good'],
  ['bad', 'Bad'],
  ['custom', 'Custom Feedback'],
  ['marks', 'Marks'],
];

const TIMESPANS: readonly AnalyticsTimespan[] = ['day', 'week', 'month', 'quarter'];

function isAtLeast414(version: FakeServerVersion): boolean {
  return version === '4.14' || version === 'newest';
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function toCount(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : undefined;
}

function missingField(field: string): FakeHttpError {
  return FakeHttpError.validation(
    `${field} is required`,
    [field],
    'Invalid input: expected string, received undefined',
    '4.14',
  );
}

function parseDate(value: unknown, field: string, fallback?: number): number {
  if (value === undefined || value === null || value === '') {
    if (fallback !== undefined) return fallback;
    throw missingField(field);
  }
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
  if (Number.isNaN(ms)) {
    throw FakeHttpError.validation(`Invalid ${field}`, [field], 'Invalid input: expected date', '4.14');
  }
  return ms;
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether an AI item failed: an `errorMsg`, or any node response with `errorText`. */
export function itemHasError(item: FakeChatItem): boolean {
  if (item.obj !== 'AI') return false;
  if (item.errorMsg) return true;
  return (item.responseData ?? []).some((node) => Boolean(node.errorText));
}

/** AI points of an item: the sum of its top-level node `totalPoints` (children are already included). */
export function itemPoints(item: FakeChatItem): number {
  let sum = 0;
  for (const node of item.responseData ?? ([] as NodeResponse[])) sum += node.totalPoints ?? 0;
  return sum;
}

/** Who the analytics count as one user: the end-user id, else the owning team member. */
export function chatUserKey(chat: FakeChat): string {
  return chat.outLinkUid || chat.tmbId;
}

interface ChatStats {
  messageCount: number;
  good: number;
  bad: number;
  customItems: number;
  customEntries: number;
  marks: number;
  averageResponseTime: number;
  errorCount: number;
  totalPoints: number;
  unreadGood: boolean;
  unreadBad: boolean;
}

function chatStats(chat: FakeChat, includeDeletedItems: boolean): ChatStats {
  const stats: ChatStats = {
    messageCount: 0,
    good: 0,
    bad: 0,
    customItems: 0,
    customEntries: 0,
    marks: 0,
    averageResponseTime: 0,
    errorCount: 0,
    totalPoints: 0,
    unreadGood: false,
    unreadBad: false,
  };
  let durationSum = 0;
  let durationCount = 0;
  for (const item of chat.items) {
    if (item.deleteTime !== undefined && !includeDeletedItems) continue;
    stats.messageCount++;
    if (item.obj !== 'AI') continue;
    if (item.userGoodFeedback) {
      stats.good++;
      if (!item.isFeedbackRead) stats.unreadGood = true;
    }
    if (item.userBadFeedback) {
      stats.bad++;
      if (!item.isFeedbackRead) stats.unreadBad = true;
    }
    if (item.customFeedbacks && item.customFeedbacks.length > 0) {
      stats.customItems++;
      stats.customEntries += item.customFeedbacks.length;
    }
    if (item.adminFeedback) stats.marks++;
    if (typeof item.durationSeconds === 'number') {
      durationSum += item.durationSeconds;
      durationCount++;
    }
    if (itemHasError(item)) stats.errorCount++;
    stats.totalPoints += itemPoints(item);
  }
  stats.averageResponseTime = durationCount > 0 ? durationSum / durationCount : 0;
  stats.totalPoints = round(stats.totalPoints, 6);
  return stats;
}

interface LogFilter {
  dateStart: number;
  dateEnd: number;
  sources: string[] | undefined;
  tmbIds: string[] | undefined;
  outLinkUids: string[] | undefined;
  search: RegExp | undefined;
  feedbackType: string;
  unreadOnly: boolean;
  errorOnly: boolean;
}

function parseLogFilter(body: Record<string, unknown>, version: FakeServerVersion, now: number): LogFilter {
  const modern = isAtLeast414(version);
  // The ≤ 4.14.3 route defaulted to the last 7 days; `logs/list` validates both dates with zod.
  const dateStart = parseDate(body.dateStart, 'dateStart', modern ? undefined : now - 7 * DAY);
  const dateEnd = parseDate(body.dateEnd, 'dateEnd', modern ? undefined : now);
  const old = version === '4.8.17';
  const tmbIds = old ? undefined : stringList(body.tmbIds);
  for (const id of tmbIds ?? []) {
    // `new ObjectId(value)` throws inside the handler, which FastGPT answers as a generic error.
    if (!/^[0-9a-fA-F]{24}$/.test(id)) {
      throw FakeHttpError.plain('input must be a 24 character hex string, 12 byte Uint8Array, or an integer');
    }
  }
  const search = old ? '' : typeof body.chatSearch === 'string' ? body.chatSearch : '';
  const feedbackType = modern && typeof body.feedbackType === 'string' ? body.feedbackType : 'all';
  return {
    dateStart,
    dateEnd,
    sources: old ? undefined : stringList(body.sources),
    tmbIds,
    outLinkUids: version === 'newest' ? stringList(body.outLinkUids) : undefined,
    search: search ? new RegExp(escapeRegExp(search), 'i') : undefined,
    feedbackType,
    unreadOnly: feedbackType !== 'all' && (body.unreadOnly === true || body.unreadOnly === 'true'),
    errorOnly: version === 'newest' && body.errorFilter === 'has_error',
  };
}

function matchesUsers(chat: FakeChat, filter: LogFilter, version: FakeServerVersion): boolean {
  const { tmbIds, outLinkUids } = filter;
  if (version === 'newest' && (tmbIds !== undefined || outLinkUids !== undefined)) {
    // 2026: members are the chats they own without an end user; share users are matched by their uid.
    const byMember = tmbIds?.includes(chat.tmbId) === true && !chat.outLinkUid;
    const byUid =
      outLinkUids !== undefined && chat.outLinkUid !== undefined && outLinkUids.includes(chat.outLinkUid);
    return byMember || byUid;
  }
  return tmbIds === undefined || tmbIds.length === 0 || tmbIds.includes(chat.tmbId);
}

function matchesFeedback(stats: ChatStats, filter: LogFilter): boolean {
  const good = filter.unreadOnly ? stats.unreadGood : stats.good > 0;
  const bad = filter.unreadOnly ? stats.unreadBad : stats.bad > 0;
  switch (filter.feedbackType) {
    case 'good':
      return good;
    case 'bad':
      return bad;
    case 'has_feedback':
      return good || bad;
    default:
      return true;
  }
}

interface MatchedChat {
  chat: FakeChat;
  stats: ChatStats;
}

function filterChats(
  chats: Iterable<FakeChat>,
  filter: LogFilter,
  version: FakeServerVersion,
): MatchedChat[] {
  const modern = isAtLeast414(version);
  const out: MatchedChat[] = [];
  for (const chat of chats) {
    // Soft delete arrived in 4.14.4 and the log table keeps those chats; before, deleting removed the chat.
    if (!modern && chat.deleteTime !== undefined) continue;
    if (chat.updateTime < filter.dateStart || chat.updateTime > filter.dateEnd) continue;
    if (filter.sources && !filter.sources.includes(chat.source)) continue;
    if (!matchesUsers(chat, filter, version)) continue;
    // FastGPT lets chatSearch's `$or` overwrite has_feedback's; the fake applies both (the kit relies on neither).
    if (
      filter.search &&
      !filter.search.test(chat.chatId) &&
      !filter.search.test(chat.title) &&
      !filter.search.test(chat.customTitle)
    ) {
      continue;
    }
    const stats = chatStats(chat, modern);
    if (!matchesFeedback(stats, filter)) continue;
    if (filter.errorOnly && stats.errorCount === 0) continue;
    out.push({ chat, stats });
  }
  if (version === '4.8.17') {
    // Before ~4.9.7 the table put chats with feedback first.
    out.sort(
      (a, b) =>
        b.stats.bad - a.stats.bad ||
        b.stats.good - a.stats.good ||
        b.stats.customItems - a.stats.customItems ||
        b.chat.updateTime - a.chat.updateTime ||
        compareIds(b.chat._id, a.chat._id),
    );
  } else {
    out.sort((a, b) => b.chat.updateTime - a.chat.updateTime || compareIds(b.chat._id, a.chat._id));
  }
  return out;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function toWireItem(
  { chat, stats }: MatchedChat,
  version: FakeServerVersion,
  members: LogMemberLookup | undefined,
): Record<string, unknown> {
  const member = members?.(chat.tmbId);
  const row: Record<string, unknown> = { _id: chat._id };
  if (isAtLeast414(version)) row.chatId = chat.chatId;
  else row.id = chat.chatId;
  row.title = chat.title;
  if (version !== '4.8.17') row.customTitle = chat.customTitle;
  row.source = chat.source;
  if (version !== '4.8.17') row.sourceName = chat.sourceName;
  if (version === '4.8.17') {
    row.time = iso(chat.updateTime);
  } else {
    row.updateTime = iso(chat.updateTime);
    row.createTime = iso(chat.createTime);
  }
  row.messageCount = stats.messageCount;
  row.userGoodFeedbackCount = stats.good;
  row.userBadFeedbackCount = stats.bad;
  // v4.14.5 counted feedback entries; before and after that it counted items with feedback.
  row.customFeedbacksCount = version === '4.14' ? stats.customEntries : stats.customItems;
  row.markCount = stats.marks;
  if (version !== '4.8.17') {
    row.averageResponseTime = stats.averageResponseTime;
    row.errorCount = stats.errorCount;
    row.totalPoints = stats.totalPoints;
  }
  if (chat.outLinkUid) row.outLinkUid = chat.outLinkUid;
  row.tmbId = chat.tmbId;
  if (isAtLeast414(version)) {
    row.versionName = chat.versionName ?? null;
    if (chat.region !== undefined) row.region = chat.region;
    if (chat.originIp !== undefined) row.originIp = chat.originIp;
  }
  if (member) {
    row.sourceMember = {
      name: member.name,
      ...(member.avatar !== undefined ? { avatar: member.avatar } : {}),
      status: member.status ?? 'active',
    };
  }
  return row;
}

/**
 * The log table query: `POST /api/core/app/logs/list` (4.14, newest) or `POST /api/core/app/getChatLogs`
 * (4.13, 4.8.17) over one app's chats. Filters on the last activity (`updateTime`, both ends inclusive),
 * sources, members, end users (newest), `chatSearch` (literal, case-insensitive, on chat id, title and
 * custom title), feedback (4.14+) and errors (newest); sorts newest first and pages with
 * {@link parsePagination}. Soft-deleted chats and items are included from 4.14 on.
 *
 * Throws a `FakeHttpError` validation error when `dateStart` or `dateEnd` is missing on 4.14+.
 */
export function queryChatLogs(
  chats: Iterable<FakeChat>,
  params: unknown,
  options: QueryChatLogsOptions,
): ChatLogPage {
  const body = asRecord(params);
  const { version } = options;
  const filter = parseLogFilter(body, version, options.now ?? Date.now());
  const matched = filterChats(chats, filter, version);
  const { offset, pageSize } = options.page ?? parsePagination(body);
  return {
    total: matched.length,
    list: matched.slice(offset, offset + pageSize).map((m) => toWireItem(m, version, options.members)),
  };
}

/** `getTotalData` over one app's chats: distinct users (`outLinkUid`, else `tmbId`), chats and AI points. */
export function computeTotalData(chats: Iterable<FakeChat>): AppTotalData {
  const users = new Set<string>();
  let totalChats = 0;
  let totalPoints = 0;
  for (const chat of chats) {
    totalChats++;
    users.add(chatUserKey(chat));
    for (const item of chat.items) totalPoints += itemPoints(item);
  }
  return { totalUsers: users.size, totalChats, totalPoints: round(totalPoints, 6) };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Returns the UTC offset in ms of a zone at an instant. */
type ZoneOffset = (ms: number) => number;

function createZoneOffset(timezone: unknown): ZoneOffset {
  if (
    timezone === undefined ||
    timezone === null ||
    timezone === '' ||
    timezone === 'UTC' ||
    timezone === 'Z'
  ) {
    return () => 0;
  }
  const name = String(timezone);
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(name);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
    const offset = (fixed[1] === '-' ? -minutes : minutes) * MINUTE;
    return () => offset;
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    throw FakeHttpError.validation(`Invalid timezone ${name}`, ['timezone'], 'Invalid time zone');
  }
  // Zone offsets only change on whole hours (in UTC) for real zones, so one lookup per hour is enough.
  const cache = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / HOUR);
    let offset = cache.get(hour);
    if (offset === undefined) {
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(hour * HOUR)) parts[part.type] = Number(part.value);
      const local = Date.UTC(
        parts.year ?? 1970,
        (parts.month ?? 1) - 1,
        parts.day ?? 1,
        parts.hour ?? 0,
        parts.minute ?? 0,
      );
      offset = local - hour * HOUR;
      cache.set(hour, offset);
    }
    return offset;
  };
}

/** Start of the bucket holding `ms`, epoch ms; weeks start on Monday. */
function createBucketer(span: AnalyticsTimespan, zone: ZoneOffset): (ms: number) => number {
  const cache = new Map<number, number>();
  return (ms) => {
    const local = ms + zone(ms);
    const localDay = Math.floor(local / DAY);
    let start = cache.get(localDay);
    if (start === undefined) {
      const d = new Date(localDay * DAY);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth();
      let localStart: number;
      if (span === 'day') localStart = localDay * DAY;
      else if (span === 'week') localStart = (localDay - ((d.getUTCDay() + 6) % 7)) * DAY;
      else if (span === 'month') localStart = Date.UTC(y, m, 1);
      else localStart = Date.UTC(y, m - (m % 3), 1);
      start = localStart - zone(localStart - zone(ms));
      cache.set(localDay, start);
    }
    return start;
  };
}

function parseTimespan(value: unknown, field: string): AnalyticsTimespan {
  if (value === undefined || value === null || value === '') return 'day';
  if ((TIMESPANS as readonly unknown[]).includes(value)) return value as AnalyticsTimespan;
  throw FakeHttpError.validation(
    `Invalid ${field}`,
    [field],
    `Invalid option: expected one of ${TIMESPANS.join('|')}`,
  );
}

function emptySourceMap(): Record<ChatSource, number> {
  const map = {} as Record<ChatSource, number>;
  for (const source of CHAT_SOURCES) map[source] = 0;
  return map;
}

interface Activity {
  time: number;
  chat: FakeChat;
  item: FakeChatItem | undefined;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function bucketRange(starts: Iterable<number>, bucket: (ms: number) => number, fill: boolean): number[] {
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  if (!fill || sorted.length < 2) return sorted;
  const out: number[] = [];
  const last = sorted[sorted.length - 1] as number;
  for (let start = sorted[0] as number; start <= last; ) {
    out.push(start);
    // Every bucket is at least 23 hours long (DST days), so 26 hours in is past a day bucket; longer
    // buckets are walked a day at a time until the next one begins.
    let probe = start + DAY + 2 * HOUR;
    while (bucket(probe) === start) probe += DAY;
    start = bucket(probe);
  }
  return out;
}

/**
 * The commercial `getChartData` over one app's chats: three series bucketed by their own timespan
 * (day, week starting Monday, month, quarter; `timestamp` = bucket start in `timezone`, epoch ms),
 * counting activity (chat items) between `dateStart` and `dateEnd`, both inclusive, of the given sources.
 *
 * - `userData`: distinct users (`outLinkUid`, else `tmbId`) active in the bucket; new users (first activity
 *   ever falls in this bucket); retained users (also active `offset` buckets earlier); AI points;
 *   distinct users per source, every source key present.
 * - `chatData`: answers (AI items), distinct chats, failed answers, AI points.
 * - `appData`: good and bad feedback on answers, distinct chats, total reply seconds.
 *
 * Only buckets with activity are returned unless `fillEmptyBuckets` is set.
 */
export function computeChartData(chats: Iterable<FakeChat>, params: ChartDataParams): AppLogsChartData {
  const dateStart = parseDate(params.dateStart, 'dateStart');
  const dateEnd = parseDate(params.dateEnd, 'dateEnd');
  const offset = toCount(params.offset) ?? 1;
  const sources = stringList(params.source);
  const zone = createZoneOffset(params.timezone);
  const userBucket = createBucketer(parseTimespan(params.userTimespan, 'userTimespan'), zone);
  const chatBucket = createBucketer(parseTimespan(params.chatTimespan, 'chatTimespan'), zone);
  const appBucket = createBucketer(parseTimespan(params.appTimespan, 'appTimespan'), zone);
  const fill = params.fillEmptyBuckets === true;

  const firstSeen = new Map<string, number>();
  const activeByBucket = new Map<number, Set<string>>();
  const inRange: Activity[] = [];
  for (const chat of chats) {
    if (sources && sources.length > 0 && !sources.includes(chat.source)) continue;
    const user = chatUserKey(chat);
    const activities: Activity[] =
      chat.items.length > 0
        ? chat.items.map((item) => ({ time: item.time, chat, item }))
        : [{ time: chat.createTime, chat, item: undefined }];
    for (const activity of activities) {
      const seen = firstSeen.get(user);
      if (seen === undefined || activity.time < seen) firstSeen.set(user, activity.time);
      // Activity before the range still counts for retention and for "new" users.
      const b = userBucket(activity.time);
      getOrCreate(activeByBucket, b, () => new Set<string>()).add(user);
      if (activity.time >= dateStart && activity.time <= dateEnd) inRange.push(activity);
    }
  }

  interface UserAcc {
    users: Set<string>;
    points: number;
    bySource: Map<ChatSource, Set<string>>;
  }
  interface ChatAcc {
    chats: Set<string>;
    answers: number;
    errors: number;
    points: number;
  }
  interface AppAcc {
    chats: Set<string>;
    good: number;
    bad: number;
    seconds: number;
  }
  const userAcc = new Map<number, UserAcc>();
  const chatAcc = new Map<number, ChatAcc>();
  const appAcc = new Map<number, AppAcc>();
  for (const { time, chat, item } of inRange) {
    const user = chatUserKey(chat);
    const isAnswer = item?.obj === 'AI';
    const points = item ? itemPoints(item) : 0;

    const ub = userBucket(time);
    const u = getOrCreate(userAcc, ub, () => ({ users: new Set(), points: 0, bySource: new Map() }));
    u.users.add(user);
    u.points += points;
    getOrCreate(u.bySource, chat.source, () => new Set<string>()).add(user);

    const cb = chatBucket(time);
    const c = getOrCreate(chatAcc, cb, () => ({ chats: new Set(), answers: 0, errors: 0, points: 0 }));
    c.chats.add(chat.chatId);
    c.points += points;
    if (isAnswer && item) {
      c.answers++;
      if (itemHasError(item)) c.errors++;
    }

    const ab = appBucket(time);
    const a = getOrCreate(appAcc, ab, () => ({ chats: new Set(), good: 0, bad: 0, seconds: 0 }));
    a.chats.add(chat.chatId);
    if (isAnswer && item) {
      if (item.userGoodFeedback) a.good++;
      if (item.userBadFeedback) a.bad++;
      a.seconds += item.durationSeconds ?? 0;
    }
  }

  const userData: UserChartPoint[] = bucketRange(userAcc.keys(), userBucket, fill).map((timestamp) => {
    const acc = userAcc.get(timestamp);
    const sourceCountMap = emptySourceMap();
    let newUserCount = 0;
    let retentionUserCount = 0;
    if (acc) {
      for (const [source, users] of acc.bySource) sourceCountMap[source] = users.size;
      let previous = timestamp;
      for (let i = 0; i < offset; i++) previous = userBucket(previous - 1);
      const before = activeByBucket.get(previous);
      for (const user of acc.users) {
        const first = firstSeen.get(user);
        if (first !== undefined && userBucket(first) === timestamp) newUserCount++;
        if (before?.has(user)) retentionUserCount++;
      }
    }
    return {
      timestamp,
      summary: {
        userCount: acc?.users.size ?? 0,
        newUserCount,
        retentionUserCount,
        points: round(acc?.points ?? 0, 6),
        sourceCountMap,
      },
    };
  });
  const chatData: ChatChartPoint[] = bucketRange(chatAcc.keys(), chatBucket, fill).map((timestamp) => {
    const acc = chatAcc.get(timestamp);
    return {
      timestamp,
      summary: {
        chatItemCount: acc?.answers ?? 0,
        chatCount: acc?.chats.size ?? 0,
        errorCount: acc?.errors ?? 0,
        points: round(acc?.points ?? 0, 6),
      },
    };
  });
  const appData: AppChartPoint[] = bucketRange(appAcc.keys(), appBucket, fill).map((timestamp) => {
    const acc = appAcc.get(timestamp);
    return {
      timestamp,
      summary: {
        goodFeedBackCount: acc?.good ?? 0,
        badFeedBackCount: acc?.bad ?? 0,
        chatCount: acc?.chats.size ?? 0,
        totalResponseTime: round(acc?.seconds ?? 0, 6),
      },
    };
  });
  return { userData, chatData, appData };
}

/**
 * One CSV field: a `'` before text starting with `= + - @ |` (formula injection guard, as FastGPT), then
 * RFC 4180 quoting when the text holds a quote, comma or line break.
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@|]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The UTC offset of an ISO date string (`+08:00` → 480 minutes); 0 for `Z`, Dates and epoch numbers. */
function offsetMinutesOf(value: unknown): number {
  if (typeof value !== 'string') return 0;
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(value.trim());
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function formatTime(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * MINUTE);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  );
}

function itemText(item: FakeChatItem): string {
  return item.value.map((v) => (v.type === 'text' ? v.text.content : '')).join('');
}

function exportCell(
  key: string,
  m: MatchedChat,
  ctx: { offsetMinutes: number; sourcesMap: Record<string, unknown>; members: LogMemberLookup | undefined },
): unknown {
  const { chat, stats } = m;
  const answers = chat.items.filter((item) => item.obj === 'AI');
  switch (key) {
    case 'source': {
      const label = asRecord(ctx.sourcesMap[chat.source]).label;
      return chat.sourceName || (typeof label === 'string' ? label : '') || chat.source;
    }
    case 'user':
      return chat.outLinkUid || ctx.members?.(chat.tmbId)?.name || '';
    case 'title':
      return chat.customTitle || chat.title;
    case 'sessionId':
      return chat.chatId;
    case 'createdTime':
      return formatTime(chat.createTime, ctx.offsetMinutes);
    case 'time':
    case 'lastConversationTime':
      return formatTime(chat.updateTime, ctx.offsetMinutes);
    case 'messageCount':
      return stats.messageCount;
    case 'feedback':
      return {
        good: answers
          .filter((i) => i.userGoodFeedback)
          .map((i) => ({ chatItemId: i.dataId, feedback: i.userGoodFeedback })),
        bad: answers
          .filter((i) => i.userBadFeedback)
          .map((i) => ({ chatItemId: i.dataId, feedback: i.userBadFeedback })),
      };
    case 'customFeedback':
      return answers
        .filter((i) => i.customFeedbacks && i.customFeedbacks.length > 0)
        .map((i) => ({ chatItemId: i.dataId, feedbacks: i.customFeedbacks }));
    case 'annotatedCount':
      return answers
        .filter((i) => i.adminFeedback)
        .map((i) => ({ chatItemId: i.dataId, feedback: i.adminFeedback }));
    case 'points':
      return stats.totalPoints.toFixed(2);
    case 'responseTime':
      return stats.averageResponseTime.toFixed(2);
    case 'errorCount':
      return stats.errorCount;
    case 'region':
      if (chat.region && chat.originIp) return `${chat.region}: ${chat.originIp}`;
      return chat.region || chat.originIp || '';
    case 'versionName':
      return chat.versionName ?? '';
    case 'good':
      return stats.good;
    case 'bad':
      return stats.bad;
    case 'custom':
      return stats.customItems;
    case 'marks':
      return stats.marks;
    case 'contact':
      return '';
    default:
      return '';
  }
}

function chatDetails(chat: FakeChat): Array<{ id: string; value: string }> {
  return chat.items.slice(-EXPORT_DETAIL_ITEMS).map((item) => ({ id: item.dataId, value: itemText(item) }));
}

/**
 * The log export (`POST /api/core/app/logs/exportLogs`, or the ≤ 4.14.3 `exportChatLogs` with its fixed
 * columns): a UTF-8 BOM, the `title` line plus one header per app variable (password variables left out),
 * then one row per matching chat, newest first, at most 50 000: the `logKeys` columns, the chat's last
 * 100 items as JSON, and each variable's value. Times are `YYYY-MM-DD HH:mm:ss` in the UTC offset of
 * `dateStart`.
 *
 * Every field is escaped once and correctly ({@link csvField}). FastGPT itself escapes JSON cells twice
 * (so readers get a still-escaped string) and writes string variables unescaped; the fake does neither.
 */
export function exportChatLogsCsv(
  chats: Iterable<FakeChat>,
  params: unknown,
  app: Pick<FakeApp, 'chatConfig'>,
  options: ExportCsvOptions,
): string {
  const body = asRecord(params);
  const { version } = options;
  const filter = parseLogFilter(body, version, options.now ?? Date.now());
  const matched = filterChats(chats, filter, version).slice(0, EXPORT_LIMIT);
  const variables = (app.chatConfig.variables ?? []).filter((v) => v.type !== 'password');
  const legacy = !isAtLeast414(version);
  const keys = legacy
    ? LEGACY_EXPORT_COLUMNS.map(([key]) => key)
    : Array.isArray(body.logKeys)
      ? body.logKeys.map(String)
      : [...DEFAULT_LOG_KEYS];
  const defaultTitle = legacy
    ? [...LEGACY_EXPORT_COLUMNS.map(([, label]) => label), 'Conversation details'].join(',')
    : [...keys.map((key) => LOG_KEY_LABELS[key] ?? key), 'Conversation details'].join(',');
  const title = typeof body.title === 'string' && body.title !== '' ? body.title : defaultTitle;
  const header = [title, ...variables.map((v) => csvField(v.label))].join(',');
  const ctx = {
    offsetMinutes: offsetMinutesOf(body.dateStart),
    sourcesMap: asRecord(body.sourcesMap),
    members: options.members,
  };
  const lines = [`\uFEFF${header}`];
  for (const m of matched) {
    const cells = keys.map((key) => csvField(exportCell(key, m, ctx)));
    cells.push(csvField(chatDetails(m.chat)));
    for (const variable of variables) cells.push(csvField(m.chat.variables[variable.key]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
