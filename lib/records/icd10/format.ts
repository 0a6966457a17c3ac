/**
 * The shipped ICD-10 data file's format and the text folding that search uses, shared by the build
 * script (`scripts/build-icd10.ts`, the writer) and the index (`./index.ts`, the reader).
 *
 * `icd10cm-fy2022.tsv.gz` is gzipped UTF-8 text: `#` comment lines (source and licence), then the
 * header line `TSV_HEADER`, then one line per code in code order, four tab-separated fields:
 * `code` (with dot, e.g. `E11.9`), `billable` (`1` valid for claims, `0` a category/header),
 * `short` (the ≤ 60-character short description), `long` (the full long description, or empty when it
 * adds no word beyond the short one). Descriptions never contain tabs or line breaks.
 */

/** The data file, relative to the project root. */
export const ICD10_DATA_PATH = 'lib/records/icd10/icd10cm-fy2022.tsv.gz';

export const TSV_HEADER = 'code\tbillable\tshort\tlong';

/** An ICD-10-CM code with its dot: a letter, a digit, a digit or letter, then optionally `.` and 1–4 characters. */
export const ICD10_CODE_RE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** Lower case, accents removed (NFKD without combining marks): `Diabète` → `diabete`. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The folded words of `text` (runs of letters and digits): `Type 2 diabetes, w/o` → `type 2 diabetes w o`. */
export function foldedWords(text: string): string[] {
  // ASCII (the whole shipped list) folds to the same words by the cheaper path.
  const words = ASCII_RE.test(text) ? text.toLowerCase().split(/[^a-z0-9]+/) : foldText(text).split(/[^\p{L}\p{N}]+/u);
  return words.filter(Boolean);
}

const ASCII_RE = /^[\x00-\x7f]*$/;

/** Whether `long` has a (folded) word that `short` lacks: only then is the long description kept. */
export function addsWords(short: string, long: string): boolean {
  const have = new Set(foldedWords(short));
  return foldedWords(long).some((w) => !have.has(w));
}

/** `E11.9` → `E119`; `e11.9 ` → `E119` (upper case, dots and spaces removed). */
export function compactCode(code: string): string {
  return code.toUpperCase().replace(/[\s.]/g, '');
}

/** Descriptions as one line: tabs, line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
