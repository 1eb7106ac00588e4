'use client';
import { Lexer, type Token } from 'marked';

/** A function that turns markdown source into marked tokens; injectable so tests can count parses. */
export type MarkdownLexer = (source: string) => Token[];

/**
 * Prefix of the placeholder href that {@link lexMarkdown} gives every reference-style link. The label
 * follows it; renderers resolve it against the document's definitions at render time.
 */
export const REFERENCE_HREF_PREFIX = '\u0000ref:';

/** Normalizes a link label the way marked and CommonMark compare them (trim, collapse space, case-fold). */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase();
}

const placeholder = (label: string) => ({ href: `${REFERENCE_HREF_PREFIX}${label}`, title: null });

// Every label "exists" while lexing, so a block's tokens never depend on definitions elsewhere in the
// document: a settled block can be lexed once, and a definition that streams in later still applies.
const anyLabel = new Proxy(Object.create(null) as Record<string, unknown>, {
  get: (_target, key) => (typeof key === 'string' ? placeholder(key) : undefined),
  getOwnPropertyDescriptor: (_target, key) =>
    typeof key === 'string'
      ? { value: placeholder(key), writable: true, enumerable: true, configurable: true }
      : undefined,
  has: (_target, key) => typeof key === 'string',
  set: () => true,
});

function fallbackTokens(source: string): Token[] {
  return [
    { type: 'paragraph', raw: source, text: source, tokens: [{ type: 'text', raw: source, text: source }] },
  ];
}

/**
 * Lexes GFM markdown with marked's lexer (never its HTML renderer). Reference-style links come back as
 * links whose href starts with {@link REFERENCE_HREF_PREFIX}. The caller normalizes line endings.
 */
export const lexMarkdown: MarkdownLexer = (source) => {
  const lexer = new Lexer({ gfm: true, breaks: false, pedantic: false });
  lexer.tokens.links = anyLabel as typeof lexer.tokens.links;
  try {
    return lexer.lex(source);
  } catch {
    // marked throws on input it cannot make progress on; showing the text beats losing the reply.
    return fallbackTokens(source);
  }
};
