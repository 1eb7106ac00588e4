'use client';

/** A font style of a highlighted token. */
export type CodeFontStyle = 'italic' | 'bold' | 'underline' | 'strikethrough';

/** One highlighted run of code. */
export interface CodeToken {
  /** The text, exactly as in the code: a line's tokens concatenate to the line. */
  content: string;
  /**
   * The text colour: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`/`hsl()`/`hsla()` with numbers
   * only, or a CSS variable (`var(--name)` or `--name`). Anything else is dropped.
   */
  color?: string;
  /** Font style, or several (shiki's `fontStyle` bit flags map through {@link fontStylesFromFlags}). */
  fontStyle?: CodeFontStyle | readonly CodeFontStyle[];
}

/** The tokens of one line, without its line break. */
export type CodeTokenLine = readonly CodeToken[];

/**
 * Turns code into lines of tokens. Called once per settled code block that has a language. It may throw
 * (e.g. for a language it does not know); the block then shows plain code. Tokens whose text does not
 * add up to the code are ignored too, so a highlighter can never lose or change the user's code.
 */
export interface CodeHighlighter {
  /** Splits `code` (no trailing newline) into lines of tokens; `language` is the fence's first word. */
  highlight(code: string, language: string): readonly CodeTokenLine[];
}

/**
 * Loads a {@link CodeHighlighter}, typically with a dynamic `import()`, so the highlighter stays out of the
 * initial bundle. It is called when the first settled code block with a language mounts, at most once
 * (keep the function's identity stable: define it at module level). If it rejects, code stays plain and
 * one warning is logged.
 *
 * The built-in code block is dark in both colour schemes, so a dark theme suits both; for themes that
 * follow the scheme, return `var(--name)` colours (shiki's `css-variables` theme) and define the variables
 * with `light-dark()`.
 *
 * @example
 * // highlighter.ts in your app (shiki is your dependency, not the kit's)
 * import { type CodeHighlighterLoader, fontStylesFromFlags } from 'fastgpt-react';
 *
 * export const loadHighlighter: CodeHighlighterLoader = async () => {
 *   const { createHighlighter } = await import('shiki');
 *   const shiki = await createHighlighter({ themes: ['github-dark'], langs: ['ts', 'tsx', 'python', 'bash', 'json'] });
 *   return {
 *     highlight: (code, lang) =>
 *       shiki.codeToTokensBase(code, { lang, theme: 'github-dark' }).map((line) =>
 *         line.map(({ content, color, fontStyle }) => ({ content, color, fontStyle: fontStylesFromFlags(fontStyle) })),
 *       ),
 *   };
 * };
 *
 * // <ChatWindow highlighter={loadHighlighter} />
 */
export type CodeHighlighterLoader = () => Promise<CodeHighlighter>;

/** One line of checked tokens, ready to render. */
export type SafeCodeLine = readonly SafeCodeToken[];

/** A token whose colour passed {@link safeTokenColor}. */
export interface SafeCodeToken {
  /** The text. */
  content: string;
  /** A checked colour, or undefined. */
  color: string | undefined;
  /** Space-separated font styles, or undefined. */
  fontStyle: string | undefined;
}

const FONT_STYLES: readonly CodeFontStyle[] = ['italic', 'bold', 'underline', 'strikethrough'];

/**
 * Shiki's `fontStyle` bit flags (1 italic, 2 bold, 4 underline, 8 strikethrough) as {@link CodeFontStyle}s.
 */
export function fontStylesFromFlags(flags: number | undefined): CodeFontStyle[] | undefined {
  if (!flags || flags < 0) return undefined;
  const styles = FONT_STYLES.filter((_, bit) => flags & (1 << bit));
  return styles.length > 0 ? styles : undefined;
}

