'use client';
import { type ComponentPropsWithoutRef, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { CodeHighlighterLoader } from './code-highlighter';
import type { MarkdownLexer } from './lex-markdown';
import { MarkdownBlocksView } from './markdown-block-view';
import {
  CitationContext,
  type CitationContextValue,
  CodeHighlighterContext,
  DefinitionsContext,
  defaultRenderOptions,
  type RenderOptions,
  RenderOptionsContext,
} from './markdown-context';
import { defaultMarkdownLabels, type MarkdownLabels } from './markdown-labels';
import type { MarkdownCitationSource, MarkdownComponents } from './markdown-types';
import { useMarkdownBlocks } from './use-markdown-blocks';

/** Props of {@link Markdown}; other props go to the wrapping `div`. */
export interface MarkdownProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The markdown text; while streaming, pass the whole text so far (appends are cheap). */
  text: string;
  /** True while the text is still growing: only the tail re-parses, and open fences show as code. */
  streaming?: boolean;
  /** The FastGPT origin; relative link and image URLs are resolved against it. */
  baseUrl?: string;
  /** The reply's quote list; chips are numbered by position in it and show its source names. */
  citations?: readonly MarkdownCitationSource[];
  /** Called with the quote id when a citation chip is pressed. */
  onCitationClick?: (quoteId: string) => void;
  /** Renderers replacing the built-in code block, link, image and citation chip. */
  components?: MarkdownComponents;
  /** Strings, English by default. */
  labels?: Partial<MarkdownLabels>;
  /**
   * Loads a syntax highlighter for code blocks (see `CodeHighlighterLoader`), called only once a settled
   * code block with a language shows; keep it stable. Defaults to the enclosing `ChatWindow.Root`'s.
   */
  highlighter?: CodeHighlighterLoader;
  /** The lexer, read once on mount (default `lexMarkdown`); inject one to count parses. */
  lex?: MarkdownLexer;
}

/**
 * Renders GFM markdown from a FastGPT reply as React elements: never HTML strings, raw HTML as text,
 * link and image URLs checked by protocol, `[id](CITE)` markers as citation chips. While `streaming`,
 * settled blocks are parsed once and not re-rendered; only the tail block re-parses.
 *
 * @example
 * <Markdown text={message.text} streaming={message.status === 'streaming'} baseUrl="https://fastgpt.example.com"
 *   citations={message.citations} onCitationClick={openQuote} />
 */
export function Markdown({
  text,
  streaming = false,
  baseUrl,
  citations,
  onCitationClick,
  components,
  labels,
  lex,
  highlighter,
  className,
  ...rest
}: MarkdownProps) {
  const inheritedHighlighter = useContext(CodeHighlighterContext);
  const loader = highlighter ?? inheritedHighlighter;
  const snapshot = useMarkdownBlocks(text, { streaming, lex });

  const { code, link, image, citation } = components ?? {};
  // Keyed on values rather than object identity, so inline `components={{ … }}` and `labels={{ … }}`
  // literals do not re-render every settled block on each token.
  const labelKey = labels ? JSON.stringify(labels) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels are compared by value through labelKey.
  const options = useMemo<RenderOptions>(
    () => ({
      code: code ?? defaultRenderOptions.code,
      link: link ?? defaultRenderOptions.link,
      image: image ?? defaultRenderOptions.image,
      citation: citation ?? defaultRenderOptions.citation,
      labels: labels ? { ...defaultMarkdownLabels, ...labels } : defaultMarkdownLabels,
      baseUrl,
      highlighter: loader,
    }),
    [code, link, image, citation, labelKey, baseUrl, loader],
  );

  const onCitationClickRef = useRef(onCitationClick);
  useEffect(() => {
    onCitationClickRef.current = onCitationClick;
  });
  const onClick = useCallback((quoteId: string) => onCitationClickRef.current?.(quoteId), []);
  const citationValue = useMemo<CitationContextValue>(
    () => ({
      citations,
      indexOf: new Map(
        citations?.map((source, index) => [source.id.toLowerCase(), index] as const).reverse(),
      ),
      onClick,
    }),
    [citations, onClick],
  );

  return (
    <RenderOptionsContext.Provider value={options}>
      <DefinitionsContext.Provider value={snapshot.definitions}>
        <CitationContext.Provider value={citationValue}>
          <div
            className={className ? `fgk-markdown ${className}` : 'fgk-markdown'}
            data-streaming={streaming ? '' : undefined}
            {...rest}
          >
            <MarkdownBlocksView blocks={snapshot.blocks} tail={snapshot.tail} open={snapshot.streaming} />
          </div>
        </CitationContext.Provider>
      </DefinitionsContext.Provider>
    </RenderOptionsContext.Provider>
  );
}
