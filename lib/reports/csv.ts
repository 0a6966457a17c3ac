/**
 * CSV for downloads (dashboard tables, the monthly report), written with csv-stringify's sync API.
 *
 * Format: UTF-8 with a byte-order mark (so Excel reads accents and non-Latin names correctly), one
 * header row, comma-separated, records ended by CRLF (RFC 4180; every spreadsheet and `csv` parser
 * reads it), including a CRLF after the last record. Text cells are always double-quoted (embedded
 * quotes doubled); numbers are written bare; `null` is an empty cell.
 *
 * Formula (CSV) injection: a text cell — header cells included — that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is prefixed with a single quote `'`, so a spreadsheet shows it as text
 * instead of evaluating it. This is OWASP's guidance, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection (prefix with `'`, quote each cell, double the
 * embedded quotes). A JavaScript `number` is never neutralised (`-3` stays `-3`); the *text* `"-3"` is.
 */
import { stringify } from 'csv-stringify/sync';

/** One CSV cell: text, a number (written bare, never neutralised) or null (an empty cell). */
export type CsvCell = string | number | null;

/** The characters that make a spreadsheet read a cell as a formula (OWASP CSV Injection). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** `text` made safe for a spreadsheet: prefixed with `'` when it starts with a formula character. */
export function neutraliseCell(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0]) ? `'${text}` : text;
}

function cell(v: CsvCell | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null; // NaN / Infinity: an empty cell
  return neutraliseCell(v);
}

/**
 * The CSV text of a table: BOM + the header row + one record per row, CRLF line ends (see the module
 * comment). Rows shorter than the header are padded with empty cells; longer ones throw an Error
 * (a programming error, not user input). Non-finite numbers become empty cells.
 */
export function toCsv(header: string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const records: Array<Array<string | number | null>> = [header.map((h) => cell(h))];
  for (const [i, row] of rows.entries()) {
    if (row.length > header.length) throw new Error(`CSV row ${i} has ${row.length} cells for ${header.length} columns`);
    records.push(header.map((_, j) => cell(row[j])));
  }
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    quoted_string: true,
  });
}

/** The `Content-Type` of the CSV downloads. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** A download response for CSV `body` saved as `filename` (ASCII; quotes and path characters removed). */
export function csvResponse(body: string, filename: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': CSV_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${safe}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
