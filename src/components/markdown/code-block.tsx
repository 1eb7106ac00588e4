'use client';
import { useEffect, useRef, useState } from 'react';
import { formatLabel } from './markdown-labels';
import type { MarkdownCodeBlockProps } from './markdown-types';

const COPIED_MS = 2_000;

/**
 * The built-in code block: a header with the language and a copy button, then the code. Highlighters
 * can wrap or replace it through `components.code`.
 */
export function CodeBlock({ code, language, streaming, labels }: MarkdownCodeBlockProps) {
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
      <pre className="fgk-code-block-pre">
        <code className={language ? `language-${language}` : undefined}>{code}</code>
      </pre>
    </figure>
  );
}
