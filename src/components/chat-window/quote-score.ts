'use client';
import type { QuoteItem } from '../../client/types';

/** The score a quote list shows for a quote. */
export interface PrimaryScore {
  /** Which ranking produced it (`rrf`, `reRank`, `embedding`, `fullText`); absent for obsolete bare numbers. */
  type: string | undefined;
  /** The score. */
  value: number;
}

// The final ranking speaks for the chunk first: fused, then reranked, then the single recalls.
const PRIORITY = ['rrf', 'reRank', 'embedding', 'fullText'];

/**
 * The quote's primary score: of its `[{type, value, index}]` list the fused (`rrf`) score, else the rerank,
 * embedding or full-text score, else the first; an obsolete bare number as it is; `undefined` when absent.
 */
export function primaryScore(score: QuoteItem['score']): PrimaryScore | undefined {
  if (typeof score === 'number')
    return Number.isFinite(score) ? { type: undefined, value: score } : undefined;
  if (!Array.isArray(score)) return undefined;
  const valid = score.filter((s) => typeof s?.value === 'number' && Number.isFinite(s.value));
  const rank = (type: string) => {
    const index = PRIORITY.indexOf(type);
    return index === -1 ? PRIORITY.length : index;
  };
  const best = valid.reduce<(typeof valid)[number] | undefined>(
    (found, s) => (found === undefined || rank(s.type) < rank(found.type) ? s : found),
    undefined,
  );
  return best && { type: best.type, value: best.value };
}
