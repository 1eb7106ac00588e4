'use client';
// The markdown renderer: a small GFM renderer over marked's lexer, built for streaming replies.
export { CodeBlock } from './code-block';
export { CitationChip, MarkdownImage, MarkdownLink } from './default-renderers';
export { lexMarkdown, type MarkdownLexer } from './lex-markdown';
export { Markdown, type MarkdownProps } from './markdown';
export { MarkdownBlockView, type MarkdownBlockViewProps } from './markdown-block-view';
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
export { type UseMarkdownBlocksOptions, useMarkdownBlocks } from './use-markdown-blocks';
