import type { ChatRecord, ChatValueItem, WireChatRecord, WireChatValueItem } from './types';

const KINDS = ['text', 'file', 'reasoning', 'tools', 'interactive'] as const;

/**
 * Gives a wire value item its `type`. The newest FastGPT servers omit it (`{"text":{"content":"…"}}`),
 * so the kind is inferred from which key is present. Returns `undefined` for an item of no known kind.
 */
export function normalizeValueItem(item: WireChatValueItem): ChatValueItem | undefined {
  if (item.type !== undefined) return item as ChatValueItem;
  for (const key of KINDS) {
    if (key in item) {
      const type = key === 'tools' ? 'tool' : key;
      return { ...item, type } as ChatValueItem;
    }
  }
  return undefined;
}

/** Normalizes a record from the wire: typed value items, and `dataId` filled from `id` when missing. */
export function normalizeChatRecord(record: WireChatRecord): ChatRecord {
  const value: ChatValueItem[] = [];
  for (const item of record.value ?? []) {
    const normalized = normalizeValueItem(item);
    if (normalized) value.push(normalized);
  }
  return { ...record, dataId: record.dataId ?? record.id ?? '', value };
}
