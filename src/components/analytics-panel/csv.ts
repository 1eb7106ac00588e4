/** What a CSV cell may hold: text, a number, a boolean, a date (written as ISO), or nothing (an empty cell). */
export type CsvValue = string | number | boolean | Date | null | undefined;

/** One column of {@link toCsv}. */
export interface CsvColumn<Row> {
  /** The header cell. */
  header: string;
  /** The row's cell. */
  value: (row: Row) => CsvValue;
}

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads CJK text as UTF-8 (default false). */
  bom?: boolean;
}

/** The UTF-8 byte order mark, as the first character of a string. */
export const UTF8_BOM = '\uFEFF';

/** First characters that make a spreadsheet read text as a formula (or split it into one). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters that force RFC 4180 quoting. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field. Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
 * spreadsheet shows it instead of running it as a formula; then text holding a quote, comma, CR or LF is
 * quoted with its quotes doubled (RFC 4180). Numbers and booleans are written as they are (a negative number
 * is data, not a formula); NaN and infinities, `null` and `undefined` give an empty field; dates give ISO text.
 *
 * @throws TypeError for anything else (an object or array would otherwise be written as `[object Object]`).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  let text: string;
  if (value instanceof Date) {
    text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  } else if (typeof value === 'string') {
    text = value;
  } else {
    throw new TypeError(`csvCell: cannot write a ${typeof value} as a CSV cell; format it as text first`);
  }
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows as CSV text: a header line, then one line per row, every line ended by CRLF (RFC 4180), every
 * field written by {@link csvCell}. A UTF-8 BOM goes first with `bom: true`.
 *
 * @throws TypeError naming the column and row when a cell holds something {@link csvCell} cannot write.
 */
export function toCsv<Row>(
  rows: readonly Row[],
  columns: readonly CsvColumn<Row>[],
  options: ToCsvOptions = {},
): string {
  const lines: string[] = [columns.map((column) => csvCell(column.header)).join(',')];
  rows.forEach((row, index) => {
    const cells = columns.map((column) => {
      try {
        return csvCell(column.value(row));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new TypeError(`toCsv: column "${column.header}", row ${index + 1}: ${reason}`, {
          cause: error,
        });
      }
    });
    lines.push(cells.join(','));
  });
  return `${options.bom ? UTF8_BOM : ''}${lines.join('\r\n')}\r\n`;
}
