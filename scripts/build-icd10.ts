/**
 * `npm run icd10:build [-- <source.csv.gz> [<output.tsv.gz>]]`
 *
 * Builds the ICD-10 code list shipped in the project (`lib/records/icd10/icd10cm-fy2022.tsv.gz`,
 * committed) from the ICD-10-CM FY2022 CSV (`../shared/data/icd10cm/icd10cm-codes-fy2022.csv.gz` by
 * default): every code with its billable flag and short description, and the long description only
 * where it adds words beyond the short one. Run it once, or again when the source changes; the app
 * never reads the source. The output is deterministic (same input → same bytes).
 *
 * Source: CMS/NCHS ICD-10-CM FY2022, packaged by icd10us (Victor Castro) under CC BY 4.0
 * (see README, "Data and licences").
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readIcd10Source, toIcd10Tsv } from '../lib/records/icd10/build';
import { ICD10_DATA_PATH } from '../lib/records/icd10/format';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_SOURCE = path.resolve(ROOT, '..', 'shared', 'data', 'icd10cm', 'icd10cm-codes-fy2022.csv.gz');

function main(): number {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('-h') || args.includes('--help') || args.length > 2) {
    console.log('usage: npm run icd10:build [-- <source.csv.gz> [<output.tsv.gz>]]');
    return args.length > 2 ? 2 : 0;
  }
  const source = path.resolve(args[0] ?? DEFAULT_SOURCE);
  const output = path.resolve(args[1] ?? path.join(ROOT, ICD10_DATA_PATH));
  if (!fs.existsSync(source)) {
    console.error(`No source file at ${source}. Pass its path: npm run icd10:build -- path/to/icd10cm-codes-fy2022.csv.gz`);
    return 2;
  }
  const started = Date.now();
  const raw = fs.readFileSync(source);
  const csvText = (source.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
  const rows = readIcd10Source(csvText);
  const tsv = toIcd10Tsv(rows, path.basename(source));
  // mtime 0 in the gzip header (Node writes none), so the bytes depend on the content only.
  const gz = zlib.gzipSync(Buffer.from(tsv, 'utf8'), { level: 9, memLevel: 9 });
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, gz);
  const withLong = rows.filter((r) => r.long).length;
  const billable = rows.filter((r) => r.billable).length;
  console.log(`${rows.length} codes (${billable} billable, ${rows.length - billable} headers; ${withLong} keep their long description)`);
  console.log(`wrote ${path.relative(process.cwd(), output)}: ${(gz.length / 1024 / 1024).toFixed(2)} MiB gzipped, ${(tsv.length / 1024 / 1024).toFixed(2)} MiB unpacked, in ${Date.now() - started} ms`);
  return 0;
}

process.exitCode = main();
