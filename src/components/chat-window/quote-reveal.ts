'use client';

/**
 * A per-message channel from the citation chips in a reply to the quote list below it: a chip calls
 * `reveal(quoteId)`, the list opens and focuses that quote. One is made per message row and never changes,
 * so passing `reveal` down keeps settled rows memoized.
 */
export interface QuoteReveal {
  /** Asks the listening quote list to open and focus the quote with this id (lower-case 24-hex). */
  reveal: (quoteId: string) => void;
  /** Listens for reveals; returns the function that stops listening. */
  subscribe: (listener: (quoteId: string) => void) => () => void;
}

/**
 * Makes a {@link QuoteReveal}. A reveal nobody hears yet (the list's code still loading, or the reply still
 * streaming) is kept, and the first list that listens gets it.
 */
export function createQuoteReveal(): QuoteReveal {
  const listeners = new Set<(quoteId: string) => void>();
  let unheard: string | undefined;
  return {
    reveal: (quoteId) => {
      if (listeners.size === 0) unheard = quoteId;
      for (const listener of listeners) listener(quoteId);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      if (unheard !== undefined) {
        const quoteId = unheard;
        unheard = undefined;
        listener(quoteId);
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
