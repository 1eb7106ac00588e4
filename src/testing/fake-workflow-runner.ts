import type { ChatValueItem, NodeResponse, ToolValueItem } from '../client/types';
import type { ScenarioPlan, ScenarioStep } from './fake-scenarios';
import { answerChunk, sseErrorFrame, sseFrame, stopChunk } from './fake-sse-writer';

/**
 * The life of one run, shared by the stream, the stop endpoint and the transport: `stop()` (the stop
 * endpoint) ends the run gracefully, `abort()` (client gone) ends it at once. Both wake pending timers.
 */
export class RunControl {
  private readonly wake = new AbortController();
  /** `running` until stopped or aborted. */
  state: 'running' | 'stopped' | 'aborted' = 'running';
  /** Resolves when the run has finished (whatever the outcome). */
  readonly finished: Promise<void>;
  private finish!: () => void;

  constructor() {
    this.finished = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  /** Aborted on stop and on abort; timers listen to it. */
  get signal(): AbortSignal {
    return this.wake.signal;
  }

  /** Ends the run gracefully (`/api/v2/chat/stop`). */
  stop(): void {
    if (this.state === 'running') this.state = 'stopped';
    this.wake.abort();
  }

  /** Ends the run at once (the client went away). */
  abort(): void {
    this.state = 'aborted';
    this.wake.abort();
  }

  /** Marks the run as finished. */
  markFinished(): void {
    this.finish();
  }
}

/** How a run ended. */
export type RunOutcome = 'done' | 'stopped' | 'aborted' | 'error' | 'stall' | 'drop';

/** What a run produced, for saving and for non-stream responses. */
export interface RunResult {
  /** How it ended. */
  outcome: RunOutcome;
  /** The AI value items (text and reasoning merged, tools folded). */
  values: ChatValueItem[];
  /** Node responses in run order. */
  responses: NodeResponse[];
  /** Variables after `updateVariables`, if the run changed them. */
  variables: Record<string, unknown> | undefined;
  /** Simulated seconds (sum of the nodes' `runningTime`). */
  durationSeconds: number;
  /** Message of an `error` outcome. */
  errorMessage: string | undefined;
  /** Whether the run paused on an interactive node. */
  interactive: boolean;
}

/** Settings of {@link runPlan}. */
export interface RunSettings {
  /** Named events (`detail: true`) or bare `data:` answer chunks. */
  detail: boolean;
  /** v2 API: `flowNodeResponse` after each node, no final `flowResponses`. */
  v2: boolean;
  /** Send `flowNodeStatus` (false for share links that hide the running status). */
  showStatus: boolean;
  /** Remove `[id](CITE)` markers from streamed text (`retainDatasetCite` false). */
  stripCite: boolean;
  /** What callers see of node responses (share links get public nodes only). */
  viewResponses: (responses: NodeResponse[]) => NodeResponse[];
  /** Pause between token steps in ms. */
  tokenDelayMs: number;
  /** Heartbeat interval in ms (0 = none). */
  heartbeatMs: number;
  /** An injected `drop` / `stall` fault: end that way after this many events. */
  fault?: { kind: 'drop' | 'stall'; afterEvents: number };
  /** The run's control. */
  control: RunControl;
  /** Called before `[DONE]` (FastGPT saves the chat there). */
  beforeDone?: (result: RunResult) => void | Promise<void>;
}

const CITE_MARKER = /\[[0-9a-f]{24}\]\(CITE\)/g;

/** Removes `[id](CITE)` markers. */
export function stripCiteMarkers(text: string): string {
  return text.replace(CITE_MARKER, '');
}

/** Waits `ms`, or less when `signal` aborts. Uses the global timers, so fake timers control it. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

const isTokenStep = (step: ScenarioStep) =>
  step.type === 'answer' || step.type === 'reasoning' || step.type === 'toolParams';

/**
 * Plays a scenario into `write` with FastGPT's framing and lifecycle (contract §4.4): node events, then
 * `workflowDuration` (detail), the closing chunk, `[DONE]` and `flowResponses` (detail, v1). Terminal
 * steps (`error`, `stall`, `drop`) and faults return early; the caller ends the transport.
 */
export async function runPlan(
  plan: ScenarioPlan,
  write: (text: string) => void,
  settings: RunSettings,
): Promise<RunResult> {
  const { detail, control } = settings;
  const result: RunResult = {
    outcome: 'done',
    values: [],
    responses: [],
    variables: undefined,
    durationSeconds: 0,
    errorMessage: undefined,
    interactive: false,
  };
  let events = 0;
  const emit = (event: string, data: unknown, visibleWithoutDetail = false) => {
    if (!detail && !visibleWithoutDetail) return;
    write(sseFrame(detail ? event : undefined, typeof data === 'string' ? data : JSON.stringify(data)));
    events++;
  };
  const heartbeat =
    settings.heartbeatMs > 0
      ? setInterval(() => {
          write(sseFrame(detail ? 'answer' : undefined, JSON.stringify(answerChunk({ content: '' }))));
        }, settings.heartbeatMs)
      : undefined;
  const delay = plan.tokenDelayMs ?? settings.tokenDelayMs;
  let first = true;
  try {
    for (const step of plan.steps) {
      if (control.state !== 'running') break;
      if (settings.fault && events >= settings.fault.afterEvents) {
        result.outcome = settings.fault.kind;
        return result;
      }
      if (isTokenStep(step) && delay > 0 && !first) {
        await sleep(delay, control.signal);
        if (control.state !== 'running') break;
      }
      if (isTokenStep(step)) first = false;
      switch (step.type) {
        case 'error':
          write(sseErrorFrame({ message: step.message }));
          result.outcome = 'error';
          result.errorMessage = step.message;
          return result;
        case 'stall':
        case 'drop':
          result.outcome = step.type;
          return result;
        default:
          applyStep(step, result, settings, emit);
      }
    }
    if (control.state === 'aborted') {
      result.outcome = 'aborted';
      return result;
    }
    if (control.state === 'stopped') result.outcome = 'stopped';
    if (heartbeat) clearInterval(heartbeat);
    emit('workflowDuration', { durationSeconds: result.durationSeconds });
    emit('answer', stopChunk(), true);
    await settings.beforeDone?.(result);
    emit('answer', '[DONE]', true);
    if (!settings.v2) emit('flowResponses', settings.viewResponses(result.responses));
    return result;
  } finally {
    if (heartbeat) clearInterval(heartbeat);
  }
}

function applyStep(
  step: ScenarioStep,
  result: RunResult,
  settings: RunSettings,
  emit: (event: string, data: unknown, visibleWithoutDetail?: boolean) => void,
): void {
  switch (step.type) {
    case 'nodeStart':
      if (settings.showStatus) emit('flowNodeStatus', { status: 'running', name: step.name });
      break;
    case 'nodeEnd':
      result.responses.push(step.response);
      result.durationSeconds =
        Math.round((result.durationSeconds + (step.response.runningTime ?? 0)) * 100) / 100;
      if (settings.v2) {
        const [visible] = settings.viewResponses([step.response]);
        if (visible) emit('flowNodeResponse', visible);
      }
      break;
    case 'reasoning':
      appendValue(result.values, 'reasoning', step.text);
      emit('answer', answerChunk({ reasoning_content: step.text }), true);
      break;
    case 'answer': {
      appendValue(result.values, 'text', step.text);
      const text = settings.stripCite ? stripCiteMarkers(step.text) : step.text;
      emit('answer', answerChunk({ content: text }), true);
      break;
    }
    case 'fastAnswer':
      appendValue(result.values, 'text', step.text);
      emit('fastAnswer', answerChunk({ content: `\n${step.text}` }), true);
      break;
    case 'toolCall':
    case 'toolParams':
    case 'toolResponse':
      foldTool(result.values, step.type, step.tool);
      emit(step.type, { tool: step.tool });
      break;
    case 'updateVariables':
      result.variables = step.variables;
      emit('updateVariables', step.variables);
      break;
    case 'interactive':
      result.values.push({ type: 'interactive', interactive: step.interactive });
      result.interactive = true;
      emit('interactive', { interactive: step.interactive });
      break;
  }
}

function appendValue(values: ChatValueItem[], type: 'text' | 'reasoning', text: string): void {
  const last = values[values.length - 1];
  if (type === 'text' && last?.type === 'text') last.text.content += text;
  else if (type === 'reasoning' && last?.type === 'reasoning') last.reasoning.content += text;
  else if (type === 'text') values.push({ type: 'text', text: { content: text } });
  else values.push({ type: 'reasoning', reasoning: { content: text } });
}

function foldTool(
  values: ChatValueItem[],
  kind: 'toolCall' | 'toolParams' | 'toolResponse',
  tool: ToolValueItem['tools'][number],
) {
  if (kind === 'toolCall') {
    const last = values[values.length - 1];
    if (last?.type === 'tool') last.tools.push({ ...tool });
    else values.push({ type: 'tool', tools: [{ ...tool }] });
    return;
  }
  for (const item of values) {
    if (item.type !== 'tool') continue;
    const target = item.tools.find((t) => t.id === tool.id);
    if (!target) continue;
    if (kind === 'toolParams') target.params += tool.params;
    else target.response = tool.response;
  }
}
