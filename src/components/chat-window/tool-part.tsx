'use client';
import { useMemo } from 'react';
import type { ToolPart } from '../../core/chat-message';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel, sanitizeUrl } from '../markdown';

/** Props of {@link ToolPartView}. */
export interface ToolPartViewProps {
  /** The tool call. */
  part: ToolPart;
  /** The FastGPT origin the tool's avatar path resolves against. */
  baseUrl: string | undefined;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

/** JSON text pretty-printed; anything else (including JSON still arriving) unchanged. */
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A tool the agent called, as a card: avatar, name, state, then its parameters and response when expanded. */
export function ToolPartView({ part, baseUrl, strings }: ToolPartViewProps) {
  const running = part.state === 'running';
  // Params arrive in fragments: parsing them before the call is done would fail (and throw) every frame.
  const params = useMemo(() => (running ? part.params : prettyJson(part.params)), [running, part.params]);
  const response = useMemo(() => prettyJson(part.response), [part.response]);
  const avatar = part.avatar ? sanitizeUrl(part.avatar, 'image', baseUrl) : undefined;
  const name = part.name || part.functionName;
  return (
    <details
      className="fgk-tool"
      data-slot="chat-window-tool"
      data-state={part.state}
      aria-label={formatLabel(strings.tool, { name })}
    >
      <summary className="fgk-tool-summary">
        {avatar && (
          <img
            className="fgk-tool-avatar"
            src={avatar}
            alt=""
            width={20}
            height={20}
            // A missing avatar (often a path on a FastGPT the page cannot reach) is hidden, not shown broken.
            onError={(event) => {
              event.currentTarget.hidden = true;
            }}
          />
        )}
        <span className="fgk-tool-name">{name}</span>
        <span className="fgk-tool-state">
          {running && <span className="fgk-spinner" aria-hidden="true" />}
          {running ? strings.toolRunning : strings.toolDone}
        </span>
      </summary>
      {part.params !== '' && (
        <div className="fgk-tool-section">
          <div className="fgk-tool-label">{strings.toolParams}</div>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable, so keyboard users must reach it. */}
          <pre className="fgk-tool-code" tabIndex={0}>
            <code>{params}</code>
          </pre>
        </div>
      )}
      {part.response !== '' && (
        <div className="fgk-tool-section">
          <div className="fgk-tool-label">{strings.toolResponse}</div>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable, so keyboard users must reach it. */}
          <pre className="fgk-tool-code" tabIndex={0}>
            <code>{response}</code>
          </pre>
        </div>
      )}
    </details>
  );
}
