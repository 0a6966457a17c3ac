/**
 * A small RFC 4180 CSV parser (no CSV library is installed): fields separated by commas, records by
 * CRLF or LF; a field in double quotes may hold commas, line breaks and doubled quotes (`""` → `"`).
 * Used by `scripts/build-icd10.ts` to read the ICD-10-CM source file; nothing reads CSV at run time.
 */

export class CsvError extends Error {
  /** `where`: e.g. `line 12` or `record 40`. */
  constructor(message: string, public readonly where: string) {
    super(`CSV ${where}: ${message}`);
    this.name = 'CsvError';
  }
}

/**
 * Yields the records of `text` one at a time, each as its list of fields (strings, unquoted).
 * A trailing line break does not make an empty record; a blank line in the middle is one record
 * with a single empty field (as RFC 4180 reads it). A BOM at the start is skipped. Malformed quoting
 * (a quote inside an unquoted field, text after a closing quote, an unclosed quote) throws `CsvError`.
 */
export function* csvRecords(text: string): Generator<string[]> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  if (i >= n) return;
  for (;;) {
    const record: string[] = [];
    const startLine = line;
    for (;;) {
      // One field, starting at i.
      let field: string;
      if (text[i] === '"') {
        let out = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) throw new CsvError('a quoted field is not closed', `line ${startLine}`);
          out += text.slice(from, q);
          if (text[q + 1] === '"') {
            out += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n', nl + 1)) line++;
        field = out;
        const next = text[i];
        if (i < n && next !== ',' && next !== '\n' && next !== '\r') throw new CsvError('text after a closing quote', `line ${line}`);
      } else {
        let j = i;
        while (j < n) {
          const c = text[j];
          if (c === ',' || c === '\n' || c === '\r') break;
          if (c === '"') throw new CsvError('a quote inside an unquoted field', `line ${line}`);
          j++;
        }
        field = text.slice(i, j);
        i = j;
      }
      record.push(field);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF, lone CR, or the end of the text.
    if (i < n && text[i] === '\r') i++;
    if (i < n && text[i] === '\n') i++;
    line++;
    yield record;
    if (i >= n) return;
  }
}

/** All records of `text` (see `csvRecords`). */
export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)];
}

/**
 * The records of `text` as objects keyed by the header row. Throws `CsvError` when a record has a
 * different number of fields from the header, or when `required` columns are missing.
 */
export function parseCsvObjects(text: string, required: readonly string[] = []): Array<Record<string, string>> {
  const it = csvRecords(text);
  const first = it.next();
  if (first.done) throw new CsvError('no header row', 'line 1');
  const header = first.value;
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) throw new CsvError(`missing column(s): ${missing.join(', ')}`, 'line 1');
  const out: Array<Record<string, string>> = [];
  let row = 1;
  for (const rec of it) {
    row++;
    if (rec.length !== header.length) throw new CsvError(`${rec.length} fields where the header has ${header.length}`, `record ${row}`);
    const o: Record<string, string> = {};
    for (let k = 0; k < header.length; k++) o[header[k]] = rec[k];
    out.push(o);
  }
  return out;
}
