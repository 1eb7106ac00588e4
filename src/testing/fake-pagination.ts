/** Offset and page size of a `{ list, total }` request. */
export interface FakePage {
  /** Items to skip. */
  offset: number;
  /** Items to return. */
  pageSize: number;
}

function toCount(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : undefined;
}

/**
 * FastGPT's `parsePaginationRequest` (contract §2): read from the body when it has a `pageSize` key, else from
 * the query; numbers may be strings; `pageSize` defaults to 10; a non-zero `offset` wins, else
 * `(pageNum - 1) × pageSize`.
 */
export function parsePagination(body: unknown, query: Record<string, string> = {}): FakePage {
  const source: Record<string, unknown> =
    typeof body === 'object' && body !== null && 'pageSize' in body
      ? (body as Record<string, unknown>)
      : query;
  const pageSize = toCount(source.pageSize) ?? 10;
  const offset = toCount(source.offset) ?? 0;
  const pageNum = Math.max(1, toCount(source.pageNum) ?? 1);
  return { offset: offset || (pageNum - 1) * pageSize, pageSize };
}
