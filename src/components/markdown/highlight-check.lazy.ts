'use client';
// The checks on a highlighter's output, loaded with the highlighter itself (see code-highlighter.ts).
import {
  CODE_FONT_STYLES,
  type CodeHighlighter,
  type CodeToken,
  type SafeCodeLine,
  type SafeCodeToken,
} from './code-highlighter';

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
  const kept = CODE_FONT_STYLES.filter((name) => list.includes(name));
  return kept.length > 0 ? kept.join(' ') : undefined;
}

/**
 * Highlights `code` into checked tokens, or returns undefined to show it plain: when the highlighter throws,
 * returns something else than lines of tokens, or tokens whose text differs from the code.
 */
export function highlightCode(
  highlighter: CodeHighlighter,
  code: string,
  language: string,
  onError: (error: unknown) => void,
): SafeCodeLine[] | undefined {
  let lines: unknown;
  try {
    lines = highlighter.highlight(code, language);
  } catch (error) {
    onError(error);
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
