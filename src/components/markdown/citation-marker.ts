'use client';
import type { Token, Tokens } from 'marked';

/** The href FastGPT gives its citation markers: `[<24-hex quote id>](CITE)`. */
export const CITE_HREF = 'CITE';

const QUOTE_ID = /^[0-9a-f]{24}$/i;

// A marker cut short by the end of the streamed text: `[`, `[68c2`, `[<id>]`, `[<id>](`, … `[<id>](CITE`.
const PENDING_MARKER = /\[(?:[0-9a-f]{0,24}|[0-9a-f]{24}\](?:\((?:C(?:I(?:T(?:E)?)?)?)?)?)$/i;

/** True for the href of a citation marker. */
export function isCiteHref(href: string): boolean {
  return href.trim().toUpperCase() === CITE_HREF;
}

/** The quote id of a link token that is a FastGPT citation marker, or undefined. */
export function citationId(token: Tokens.Link): string | undefined {
  if (!isCiteHref(token.href)) return undefined;
  const id = token.text.trim();
  return QUOTE_ID.test(id) ? id.toLowerCase() : undefined;
}

/**
 * Length of a citation marker cut short at the end of `text` (0 if none). While a reply streams, that
 * much is held back so a marker split across chunks never shows as a broken link for a frame.
 */
export function pendingCitationLength(text: string): number {
  // Only the last 34 characters can hold a partial marker; never scan more.
  const match = PENDING_MARKER.exec(text.slice(-34));
  return match ? match[0].length : 0;
}

/** Appends the quote ids of citation markers in `tokens` to `into`, in document order. */
export function collectCitationIds(tokens: readonly Token[], into: string[]): void {
  for (const token of tokens) {
    if (token.type === 'link') {
      const id = citationId(token as Tokens.Link);
      if (id !== undefined) {
        into.push(id);
        continue;
      }
    }
    if (token.type === 'list')
      for (const item of (token as Tokens.List).items) collectCitationIds(item.tokens, into);
    else if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of table.header) collectCitationIds(cell.tokens, into);
      for (const row of table.rows) for (const cell of row) collectCitationIds(cell.tokens, into);
    } else {
      const children = (token as Tokens.Generic).tokens;
      if (children) collectCitationIds(children, into);
    }
  }
}
