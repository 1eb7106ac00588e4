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

/** A token whose colour passed the kit's colour check (`safeTokenColor`). */
export interface SafeCodeToken {
  /** The text. */
  content: string;
  /** A checked colour, or undefined. */
  color: string | undefined;
  /** Space-separated font styles, or undefined. */
  fontStyle: string | undefined;
}

/** Every font style a token may carry, in shiki's bit order. */
export const CODE_FONT_STYLES: readonly CodeFontStyle[] = ['italic', 'bold', 'underline', 'strikethrough'];

/**
 * Shiki's `fontStyle` bit flags (1 italic, 2 bold, 4 underline, 8 strikethrough) as {@link CodeFontStyle}s.
 */
export function fontStylesFromFlags(flags: number | undefined): CodeFontStyle[] | undefined {
  if (!flags || flags < 0) return undefined;
  const styles = CODE_FONT_STYLES.filter((_, bit) => flags & (1 << bit));
  return styles.length > 0 ? styles : undefined;
}

/** A loaded highlighter wrapped in the checks: lines of safe tokens, or undefined to show the code plain. */
export type CheckedHighlight = (code: string, language: string) => SafeCodeLine[] | undefined;

interface LoaderState {
  promise: Promise<CheckedHighlight | undefined>;
  highlight: CheckedHighlight | undefined;
  warned: boolean;
}

// Per loader, so each loader runs once however many code blocks and markdown trees use it.
const loaders = new WeakMap<CodeHighlighterLoader, LoaderState>();

function warnOnce(state: LoaderState, message: string, error: unknown): void {
  if (state.warned) return;
  state.warned = true;
  console.warn(`fastgpt-react: ${message}; code blocks are shown without highlighting.`, error);
}

/** The checked highlighter when `loader` has already resolved, without starting a load. */
export function loadedHighlighter(loader: CodeHighlighterLoader): CheckedHighlight | undefined {
  return loaders.get(loader)?.highlight;
}

/**
 * Runs `loader` once (with the kit's token checks, which load on demand too) and caches its promise;
 * resolves to undefined (after one warning) when it fails.
 */
export function loadHighlighter(loader: CodeHighlighterLoader): Promise<CheckedHighlight | undefined> {
  const known = loaders.get(loader);
  if (known) return known.promise;
  const state: LoaderState = { promise: Promise.resolve(undefined), highlight: undefined, warned: false };
  loaders.set(loader, state);
  state.promise = (async () => {
    try {
      const [highlighter, { highlightCode }] = await Promise.all([
        loader(),
        import('./highlight-check.lazy'),
      ]);
      if (typeof highlighter?.highlight !== 'function') throw new TypeError('the loader gave no highlight()');
      const highlight: CheckedHighlight = (code, language) =>
        highlightCode(highlighter, code, language, (error) =>
          warnOnce(state, `highlighting "${language}" failed`, error),
        );
      state.highlight = highlight;
      return highlight;
    } catch (error) {
      warnOnce(state, 'the code highlighter failed to load', error);
      return undefined;
    }
  })();
  return state.promise;
}
