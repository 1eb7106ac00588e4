'use client';
import type { Token, Tokens } from 'marked';

const NEWLINE = 10;

function isBlankLineBefore(source: string, end: number): boolean {
  // `end` is a line start; the line before it must hold only spaces or tabs.
  let index = end - 2;
  while (index >= 0 && (source[index] === ' ' || source[index] === '\t')) index--;
  return index < 0 || source.charCodeAt(index) === NEWLINE;
}

function closesWithoutBlankLine(token: Token): boolean {
  // A fenced code token followed by another token has met its closing fence (an open fence runs to the
  // end of the text); ATX/setext headings and rules are one line or two and cannot be extended.
  if (token.type === 'code') return (token as Tokens.Code).codeBlockStyle !== 'indented';
  return token.type === 'heading' || token.type === 'hr';
}

function isSafeBoundary(source: string, start: number, previous: Token): boolean {
  if (source.charCodeAt(start - 1) !== NEWLINE) return false;
  const first = source[start];
  // The next block starts at column 0 and its first line is complete, so it can be neither a list item
  // nor indented code or a lazy line that continues the block before.
  if (first === undefined || first === ' ' || first === '\t' || first === '\n') return false;
  if (source.indexOf('\n', start) === -1) return false;
  return isBlankLineBefore(source, start) || closesWithoutBlankLine(previous);
}

/**
 * Offsets in `source` where the text before can never change how it lexes, whatever is appended:
 * between two top-level tokens, after a blank line (or a closed fence, heading or rule), before a
 * complete unindented line. `tokens` must be marked's top-level tokens of exactly `source`.
 */
export function findSafeBoundaries(source: string, tokens: readonly Token[]): number[] {
  const boundaries: number[] = [];
  let offset = 0;
  let previous: Token | undefined;
  for (const token of tokens) {
    const start = offset;
    offset += token.raw.length;
    if (token.type === 'space') continue;
    if (previous !== undefined && isSafeBoundary(source, start, previous)) boundaries.push(start);
    previous = token;
  }
  // Raw lengths that do not add up mean marked rewrote something; settle nothing rather than guess.
  return offset === source.length ? boundaries : [];
}
