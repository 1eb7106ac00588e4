'use client';
import type { Token, Tokens } from 'marked';
import { findSafeBoundaries } from './block-boundaries';
import { collectCitationIds, pendingCitationLength } from './citation-marker';
import { lexMarkdown, type MarkdownLexer, normalizeLabel } from './lex-markdown';

/** A link reference definition (`[label]: href "title"`). */
export interface LinkDefinition {
  /** The destination as written (character references not yet decoded, not yet checked). */
  href: string;
  /** The title, if any. */
  title: string | null;
}

/** One top-level slice of the document and its tokens. */
export interface MarkdownBlock {
  /** Stable id, unique within one stream; use it as the React key. The tail keeps the id it settles with. */
  readonly id: number;
  /** The block's source (line endings normalized to `\n`). */
  readonly raw: string;
  /** marked's tokens for `raw`. */
  readonly tokens: readonly Token[];
  /** True once no appended text can change the block: it was lexed for the last time. */
  readonly settled: boolean;
  /** 1-based number of each cited quote id by first appearance in the document, up to this block. */
  readonly citationOrder: ReadonlyMap<string, number>;
}

/** What the stream holds after an update; a new object only when something changed. */
export interface MarkdownSnapshot {
  /** Settled blocks, in order; the same array (and block objects) until a block settles. */
  readonly blocks: readonly MarkdownBlock[];
  /** The unsettled end of the text, re-lexed on every update; undefined when empty. */
  readonly tail: MarkdownBlock | undefined;
  /** All link reference definitions in the text (first one wins), keyed by normalized label. */
  readonly definitions: ReadonlyMap<string, LinkDefinition>;
  /** Whether the text is still growing (a cut-short citation marker at the end is held back). */
  readonly streaming: boolean;
}

/** Counters for tests and profiling: how much lexing the stream has done. */
export interface StreamingMarkdownStats {
  /** Lexer calls on the unsettled tail (at most two per update). */
  tailLexes: number;
  /** Lexer calls on settling blocks (exactly one per settled block). */
  settledLexes: number;
  /** Characters passed to the lexer, in total. */
  lexedCharacters: number;
}

/** Options of {@link createStreamingMarkdown}. */
export interface StreamingMarkdownOptions {
  /** The lexer to use (default {@link lexMarkdown}); inject a wrapper to count or trace parses. */
  lex?: MarkdownLexer;
}

/** Splits a growing markdown text into settled blocks (lexed once) and a tail (re-lexed per update). */
export interface StreamingMarkdown {
  /**
   * Feeds the whole text so far. Appends cost O(appended + tail); any other change starts over.
   * Returns the previous snapshot object when nothing changed.
   */
  update(text: string, streaming: boolean): MarkdownSnapshot;
  /** The latest snapshot. */
  readonly snapshot: MarkdownSnapshot;
  /** Lexing counters since creation. */
  readonly stats: Readonly<StreamingMarkdownStats>;
}

const EMPTY_DEFINITIONS: ReadonlyMap<string, LinkDefinition> = new Map();

function collectDefinitions(tokens: readonly Token[], into: Map<string, LinkDefinition>): void {
  for (const token of tokens) {
    if (token.type === 'def') {
      const def = token as Tokens.Def;
      const label = normalizeLabel(def.tag);
      if (!into.has(label)) into.set(label, { href: def.href, title: def.title || null });
    } else if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) collectDefinitions(item.tokens, into);
    } else if (token.type === 'blockquote') collectDefinitions((token as Tokens.Blockquote).tokens, into);
  }
}

function sameDefinitions(a: ReadonlyMap<string, LinkDefinition>, b: ReadonlyMap<string, LinkDefinition>) {
  if (a.size !== b.size) return false;
  for (const [label, def] of a) {
    const other = b.get(label);
    if (other === undefined || other.href !== def.href || other.title !== def.title) return false;
  }
  return true;
}

/**
 * Creates a streaming markdown splitter. Blocks before the last safe boundary are lexed exactly once
 * and keep their identity; only the tail is re-lexed as text arrives, so per-token cost stays flat.
 */
