import { describe, expect, it } from 'vitest';
import { type CsvColumn, csvCell, toCsv, UTF8_BOM } from './csv';

interface Row {
  name: string;
  count: number | null;
}

const columns: CsvColumn<Row>[] = [
  { header: 'Name', value: (row) => row.name },
  { header: 'Count', value: (row) => row.count },
];

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('hello world')).toBe('hello world');
    expect(csvCell('')).toBe('');
  });

  it('quotes text with a comma, a quote, CR or LF, doubling its quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('"')).toBe('""""');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // A leading CR both defuses and quotes.
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    // Defused, then quoted for the comma and the quotes.
    expect(csvCell('=HYPERLINK("http://x.test","go")')).toBe('"\'=HYPERLINK(""http://x.test"",""go"")"');
    // Only the first character counts.
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers, booleans and dates as data, and nothing as an empty field', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))).toBe('2025-01-02T03:04:05.000Z');
    expect(csvCell(new Date(Number.NaN))).toBe('');
  });

  it('keeps CJK text as it is', () => {
    expect(csvCell('你好，世界')).toBe('你好，世界');
    expect(csvCell('中国, 广东')).toBe('"中国, 广东"');
  });

  it('refuses an object with a clear error', () => {
    expect(() => csvCell({ a: 1 } as unknown as string)).toThrow(TypeError);
    expect(() => csvCell({ a: 1 } as unknown as string)).toThrow(/format it as text first/);
  });
});

describe('toCsv', () => {
  it('writes a header and the rows with CRLF line ends', () => {
    const csv = toCsv(
      [
        { name: 'alpha', count: 1 },
        { name: 'b,"c"', count: null },
        { name: '=1+1', count: -2 },
        { name: '多行\n文本', count: 0 },
      ],
      columns,
    );
    expect(csv).toBe('Name,Count\r\nalpha,1\r\n"b,""c""",\r\n\'=1+1,-2\r\n"多行\n文本",0\r\n');
  });

  it('starts with a UTF-8 BOM only when asked', () => {
    const rows = [{ name: '标题', count: 3 }];
    expect(toCsv(rows, columns, { bom: true })).toBe(`${UTF8_BOM}Name,Count\r\n标题,3\r\n`);
    expect(toCsv(rows, columns).startsWith(UTF8_BOM)).toBe(false);
  });

  it('gives just the header for no rows, and escapes headers too', () => {
    expect(toCsv([], [{ header: 'Cost, in points', value: () => 1 }])).toBe('"Cost, in points"\r\n');
  });

  it('names the column and row of a cell it cannot write', () => {
    const bad: CsvColumn<Row>[] = [{ header: 'Meta', value: () => [1, 2] as unknown as string }];
    expect(() => toCsv([{ name: 'x', count: 1 }], bad)).toThrow(/column "Meta", row 1/);
  });
});
