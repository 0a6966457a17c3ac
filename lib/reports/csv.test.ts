/** toCsv: BOM, one header row, CRLF, quoting, and formula-injection neutralisation (OWASP). */
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv';

const BOM = '\uFEFF';

describe('neutraliseCell', () => {
  it.each(['=SUM(A1:A2)', '+1', '-3', '@cmd', '\tx', '\rx', '=', '-'])('prefixes %j with a single quote', (s) => {
    expect(neutraliseCell(s)).toBe(`'${s}`);
  });

  it.each(['', 'plain', '3', '0.5', " =1+1", "'=1", 'a=b', 'J06.9', 'Zoë', '65+', '\nx'])('leaves %j alone', (s) => {
    expect(neutraliseCell(s)).toBe(s);
  });
});

describe('toCsv', () => {
  it('starts with the UTF-8 BOM, has one header row and CRLF line ends', () => {
    const csv = toCsv(['Day', 'Visits'], [['2025-12-01', 4], ['2025-12-02', 0]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}"Day","Visits"\r\n"2025-12-01",4\r\n"2025-12-02",0\r\n`);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes numbers bare and never neutralises them, but neutralises text that looks like one', () => {
    const csv = toCsv(['n', 'text'], [[-3, '-3'], [0.125, '+0.125'], [0, '0']]);
    expect(csv).toBe(`${BOM}"n","text"\r\n-3,"'-3"\r\n0.125,"'+0.125"\r\n0,"0"\r\n`);
  });

  it('neutralises every formula start in body and header cells', () => {
    const csv = toCsv(['=HEADER', 'ok'], [['=SUM(A1)', '@SUM(1)'], ['+cmd|x', '\t=1'], ['\r=1', '-2+3']]);
    expect(csv).toBe(`${BOM}"'=HEADER","ok"\r\n"'=SUM(A1)","'@SUM(1)"\r\n"'+cmd|x","'\t=1"\r\n"'\r=1","'-2+3"\r\n`);
  });

  it('quotes text with commas, quotes and line breaks, and keeps non-ASCII text', () => {
    const csv = toCsv(['name'], [['Otieno, "Baba"'], ['line\nbreak'], ['Zoë N’Diaye']]);
    expect(csv).toBe(`${BOM}"name"\r\n"Otieno, ""Baba"""\r\n"line\nbreak"\r\n"Zoë N’Diaye"\r\n`);
  });

  it('writes null, missing and non-finite cells as empty cells', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, Number.NaN], [Number.POSITIVE_INFINITY, '', 1]]))
      .toBe(`${BOM}"a","b","c"\r\n,,\r\n,"",1\r\n`);
  });

  it('writes just the header for no rows, and refuses a row longer than the header', () => {
    expect(toCsv(['a'], [])).toBe(`${BOM}"a"\r\n`);
    expect(() => toCsv(['a'], [[1, 2]])).toThrow(/2 cells for 1 columns/);
  });
});