export function createStreamingMarkdown(options: StreamingMarkdownOptions = {}): StreamingMarkdown {
  const lex = options.lex ?? lexMarkdown;
  const stats: StreamingMarkdownStats = { tailLexes: 0, settledLexes: 0, lexedCharacters: 0 };

  let text = '';
  let afterCarriageReturn = false;
  let tail = '';
  let nextId = 0;
  let blocks: MarkdownBlock[] = [];
  let settledDefinitions: ReadonlyMap<string, LinkDefinition> = EMPTY_DEFINITIONS;
  let settledOrder = new Map<string, number>();
  let snapshot: MarkdownSnapshot = {
    blocks,
    tail: undefined,
    definitions: EMPTY_DEFINITIONS,
    streaming: false,
  };

  const run = (source: string, settled: boolean): Token[] => {
    if (settled) stats.settledLexes++;
    else stats.tailLexes++;
    stats.lexedCharacters += source.length;
    return lex(source);
  };

  const append = (chunk: string) => {
    let normalized = afterCarriageReturn && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    if (chunk !== '') afterCarriageReturn = chunk.endsWith('\r');
    normalized = normalized.replace(/\r\n?/g, '\n').replaceAll('\u0000', '\ufffd');
    tail += normalized;
  };

  const reset = () => {
    afterCarriageReturn = false;
    tail = '';
    blocks = [];
    settledDefinitions = EMPTY_DEFINITIONS;
    settledOrder = new Map();
  };

  const settle = (raw: string) => {
    const tokens = run(raw, true);
    const ids: string[] = [];
    collectCitationIds(tokens, ids);
    for (const id of ids) if (!settledOrder.has(id)) settledOrder.set(id, settledOrder.size + 1);
    const definitions = new Map(settledDefinitions);
    collectDefinitions(tokens, definitions);
    if (definitions.size !== settledDefinitions.size) settledDefinitions = definitions;
    return { id: nextId++, raw, tokens, settled: true, citationOrder: settledOrder };
  };

  const update = (next: string, streaming: boolean): MarkdownSnapshot => {
    if (next === text && streaming === snapshot.streaming) return snapshot;
    // A plain string comparison (memcmp), not a parse: callers usually pass the whole text each time.
    if (next.length >= text.length && next.startsWith(text)) append(next.slice(text.length));
    else {
      reset();
      append(next);
    }
    text = next;

    let visible = streaming ? tail.slice(0, tail.length - pendingCitationLength(tail)) : tail;
    let tokens = visible === '' ? [] : run(visible, false);
    const boundaries = findSafeBoundaries(visible, tokens);
    let settledSome = false;
    let start = 0;
    for (const boundary of boundaries) {
      if (!settledSome) blocks = blocks.slice();
      blocks.push(settle(visible.slice(start, boundary)));
      settledSome = true;
      start = boundary;
    }
    if (settledSome) {
      tail = tail.slice(start);
      visible = visible.slice(start);
      // Re-lex the rest alone so the tail's tokens never depend on where the previous update cut.
      tokens = visible === '' ? [] : run(visible, false);
    }

    let citationOrder: ReadonlyMap<string, number> = settledOrder;
    const tailIds: string[] = [];
    collectCitationIds(tokens, tailIds);
    for (const id of tailIds) {
      if (citationOrder.has(id)) continue;
      if (citationOrder === settledOrder) citationOrder = new Map(settledOrder);
      (citationOrder as Map<string, number>).set(id, citationOrder.size + 1);
    }

    let definitions = settledDefinitions;
    const tailDefinitions = new Map<string, LinkDefinition>();
    collectDefinitions(tokens, tailDefinitions);
    if (tailDefinitions.size > 0) {
      const merged = new Map(settledDefinitions);
      for (const [label, def] of tailDefinitions) if (!merged.has(label)) merged.set(label, def);
      definitions = merged;
    }
    // Keep the identity when nothing changed, so reference links in settled blocks do not re-render.
    if (sameDefinitions(definitions, snapshot.definitions)) definitions = snapshot.definitions;

    snapshot = {
      blocks,
      tail: visible === '' ? undefined : { id: nextId, raw: visible, tokens, settled: false, citationOrder },
      definitions,
      streaming,
    };
    return snapshot;
  };

  return {
    update,
    get snapshot() {
      return snapshot;
    },
    stats,
  };
}
