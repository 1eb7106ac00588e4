import type { ScenarioName } from './fake-scenario-names';

/**
 * A reply the fake plays instead of a scenario, for tests that need exact content in every place a reply
 * can carry text (e.g. XSS payloads). Each field adds its node; all are optional.
 */
export interface FakeScriptedReply {
  /** Markdown answer text, streamed in chunks; a `[id](CITE)` marker per quote is appended. */
  text?: string;
  /** Reasoning text, streamed before the answer. */
  reasoning?: string;
  /**
   * A tool call before the answer: its display name, its arguments (streamed in fragments), its result and
   * its avatar URL (default none).
   */
  tool?: { name: string; params: string; response: string; avatar?: string };
  /** Knowledge-base quotes of a dataset search node (ids are generated). */
  quotes?: Array<{ sourceName: string; q: string; a?: string }>;
  /** A userSelect node after the answer: its description and option values. */
  select?: { description: string; options: string[] };
  /** Name of the AI node, shown while it runs (default `AI 对话`). */
  nodeName?: string;
  /** Code points per streamed chunk (default 8). */
  chunkSize?: number;
}

/** FastGPT release whose behaviour the fake server copies (error statuses, routes, parameter sources). */
export type FakeServerVersion = '4.8.17' | '4.13' | '4.14' | 'newest';

/** Options of {@link createFakeFastGPT}; all optional. */
export interface FakeFastGPTOptions {
  /**
   * Which FastGPT to imitate (default `'4.14'`): error HTTP status and `statusText`, where `item/delete`
   * reads its params, whether `/api/v2/chat/stop` and the `/history/*`, `/record/*` aliases exist,
   * and whether input errors answer HTTP 400 with `zodError` (`'newest'`).
   */
  serverVersion?: FakeServerVersion;
  /** Interval of the empty `answer` heartbeat chunk in ms (default 10 000; 0 = none). */
  heartbeatMs?: number;
  /** Delay between streamed answer chunks in ms (default 0; the demo uses about 25). */
  tokenDelayMs?: number;
  /** Play this scenario whatever the question says. */
  scenario?: ScenarioName;
  /** Play this reply whatever the question says (before `scenario`); answers to its select continue as usual. */
  reply?: FakeScriptedReply;
  /**
   * Where share-link auth is read (default `'legacy'`): top-level `shareId` / `outLinkUid` (≤ 4.14), or
   * `'nested'` `outLinkAuthData` (2026; a JSON string in GET/DELETE queries, and `appId` must be omitted
   * on chat CRUD routes).
   */
  shareAuthPlacement?: 'legacy' | 'nested';
  /** Whether the commercial chart endpoints exist (default true). */
  chartEndpoints?: boolean;
  /** What the log routes accept (default `'token'`: session token only, as ≤ 4.14). */
  logsAuth?: 'token' | 'token-or-key';
  /** Seed of the id generator (default 1). */
  seed?: number;
  /** Clock in epoch ms (default `Date.now`). */
  now?: () => number;
  /** Seeded log data for the analytics views (default `{}`: the log module's defaults; `false`: none). */
  analytics?: false | { chats?: number; days?: number };
  /** Origin the fetch adapter and the msw handlers answer (default `'http://fastgpt.test'`). */
  baseUrl?: string;
}

/** The options with every default filled in. */
export interface ResolvedFakeOptions {
  /** See {@link FakeFastGPTOptions.serverVersion}. */
  serverVersion: FakeServerVersion;
  /** See {@link FakeFastGPTOptions.heartbeatMs}. */
  heartbeatMs: number;
  /** See {@link FakeFastGPTOptions.tokenDelayMs}. */
  tokenDelayMs: number;
  /** See {@link FakeFastGPTOptions.scenario}. */
  scenario: ScenarioName | undefined;
  /** See {@link FakeFastGPTOptions.reply}. */
  reply: FakeScriptedReply | undefined;
  /** See {@link FakeFastGPTOptions.shareAuthPlacement}. */
  shareAuthPlacement: 'legacy' | 'nested';
  /** See {@link FakeFastGPTOptions.chartEndpoints}. */
  chartEndpoints: boolean;
  /** See {@link FakeFastGPTOptions.logsAuth}. */
  logsAuth: 'token' | 'token-or-key';
  /** See {@link FakeFastGPTOptions.seed}. */
  seed: number;
  /** See {@link FakeFastGPTOptions.now}. */
  now: () => number;
  /** See {@link FakeFastGPTOptions.analytics}. */
  analytics: false | { chats?: number; days?: number };
  /** See {@link FakeFastGPTOptions.baseUrl}. */
  baseUrl: string;
}

/** Fills in the defaults of {@link FakeFastGPTOptions}. */
export function resolveFakeOptions(options: FakeFastGPTOptions = {}): ResolvedFakeOptions {
  return {
    serverVersion: options.serverVersion ?? '4.14',
    heartbeatMs: options.heartbeatMs ?? 10_000,
    tokenDelayMs: options.tokenDelayMs ?? 0,
    scenario: options.scenario,
    reply: options.reply,
    shareAuthPlacement: options.shareAuthPlacement ?? 'legacy',
    chartEndpoints: options.chartEndpoints ?? true,
    logsAuth: options.logsAuth ?? 'token',
    seed: options.seed ?? 1,
    now: options.now ?? (() => Date.now()),
    analytics: options.analytics ?? {},
    baseUrl: (options.baseUrl ?? 'http://fastgpt.test').replace(/\/+$/, ''),
  };
}

/** True when `version` is at least 4.14 (`'4.14'` or `'newest'`). */
export function isAtLeast414(version: FakeServerVersion): boolean {
  return version === '4.14' || version === 'newest';
}
