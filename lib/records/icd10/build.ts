/**
 * Turning the ICD-10-CM source CSV into the shipped data file (format in `./format.ts`); the
 * command-line side is `scripts/build-icd10.ts` (`npm run icd10:build`). Pure functions, no I/O.
 */
import { parseCsvObjects } from './csv';
import { ICD10_CODE_RE, TSV_HEADER, addsWords, compactCode, oneLine } from './format';

const COLUMNS = ['code', 'code_nodot', 'billable', 'short_description', 'long_description'] as const;

export interface Icd10SourceRow {
  code: string;
  billable: boolean;
  short: string;
  long: string;
}

/** Reads and checks the source rows; throws on anything unexpected (bad code, flag, duplicate…). */
export function readIcd10Source(csvText: string): Icd10SourceRow[] {
  const records = parseCsvObjects(csvText, COLUMNS);
  const seen = new Set<string>();
  const rows: Icd10SourceRow[] = [];
  records.forEach((r, i) => {
    const where = `row ${i + 2} (${r.code})`;
    if (!ICD10_CODE_RE.test(r.code)) throw new Error(`${where}: not an ICD-10-CM code`);
    if (compactCode(r.code) !== r.code_nodot) throw new Error(`${where}: code_nodot is ${r.code_nodot}`);
    if (r.billable !== '0' && r.billable !== '1') throw new Error(`${where}: billable is ${JSON.stringify(r.billable)}`);
    if (seen.has(r.code)) throw new Error(`${where}: duplicate code`);
    seen.add(r.code);
    const short = oneLine(r.short_description);
    const long = oneLine(r.long_description);
    if (!short && !long) throw new Error(`${where}: no description`);
    rows.push({ code: r.code, billable: r.billable === '1', short: short || long, long: short && addsWords(short, long) ? long : '' });
  });
  // Code order: without dots, plain string order is the hierarchy (E11 < E110 < E1100 < E111 …).
  rows.sort((a, b) => {
    const x = compactCode(a.code), y = compactCode(b.code);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return rows;
}

/** The shipped file's text (see lib/records/icd10/format.ts). */
export function toIcd10Tsv(rows: Icd10SourceRow[], sourceName: string): string {
  const lines = [
    '# ICD-10-CM FY2022 code list (valid 2021-10-01 to 2022-09-30), published by CMS/NCHS for free public use;',
    '# ICD-10-CM is NCHS\'s clinical modification of WHO\'s ICD-10 (© WHO, adapted with permission).',
    '# Compiled by the icd10us R package (Victor Castro, github.com/vcastro/icd10us), licensed CC BY 4.0.',
    `# Built by scripts/build-icd10.ts from ${sourceName}: ${rows.length} codes; long description only where it adds words.`,
    TSV_HEADER,
  ];
  for (const r of rows) lines.push(`${r.code}\t${r.billable ? 1 : 0}\t${r.short}\t${r.long}`);
  return lines.join('\n') + '\n';
}
