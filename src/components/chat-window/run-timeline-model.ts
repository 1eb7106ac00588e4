'use client';
import type { NodeResponse } from '../../client/types';

/** Node responses that hold the runs of other nodes: tool calls, child apps and plugins, loop iterations. */
const NESTED_KEYS = ['toolDetail', 'pluginDetail', 'loopDetail'] as const;

/** One row of the run timeline: a node response and how deep it is nested. */
export interface TimelineNode {
  /** The node response. */
  response: NodeResponse;
  /** Key unique among its siblings. */
  key: string;
  /** Runs nested under this node (tool calls, child app or plugin nodes, loop iterations), in order. */
  children: TimelineNode[];
}

/** What a whole run cost; only top-level nodes count, because FastGPT folds children into their parent. */
export interface TimelineTotals {
  /** Top-level nodes. */
  nodes: number;
  /** Seconds: the recorded duration when known, else the sum of the top-level nodes' running times. */
  seconds: number;
  /** Tokens of the top-level nodes. */
  tokens: number;
  /** AI points of the top-level nodes. */
  points: number;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function nestedOf(response: NodeResponse): NodeResponse[] {
  const out: NodeResponse[] = [];
  for (const key of NESTED_KEYS) {
    const value = response[key];
    if (!Array.isArray(value)) continue;
    // loopDetail holds each iteration's node responses; servers have sent both flat and per-iteration lists.
    for (const item of value.flat()) if (isNodeResponse(item)) out.push(item);
  }
  return out;
}

function isNodeResponse(value: unknown): value is NodeResponse {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node responses of a run as a tree; nested runs become children. Anything that is not an object is skipped. */
export function buildTimeline(responses: readonly unknown[]): TimelineNode[] {
  return responses.filter(isNodeResponse).map((response, index) => ({
    response,
    key: `${response.id ?? response.nodeId ?? ''}-${index}`,
    children: buildTimeline(nestedOf(response)),
  }));
}

/**
 * Tokens a node used: input + output tokens, else the deprecated `tokens`, else the tool-calling model's
 * tokens, else the embedding tokens of a knowledge-base search; `undefined` when the node reports none.
 */
export function nodeTokens(response: NodeResponse): number | undefined {
  const { inputTokens, outputTokens } = response;
  if (isNumber(inputTokens) || isNumber(outputTokens)) return (inputTokens ?? 0) + (outputTokens ?? 0);
  if (isNumber(response.tokens)) return response.tokens;
  const { toolCallInputTokens, toolCallOutputTokens, embeddingTokens } = response;
  if (isNumber(toolCallInputTokens) || isNumber(toolCallOutputTokens))
    return (
      (isNumber(toolCallInputTokens) ? toolCallInputTokens : 0) +
      (isNumber(toolCallOutputTokens) ? toolCallOutputTokens : 0)
    );
  return isNumber(embeddingTokens) ? embeddingTokens : undefined;
}

/** The node's error text: `errorText`, else a string or `{ message }` `error`; `undefined` when it ran cleanly. */
export function nodeError(response: NodeResponse): string | undefined {
  if (typeof response.errorText === 'string' && response.errorText !== '') return response.errorText;
  const { error } = response;
  if (typeof error === 'string' && error !== '') return error;
  if (isNodeResponse(error) && typeof error.message === 'string' && error.message !== '')
    return error.message;
  return undefined;
}

// Untouched system nodes are named by an i18n key of FastGPT's own UI, e.g. `common:core.module.template.work_start`.
const I18N_KEY = /^[\w-]+:[\w.-]+$/;

/**
 * The name to show for a node: its `moduleName`, unless that is missing or an untranslated i18n key; then
 * `names[moduleType]`, else the module type itself.
 */
export function nodeName(response: NodeResponse, names: Readonly<Record<string, string>>): string {
  const name = response.moduleName?.trim();
  if (name && !I18N_KEY.test(name)) return name;
  return names[response.moduleType] ?? response.moduleType ?? '';
}

/** Totals of a run (see {@link TimelineTotals}). */
export function timelineTotals(nodes: readonly TimelineNode[], durationSeconds?: number): TimelineTotals {
  let seconds = 0;
  let tokens = 0;
  let points = 0;
  for (const { response } of nodes) {
    if (isNumber(response.runningTime)) seconds += response.runningTime;
    tokens += nodeTokens(response) ?? 0;
    if (isNumber(response.totalPoints)) points += response.totalPoints;
  }
  return {
    nodes: nodes.length,
    seconds: isNumber(durationSeconds) ? durationSeconds : seconds,
    tokens,
    points,
  };
}

const secondsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const tokensFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const smallPointsFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const pointsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Seconds with at most two decimals (`2.51`, `0`). */
export const formatSeconds = (seconds: number): string => secondsFormat.format(seconds);

/** A token count with digit grouping (`1,204`). */
export const formatTokens = (tokens: number): string => tokensFormat.format(tokens);

/** AI points: below 1 to three significant digits, so tiny costs such as `0.000255` stay readable; else two decimals. */
export const formatPoints = (points: number): string =>
  (Math.abs(points) < 1 ? smallPointsFormat : pointsFormat).format(points);