const HEX = /^#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i;
const NUMBER = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:%|deg)?';
const COLOR_FUNCTION = new RegExp(
  `^(?:rgb|hsl)a?\\(\\s*${NUMBER}(?:\\s*[,/]?\\s*${NUMBER}){2,3}\\s*\\)$`,
  'i',
);
const VARIABLE = /^(?:--[\w-]+|var\(\s*--[\w-]+\s*\))$/;

/**
 * The colour when it is a plain colour value (see {@link CodeToken.color}), else undefined. CSS variable
 * names come back wrapped in `var()`.
 */
export function safeTokenColor(color: unknown): string | undefined {
  if (typeof color !== 'string') return undefined;
  const value = color.trim();
  if (value.length > 64) return undefined;
  if (HEX.test(value) || COLOR_FUNCTION.test(value)) return value;
  if (VARIABLE.test(value)) return value.startsWith('--') ? `var(${value})` : value;
  return undefined;
}

function safeFontStyle(style: unknown): string | undefined {
  const list = Array.isArray(style) ? style : [style];
  const kept = FONT_STYLES.filter((name) => list.includes(name));
  return kept.length > 0 ? kept.join(' ') : undefined;
}

interface LoaderState {
  promise: Promise<CodeHighlighter | undefined>;
  highlighter: CodeHighlighter | undefined;
  warned: boolean;
}

// Per loader, so each loader runs once however many code blocks and markdown trees use it.
const loaders = new WeakMap<CodeHighlighterLoader, LoaderState>();

function warnOnce(state: LoaderState, message: string, error: unknown): void {
  if (state.warned) return;
  state.warned = true;
  console.warn(`fastgpt-react: ${message}; code blocks are shown without highlighting.`, error);
}

/** The highlighter when `loader` has already resolved, without starting a load. */
export function loadedHighlighter(loader: CodeHighlighterLoader): CodeHighlighter | undefined {
  return loaders.get(loader)?.highlighter;
}

/** Runs `loader` once and caches its promise; resolves to undefined (after one warning) when it fails. */
export function loadHighlighter(loader: CodeHighlighterLoader): Promise<CodeHighlighter | undefined> {
  const known = loaders.get(loader);
  if (known) return known.promise;
  const state: LoaderState = { promise: Promise.resolve(undefined), highlighter: undefined, warned: false };
  loaders.set(loader, state);
  state.promise = (async () => {
    try {
      const highlighter = await loader();
      if (typeof highlighter?.highlight !== 'function') throw new TypeError('the loader gave no highlight()');
      state.highlighter = highlighter;
      return highlighter;
    } catch (error) {
      warnOnce(state, 'the code highlighter failed to load', error);
      return undefined;
    }
  })();
  return state.promise;
}

/**
 * Highlights `code` into checked tokens, or returns undefined to show it plain: when the highlighter throws,
 * returns something else than lines of tokens, or tokens whose text differs from the code.
 */
export function highlightCode(
  loader: CodeHighlighterLoader,
  highlighter: CodeHighlighter,
  code: string,
  language: string,
): SafeCodeLine[] | undefined {
  let lines: unknown;
  try {
    lines = highlighter.highlight(code, language);
  } catch (error) {
    const state = loaders.get(loader);
    if (state) warnOnce(state, `highlighting "${language}" failed`, error);
    return undefined;
  }
  if (!Array.isArray(lines)) return undefined;
  const safe: SafeCodeLine[] = [];
  const text: string[] = [];
  for (const line of lines) {
    if (!Array.isArray(line)) return undefined;
    const tokens: SafeCodeToken[] = [];
    for (const token of line as unknown[]) {
      const content = (token as CodeToken | null)?.content;
      if (typeof content !== 'string') return undefined;
      const { color, fontStyle } = token as CodeToken;
      tokens.push({ content, color: safeTokenColor(color), fontStyle: safeFontStyle(fontStyle) });
      text.push(content);
    }
    safe.push(tokens);
    text.push('\n');
  }
  text.pop();
  return text.join('') === code ? safe : undefined;
}
