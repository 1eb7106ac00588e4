'use client';
import { type ComponentType, createContext } from 'react';
import { CodeBlock } from './code-block';
import type { CodeHighlighterLoader } from './code-highlighter';
import { CitationChip, MarkdownImage, MarkdownLink } from './default-renderers';
import { defaultMarkdownLabels, type MarkdownLabels } from './markdown-labels';
import type {
  MarkdownCitationProps,
  MarkdownCitationSource,
  MarkdownCodeBlockProps,
  MarkdownImageProps,
  MarkdownLinkProps,
} from './markdown-types';
import type { LinkDefinition } from './streaming-markdown';

/** Everything block rendering reads; one object, stable while the props it comes from are. */
export interface RenderOptions {
  code: ComponentType<MarkdownCodeBlockProps>;
  link: ComponentType<MarkdownLinkProps>;
  image: ComponentType<MarkdownImageProps>;
  citation: ComponentType<MarkdownCitationProps>;
  labels: MarkdownLabels;
  baseUrl: string | undefined;
  /** Loads the code highlighter; undefined shows code plain. */
  highlighter: CodeHighlighterLoader | undefined;
}

/** Defaults of {@link RenderOptions}. */
export const defaultRenderOptions: RenderOptions = {
  code: CodeBlock,
  link: MarkdownLink,
  image: MarkdownImage,
  citation: CitationChip,
  labels: defaultMarkdownLabels,
  baseUrl: undefined,
  highlighter: undefined,
};

/** Render options of the enclosing `<Markdown>`. */
export const RenderOptionsContext = createContext<RenderOptions>(defaultRenderOptions);

/** Link reference definitions of the whole document; read only by reference-style links. */
export const DefinitionsContext = createContext<ReadonlyMap<string, LinkDefinition>>(new Map());

/** The quote list and click handler; read only by citation chips. */
export interface CitationContextValue {
  citations: readonly MarkdownCitationSource[] | undefined;
  /** Quote id (lower case) → index in `citations`. */
  indexOf: ReadonlyMap<string, number>;
  onClick: (quoteId: string) => void;
}

/** Citation settings of the enclosing `<Markdown>`. */
export const CitationContext = createContext<CitationContextValue>({
  citations: undefined,
  indexOf: new Map(),
  onClick: () => {},
});

/**
 * The code highlighter loader for every `<Markdown>` inside that has no `highlighter` prop of its own;
 * `ChatWindow.Root` provides its `highlighter` prop through it.
 */
export const CodeHighlighterContext = createContext<CodeHighlighterLoader | undefined>(undefined);
