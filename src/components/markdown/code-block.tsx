'use client';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { SafeCodeLine } from './code-highlighter';
import { formatLabel } from './markdown-labels';
import type { MarkdownCodeBlockProps } from './markdown-types';
import { useHighlightedCode } from './use-highlighted-code';

const COPIED_MS = 2_000;

/** Checked tokens as React spans with text children; plain runs stay bare text. */
function renderTokens(lines: readonly SafeCodeLine[]): ReactNode[] {
  const nodes: ReactNode[] = [];
  lines.forEach((line, lineIndex) => {
    if (lineIndex > 0) nodes.push('\n');
    line.forEach((token, tokenIndex) => {
      if (token.color === undefined && token.fontStyle === undefined) nodes.push(token.content);
      else {
        nodes.push(
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: tokens of a settled block never reorder.
            key={`${lineIndex}:${tokenIndex}`}
            className="fgk-code-token"
            style={token.color === undefined ? undefined : { color: token.color }}
            data-font-style={token.fontStyle}
          >
            {token.content}
          </span>,
        );
      }
    });
  });
  return nodes;
}

/**
 * The built-in code block: a header with the language and a copy button, then the code, highlighted once
 * settled when the enclosing `<Markdown>` has a `highlighter`. Custom renderers can replace it through
 * `components.code` (and highlight with `useHighlightedCode(props)`).
 */
export function CodeBlock({ code, language, streaming, labels, highlighter }: MarkdownCodeBlockProps) {
  const lines = useHighlightedCode({ code, language, streaming, highlighter });
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(code);
  latest.current = code;

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(latest.current);
    } catch {
      return;
    }
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), COPIED_MS);
  };

  const name = language
    ? formatLabel(labels.codeBlock, { language })
    : formatLabel(labels.codeBlockPlain, { language: '' });
  return (
    <figure
      className="fgk-code-block"
      aria-label={name}
      data-language={language ?? ''}
      data-streaming={streaming ? '' : undefined}
      data-highlighted={lines ? '' : undefined}
    >
      <div className="fgk-code-block-header">
        <span className="fgk-code-block-language">{language}</span>
        <button
          type="button"
          className="fgk-code-block-copy"
          data-state={copied ? 'copied' : 'idle'}
          aria-label={copied ? labels.copied : labels.copyCode}
          onClick={copy}
        >
          {copied ? labels.copied : labels.copy}
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll a long line. */}
      <pre className="fgk-code-block-pre" tabIndex={0}>
        <code className={language ? `language-${language}` : undefined}>
          {lines ? renderTokens(lines) : code}
        </code>
      </pre>
    </figure>
  );
}
