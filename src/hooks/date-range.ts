'use client';
/** A time range; both ends inclusive. Dates or ISO strings. */
export interface DateRange {
  /** First moment of the range. */
  start: Date | string;
  /** Last moment of the range. */
  end: Date | string;
}

/** A range end as the ISO string FastGPT and the query keys use. */
export function toIsoString(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}
