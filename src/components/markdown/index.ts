'use client';
// The markdown renderer: a small GFM renderer over marked's lexer, built for streaming replies.
export { CodeBlock } from './code-block';
export {
  type CodeFontStyle,
  type CodeHighlighter,
  type CodeHighlighterLoader,
  type CodeToken,
  type CodeTokenLine,
  fontStylesFromFlags,
  type SafeCodeLine,
  type SafeCodeToken,
} from './code-highlighter';
export { CitationChip, MarkdownImage, MarkdownLink } from './default-renderers';
export { safeTokenColor } from './highlight-check.lazy';
export { lexMarkdown, type MarkdownLexer } from './lex-markdown';
export { Markdown, type MarkdownProps } from './markdown';
export { MarkdownBlockView, type MarkdownBlockViewProps } from './markdown-block-view';
export { CodeHighlighterContext } from './markdown-context';
export { defaultMarkdownLabels, formatLabel, type MarkdownLabels } from './markdown-labels';
export type {
  MarkdownCitationProps,
  MarkdownCitationSource,
  MarkdownCodeBlockProps,
  MarkdownComponents,
  MarkdownImageProps,
  MarkdownLinkProps,
} from './markdown-types';
export { sanitizeUrl, type UrlKind } from './sanitize-url';
export {
  createStreamingMarkdown,
  type LinkDefinition,
  type MarkdownBlock,
  type MarkdownSnapshot,
  type StreamingMarkdown,
  type StreamingMarkdownOptions,
  type StreamingMarkdownStats,
} from './streaming-markdown';
export { useHighlightedCode } from './use-highlighted-code';
export { type UseMarkdownBlocksOptions, useMarkdownBlocks } from './use-markdown-blocks';
