'use client';
import { useState } from 'react';
import type { MarkdownLexer } from './lex-markdown';
import { createStreamingMarkdown, type MarkdownSnapshot } from './streaming-markdown';

/** Options of {@link useMarkdownBlocks}. */
export interface UseMarkdownBlocksOptions {
  /** Whether `text` is still growing (default false). */
  streaming?: boolean;
  /** The lexer, read once on mount (default `lexMarkdown`); inject one to count parses. */
  lex?: MarkdownLexer;
}

/**
 * Splits a growing markdown text into settled blocks and a tail, per component instance. Settled
 * blocks keep their identity across renders, so memoized block components skip them.
 */
export function useMarkdownBlocks(text: string, options: UseMarkdownBlocksOptions = {}): MarkdownSnapshot {
  const [stream] = useState(() => createStreamingMarkdown({ lex: options.lex }));
  // Idempotent for the same input, so StrictMode's double render and re-renders cost nothing.
  return stream.update(text, options.streaming ?? false);
}
