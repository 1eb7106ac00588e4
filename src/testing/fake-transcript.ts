import { renderFakeError, teamRateLimitError } from './fake-errors';
import { createFakeIds } from './fake-ids';
import type { ScenarioName } from './fake-scenario-names';
import { buildScenario, SCENARIO_RETRY_AFTER_SECONDS } from './fake-scenarios';
import { RunControl, runPlan } from './fake-workflow-runner';

/** Options of {@link renderScenarioTranscript}. */
export interface ScenarioTranscriptOptions {
  /** Named events (`detail: true`) or bare `data:` chunks (default false). */
  detail?: boolean;
  /** The user's question (default `"你好"`). */
  question?: string;
  /** The v2 API framing: `flowNodeResponse` per node, no `flowResponses` (default false). */
  v2?: boolean;
  /** Keep `[id](CITE)` markers (default false). */
  retainDatasetCite?: boolean;
  /** Seed of the ids in node responses (default 1). */
  seed?: number;
  /** Clock of generated ids and dates, epoch ms (default 2026-01-29T07:41:22.600Z). */
  now?: number;
}

/**
 * The exact SSE text the fake server streams for a scenario as the first request of a fresh server
 * (`analytics: false`, same `seed` and clock, a `chatId` sent), without heartbeats (useful for parser
 * property tests). Streams that end abnormally stop where the
 * server stops writing: `error` after its `event: error`, `stall` and `drop` after their last event.
 * `429` has no stream; its transcript is the JSON error body.
 */
export async function renderScenarioTranscript(
  name: ScenarioName,
  options: ScenarioTranscriptOptions = {},
): Promise<string> {
  const now = options.now ?? Date.parse('2026-01-29T07:41:22.600Z');
  if (name === '429')
    return JSON.stringify(renderFakeError(teamRateLimitError(SCENARIO_RETRY_AFTER_SECONDS), '4.14').body);
  const ids = createFakeIds(options.seed ?? 1);
  const plan = buildScenario(name, {
    question: options.question ?? '你好',
    history: [],
    variables: {},
    ids,
    now,
  });
  let text = '';
  // Pacing is a transport concern; the transcript is the same text without it.
  await runPlan(
    { ...plan, tokenDelayMs: 0 },
    (chunk) => {
      text += chunk;
    },
    {
      detail: options.detail ?? false,
      v2: options.v2 ?? false,
      showStatus: true,
      stripCite: !options.retainDatasetCite,
      viewResponses: (responses) => responses,
      tokenDelayMs: 0,
      heartbeatMs: 0,
      control: new RunControl(),
    },
  );
  return text;
}
