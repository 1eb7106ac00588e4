'use client';
import type { ComponentType, ReactNode } from 'react';
import type { CodeHighlighterLoader } from './code-highlighter';
import type { MarkdownLabels } from './markdown-labels';

/** A quote a citation marker can point at; FastGPT's `QuoteItem` fits. */
export interface MarkdownCitationSource {
  /** The 24-hex quote id used in `[id](CITE)` markers. */
  id: string;
  /** File or source name shown to users. */
  sourceName?: string;
}

/** Props of a code block renderer (`components.code`). */
export interface MarkdownCodeBlockProps {
  /** The code, exactly as written. */
  code: string;
  /** The first word of the fence's info string, if any (only letters, digits and `+#.-_`). */
  language: string | undefined;
  /** True while the fence is still open in a streaming reply; highlighters may wait for the end. */
  streaming: boolean;
  /** The renderer's labels. */
  labels: MarkdownLabels;
  /** The `<Markdown>`'s highlighter loader, if any; pass the props to `useHighlightedCode` to use it. */
  highlighter?: CodeHighlighterLoader;
}

/** Props of a link renderer. */
export interface MarkdownLinkProps {
  /** The checked URL, or undefined when its protocol is not allowed (render the text without a link). */
  href: string | undefined;
  /** The link title, if any. */
  title: string | undefined;
  /** The rendered link text. */
  children: ReactNode;
}

/** Props of an image renderer. */
export interface MarkdownImageProps {
  /** The checked URL, or undefined when its protocol is not allowed (render the alt text instead). */
  src: string | undefined;
  /** Plain-text alternative text. */
  alt: string;
  /** The image title, if any. */
  title: string | undefined;
}

/** Props of a citation chip renderer. */
export interface MarkdownCitationProps {
  /** The cited quote id (lower case). */
  quoteId: string;
  /** The chip's number: its position in `citations`, else its order of first appearance. */
  number: number;
  /** The quote from `citations`, when known. */
  source: MarkdownCitationSource | undefined;
  /** Accessible name, e.g. `Citation 1: manual.pdf`. */
  label: string;
  /** Calls `onCitationClick(quoteId)`. */
  onClick: () => void;
}

/** Renderers that replace the built-in ones; keep their identities stable to keep settled blocks memoized. */
export interface MarkdownComponents {
  /** Fenced and indented code blocks. */
  code?: ComponentType<MarkdownCodeBlockProps>;
  /** Links (not citation markers). */
  link?: ComponentType<MarkdownLinkProps>;
  /** Images. */
  image?: ComponentType<MarkdownImageProps>;
  /** Citation chips. */
  citation?: ComponentType<MarkdownCitationProps>;
}
