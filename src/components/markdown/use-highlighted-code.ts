'use client';
import { useEffect, useMemo, useState } from 'react';
import { loadedHighlighter, loadHighlighter, type SafeCodeLine } from './code-highlighter';
import type { MarkdownCodeBlockProps } from './markdown-types';

/**
 * The checked tokens of a code block, or undefined to show the code plain: without a highlighter or a
 * language, while the block still streams, until the highlighter has loaded (the block then renders once
 * more), and whenever highlighting fails. Custom `components.code` renderers pass their props in.
 */
export function useHighlightedCode({
  code,
  language,
  streaming,
  highlighter: loader,
}: Pick<MarkdownCodeBlockProps, 'code' | 'language' | 'streaming' | 'highlighter'>):
  | readonly SafeCodeLine[]
  | undefined {
  const wanted = loader !== undefined && language !== undefined && !streaming;
  const [, setLoaded] = useState(false);
  const highlight = wanted ? loadedHighlighter(loader) : undefined;

  useEffect(() => {
    if (!wanted || highlight) return;
    let mounted = true;
    loadHighlighter(loader).then((loaded) => {
      // Only a success changes what renders; a failure stays plain without another render.
      if (mounted && loaded) setLoaded(true);
    });
    return () => {
      mounted = false;
    };
  }, [wanted, highlight, loader]);

  return useMemo(
    () => (highlight && language !== undefined ? highlight(code, language) : undefined),
    [highlight, code, language],
  );
}
