'use client';
import { type ReactNode, useId, useMemo, useState } from 'react';
import type { NodeResponse } from '../../client/types';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';
import {
  buildTimeline,
  formatPoints,
  formatSeconds,
  formatTokens,
  nodeError,
  nodeName,
  nodeTokens,
  type TimelineNode,
  timelineTotals,
} from './run-timeline-model';

/** Props of {@link RunTimeline}. */
export interface RunTimelineProps {
  /** The run's node responses in run order; `undefined` while they are not loaded (stored replies). */
  responses: readonly NodeResponse[] | undefined;
  /** How long the whole run took, in seconds, when FastGPT reported it. */
  durationSeconds?: number;
  /** The responses are loading. */
  loading?: boolean;
  /** Why loading the responses failed. */
  error?: Error | null;
  /** Loads the responses again after a failure; without it no retry button shows. */
  onRetry?: () => void;
  /** Called when the user opens or closes the timeline (stored replies load their responses on open). */
  onOpenChange?: (open: boolean) => void;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

function summaryText(
  nodes: readonly TimelineNode[] | undefined,
  durationSeconds: number | undefined,
  strings: ChatWindowStrings,
): string {
  const seconds = (value: number) => formatLabel(strings.runSeconds, { value: formatSeconds(value) });
  if (nodes === undefined || nodes.length === 0) {
    return durationSeconds === undefined
      ? strings.runDetails
      : `${strings.runDetails} · ${seconds(durationSeconds)}`;
  }
  const totals = timelineTotals(nodes, durationSeconds);
  const time = seconds(totals.seconds);
  const parts = [
    totals.nodes === 1
      ? formatLabel(strings.runSummaryOne, { time })
      : formatLabel(strings.runSummary, { count: totals.nodes, time }),
  ];
  if (totals.tokens > 0) parts.push(formatLabel(strings.runTokens, { count: formatTokens(totals.tokens) }));
  if (totals.points > 0) parts.push(formatLabel(strings.runPoints, { count: formatPoints(totals.points) }));
  return parts.join(' · ');
}

function TimelineRow({ node, strings }: { node: TimelineNode; strings: ChatWindowStrings }) {
  const { response, children } = node;
  const error = nodeError(response);
  const tokens = nodeTokens(response);
  const { runningTime, totalPoints } = response;
  return (
    <li
      className="fgk-run-node"
      data-slot="chat-window-run-node"
      data-error={error === undefined ? undefined : ''}
    >
      <div className="fgk-run-node-row">
        <span className="fgk-run-node-name">{nodeName(response, strings.runNodeNames)}</span>
        <span className="fgk-run-node-metrics">
          {typeof runningTime === 'number' && (
            <span>{formatLabel(strings.runSeconds, { value: formatSeconds(runningTime) })}</span>
          )}
          {tokens !== undefined && tokens > 0 && (
            <span>{formatLabel(strings.runTokens, { count: formatTokens(tokens) })}</span>
          )}
          {typeof totalPoints === 'number' && totalPoints > 0 && (
            <span>{formatLabel(strings.runPoints, { count: formatPoints(totalPoints) })}</span>
          )}
        </span>
      </div>
      {error !== undefined && (
        <p className="fgk-run-node-error">{formatLabel(strings.runNodeError, { message: error })}</p>
      )}
      {children.length > 0 && (
        <ol className="fgk-run-nodes" data-nested="">
          {children.map((child) => (
            <TimelineRow key={child.key} node={child} strings={strings} />
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * What the workflow did for a reply, under it: a collapsed toggle summing up the run ("Ran 3 nodes in 2.5 s ·
 * 530 tokens · 0.02 points"); opened, one row per node in run order with its running time, tokens, AI points
 * and error, with tool calls, child apps and loop iterations indented under their node.
 */
export function RunTimeline({
  responses,
  durationSeconds,
  loading = false,
  error = null,
  onOpenChange,
  onRetry,
  strings,
}: RunTimelineProps) {
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const nodes = useMemo(() => (responses ? buildTimeline(responses) : undefined), [responses]);
  const failed = nodes?.some(function hasError(node): boolean {
    return nodeError(node.response) !== undefined || node.children.some(hasError);
  });

  let body: ReactNode = null;
  if (nodes && nodes.length > 0) {
    body = (
      <ol className="fgk-run-nodes" aria-label={strings.runNodesLabel}>
        {nodes.map((node) => (
          <TimelineRow key={node.key} node={node} strings={strings} />
        ))}
      </ol>
    );
  } else if (loading) {
    body = <p className="fgk-run-status">{strings.runLoading}</p>;
  } else if (error) {
    body = (
      <div className="fgk-run-status" data-error="">
        <p>{formatLabel(strings.runLoadFailed, { message: error.message })}</p>
        {onRetry && (
          <button type="button" className="fgk-button" onClick={onRetry}>
            {strings.retry}
          </button>
        )}
      </div>
    );
  } else if (nodes) {
    body = <p className="fgk-run-status">{strings.runEmpty}</p>;
  }

  return (
    <div
      className="fgk-run-timeline"
      data-slot="chat-window-run-timeline"
      data-state={open ? 'open' : 'closed'}
      data-error={failed ? '' : undefined}
    >
      <button
        type="button"
        className="fgk-details-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => {
          setOpen(!open);
          onOpenChange?.(!open);
        }}
      >
        <span className="fgk-details-chevron" aria-hidden="true" />
        {summaryText(nodes, durationSeconds, strings)}
      </button>
      <div id={bodyId} className="fgk-run-body" hidden={!open} aria-busy={loading || undefined}>
        {body}
      </div>
    </div>
  );
}
