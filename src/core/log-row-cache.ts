import type { ChatLogItem } from '../client/types';

/** Options of {@link createLogRowCache}. */
export interface LogRowCacheOptions {
  /** Rows kept for reuse; past it the cache starts over (default 50 000). */
  maxRows?: number;
}

/** Hands out one object per unchanged log row, across pages, filters and refetches. */
export interface LogRowCache {
  /**
   * The row already handed out for the same chat when nothing in it changed, else `row` itself (which is
   * then remembered). Memoized row components and sorted arrays therefore see the same objects after a
   * filter or sort change, and only changed chats re-render.
   */
  intern(row: ChatLogItem): ChatLogItem;
  /** Rows handed out that were new or changed since the cache started (a count for tests and benchmarks). */
  readonly created: number;
}

/**
 * A cache that keeps log rows' identity stable. Each filter or page is its own query, so TanStack Query's
 * structural sharing (within one query) cannot do this.
 */
export function createLogRowCache({ maxRows = 50_000 }: LogRowCacheOptions = {}): LogRowCache {
  let rows = new Map<string, ChatLogItem>();
  let created = 0;
  return {
    intern(row) {
      const key = row._id ?? row.chatId;
      const known = rows.get(key);
      if (known && sameLogRow(known, row)) return known;
      if (rows.size >= maxRows) rows = new Map();
      rows.set(key, row);
      created++;
      return row;
    },
    get created() {
      return created;
    },
  };
}

/** Whether two rows of one chat carry the same values (the member object compared field by field). */
export function sameLogRow(a: ChatLogItem, b: ChatLogItem): boolean {
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (key !== 'sourceMember' || !x || !y || typeof x !== 'object' || typeof y !== 'object') return false;
    const member = x as Record<string, unknown>;
    const other = y as Record<string, unknown>;
    if (member.name !== other.name || member.avatar !== other.avatar || member.status !== other.status) {
      return false;
    }
  }
  return true;
}
