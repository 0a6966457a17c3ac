/**
 * ICD-10 code search for diagnoses, over the code list shipped in this folder
 * (`icd10cm-fy2022.tsv.gz`, built by `npm run icd10:build`; format in `./format.ts`).
 *
 * Source: the US ICD-10-CM code set, fiscal year 2022 (valid 2021-10-01 to 2022-09-30), published by
 * CMS/NCHS for free public use — NCHS's clinical modification of the WHO's ICD-10 (© WHO, adapted
 * with permission) — as compiled in the `icd10us` R package by Victor Castro
 * (https://github.com/vcastro/icd10us), licensed CC BY 4.0. Keep `ICD10_ATTRIBUTION` with the data.
 *
 * The file is read, gunzipped and indexed once per process, on the first call (never at import, so
 * `next build` does not load it): 95,524 codes and an inverted index of their words, about 0.4 s and
 * 40 MB. After that a search takes well under a millisecond (`npm run bench -- icd10`).
 *
 * Search (`searchIcd10`):
 * - A query of fewer than 2 characters (after trimming) answers `[]`: one letter matches thousands of
 *   codes and ranks none of them usefully; the picker asks for more.
 * - By code: a query shaped like the start of a code, with or without its dot and in any case
 *   (`b54`, `J06.9`, `j069`, `E11`, `i1`), matches the codes starting with it: the exact code first,
 *   then the longer ones, shortest first (category, then subdivisions), in code order.
 * - By words: every word of the query must be the start of a word of the code's short or long
 *   description (case and accents ignored: `malar` finds malaria, `type 2 diab` finds E11.x).
 * - Ranking: exact code > code prefix > word matches; word matches rank 3- and 4-character codes
 *   (the category and its first subdivision, what clinicians pick) above longer ones, then shorter
 *   descriptions first, then code order.
 *
 * `display` is the long description (the code's full title, e.g. "Encounter for general adult medical
 * examination without abnormal findings"); the short one is abbreviated ("Encntr … w/o …").
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ICD10_DATA_PATH, TSV_HEADER, compactCode, foldedWords } from './format';

/** The code system name recorded with each diagnosis. */
export const ICD10_SYSTEM = 'ICD-10' as const;

/** The version of the shipped list. */
export const ICD10_VERSION = 'ICD-10-CM FY2022' as const;

/** Attribution to show with the list (README "Data and licences", about pages, exports). */
export const ICD10_ATTRIBUTION =
  'ICD-10 codes: ICD-10-CM FY2022, published by the US Centers for Medicare & Medicaid Services (CMS) and ' +
  'the National Center for Health Statistics (NCHS); ICD-10 © World Health Organization, adapted with permission. ' +
  'Compiled by the icd10us package (Victor Castro, https://github.com/vcastro/icd10us), licensed under ' +
  'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); reduced here to codes, billable flags and descriptions.';

/** One code of the list. */
export interface Icd10Entry {
  system: typeof ICD10_SYSTEM;
  /** With its dot, upper case: `E11.9`. */
  code: string;
  /** The full title (the long description). */
  display: string;
  /** The ≤ 60-character abbreviated description. */
  shortDescription: string;
  /** Valid for claims (a leaf); false for a category or header such as `E11`. */
  billable: boolean;
}

/** A search result. */
export type Icd10Match = Pick<Icd10Entry, 'system' | 'code' | 'display' | 'billable'>;

export interface SearchIcd10Options {
  /** At most this many results (default 20, at most 200). */
  limit?: number;
}

/** The least query length (trimmed) that searches. */
export const ICD10_MIN_QUERY_LENGTH = 2;
const MAX_LIMIT = 200;
const MAX_QUERY_LENGTH = 200;
/** The start of a code, without its dot: `B`, then a digit, then up to 5 more letters or digits. */
const CODE_PREFIX_RE = /^[A-Z][0-9][0-9A-Z]{0,5}$/;

interface Icd10Index {
  size: number;
  codes: string[];
  /** Codes without dots, in code order (ascending strings): the code index is a binary search. */
  compact: string[];
  shorts: string[];
  /** The long description, or null when it adds nothing to the short one. */
  longs: Array<string | null>;
  billable: Uint8Array;
  /** Word-match rank of each entry before its position: 0 for 3–4-character codes, 1 for longer. */
  tier: Uint8Array;
  displayLength: Uint16Array;
  byCompact: Map<string, number>;
  /** Distinct folded words, sorted: the words starting with a prefix are a contiguous range of ids. */
  vocab: string[];
  /** Postings: entries of word id `w` are `postings[postingStart[w] … postingStart[w + 1])`, ascending. */
  postingStart: Int32Array;
  postings: Int32Array;
  /** Word ids of entry `e`: `entryWords[entryWordStart[e] … entryWordStart[e + 1])`. */
  entryWordStart: Int32Array;
  entryWords: Int32Array;
  /** Scratch for de-duplicating candidates: `seen[e] === epoch` when `e` was visited this search. */
  seen: Uint32Array;
  epoch: number;
}

let index: Icd10Index | undefined;
let dataFile: string | undefined;

/** The shipped data file (absolute). */
export function icd10DataFile(): string {
  return dataFile ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ICD10_DATA_PATH);
}

/** Points the index at another file (tests, tools); drops the loaded index. */
export function useIcd10DataFile(file: string | undefined): void {
  dataFile = file;
  index = undefined;
}

/** Parses the shipped file's text into the index. Exported for tests. */
export function buildIcd10Index(tsv: string): Icd10Index {
  const codes: string[] = [];
  const shorts: string[] = [];
  const longs: Array<string | null> = [];
  const flags: number[] = [];
  let headerSeen = false;
  let lineNo = 0;
  let start = 0;
  while (start < tsv.length) {
    let end = tsv.indexOf('\n', start);
    if (end < 0) end = tsv.length;
    const line = tsv.slice(start, end);
    start = end + 1;
    lineNo++;
    if (line === '' || line.startsWith('#')) continue;
    if (!headerSeen) {
      if (line !== TSV_HEADER) throw new Error(`ICD-10 data file: line ${lineNo} should be the header ${JSON.stringify(TSV_HEADER)}`);
      headerSeen = true;
      continue;
    }
    const f = line.split('\t');
    if (f.length !== 4 || (f[1] !== '0' && f[1] !== '1') || !f[0] || !f[2]) throw new Error(`ICD-10 data file: line ${lineNo} is malformed`);
    codes.push(f[0]);
    flags.push(f[1] === '1' ? 1 : 0);
    shorts.push(f[2]);
    longs.push(f[3] || null);
  }
  if (!headerSeen) throw new Error('ICD-10 data file: no header line');

  const size = codes.length;
  const compact = codes.map(compactCode);
  for (let i = 1; i < size; i++) {
    if (!(compact[i - 1] < compact[i])) throw new Error(`ICD-10 data file: codes out of order at ${codes[i]}`);
  }
  const byCompact = new Map<string, number>();
  const tier = new Uint8Array(size);
  const displayLength = new Uint16Array(size);
  // Words of each entry (short and long descriptions, folded, distinct) as ids in order of first sight.
  const firstSeenId = new Map<string, number>();
  const seenWords: string[] = [];
  const rawWords: number[] = [];
  const entryWordStart = new Int32Array(size + 1);
  for (let e = 0; e < size; e++) {
    byCompact.set(compact[e], e);
    tier[e] = compact[e].length <= 4 ? 0 : 1;
    displayLength[e] = Math.min(65535, (longs[e] ?? shorts[e]).length);
    const first = (entryWordStart[e] = rawWords.length);
    for (const w of foldedWords(longs[e] ? `${shorts[e]} ${longs[e]}` : shorts[e])) {
      let id = firstSeenId.get(w);
      if (id === undefined) {
        id = seenWords.length;
        firstSeenId.set(w, id);
        seenWords.push(w);
      }
      let dup = false;
      for (let j = first; j < rawWords.length; j++) {
        if (rawWords[j] === id) {
          dup = true;
          break;
        }
      }
      if (!dup) rawWords.push(id);
    }
  }
  entryWordStart[size] = rawWords.length;
  // Renumber the words in sorted order, so that a prefix is a range of ids.
  const vocab = [...seenWords].sort();
  const sortedId = new Int32Array(seenWords.length);
  vocab.forEach((w, id) => {
    sortedId[firstSeenId.get(w) as number] = id;
  });
  const entryWords = Int32Array.from(rawWords, (id) => sortedId[id]);
  // Postings by counting sort: entries visited in order, so each word's list is ascending.
  const postingStart = new Int32Array(vocab.length + 1);
  for (let j = 0; j < entryWords.length; j++) postingStart[entryWords[j] + 1]++;
  for (let w = 0; w < vocab.length; w++) postingStart[w + 1] += postingStart[w];
  const fill = postingStart.slice(0, vocab.length);
  const postings = new Int32Array(entryWords.length);
  for (let e = 0; e < size; e++) {
    for (let j = entryWordStart[e]; j < entryWordStart[e + 1]; j++) postings[fill[entryWords[j]]++] = e;
  }
  return {
    size, codes, compact, shorts, longs, billable: Uint8Array.from(flags), tier, displayLength, byCompact,
    vocab, postingStart, postings, entryWordStart, entryWords, seen: new Uint32Array(size), epoch: 0,
  };
}

/** The index, loading the shipped file on first use (once per process). */
function getIndex(): Icd10Index {
  if (!index) {
    const file = icd10DataFile();
    let gz: Buffer;
    try {
      gz = fs.readFileSync(file);
    } catch (e) {
      throw new Error(`The ICD-10 code list is missing (${file}); run \`npm run icd10:build\`. ${(e as Error).message}`);
    }
    index = buildIcd10Index(zlib.gunzipSync(gz).toString('utf8'));
  }
  return index;
}

/** Loads the index now (e.g. at server start or before a benchmark) instead of on the first search. */
export function preloadIcd10(): { codes: number; words: number } {
  const ix = getIndex();
  return { codes: ix.size, words: ix.vocab.length };
}

function entryAt(ix: Icd10Index, e: number): Icd10Entry {
  return {
    system: ICD10_SYSTEM,
    code: ix.codes[e],
    display: ix.longs[e] ?? ix.shorts[e],
    shortDescription: ix.shorts[e],
    billable: ix.billable[e] === 1,
  };
}

function matchAt(ix: Icd10Index, e: number): Icd10Match {
  return { system: ICD10_SYSTEM, code: ix.codes[e], display: ix.longs[e] ?? ix.shorts[e], billable: ix.billable[e] === 1 };
}

/** First position in the sorted `arr` whose value is ≥ `key`. */
function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `[from, to)`: the positions of the sorted `arr` whose value starts with `prefix`. */
function prefixRange(arr: readonly string[], prefix: string): [number, number] {
  return [lowerBound(arr, prefix), lowerBound(arr, prefix + '\uffff')];
}

/**
 * The entry of `code` (with or without its dot, any case: `e11.9`, `E119`), or undefined when the
 * list has no such code. The entry's `code` is the canonical form to store (`E11.9`).
 */
export function findIcd10(code: string): Icd10Entry | undefined {
  if (typeof code !== 'string' || code.length > 16) return undefined;
  const ix = getIndex();
  const e = ix.byCompact.get(compactCode(code));
  return e === undefined ? undefined : entryAt(ix, e);
}

/** Searches the list by code or by words (rules in the module comment). */
export function searchIcd10(query: string, { limit = 20 }: SearchIcd10Options = {}): Icd10Match[] {
  const max = Math.min(MAX_LIMIT, Math.floor(Number.isFinite(limit) ? limit : 20));
  const q = (typeof query === 'string' ? query : '').slice(0, MAX_QUERY_LENGTH).trim();
  if (max <= 0 || q.length < ICD10_MIN_QUERY_LENGTH) return [];
  const ix = getIndex();
  const found: number[] = [];
  const taken = new Set<number>();

  // 1. By code: the exact code, then the codes under it, shortest first.
  const c = compactCode(q);
  if (CODE_PREFIX_RE.test(c)) {
    const [from, to] = prefixRange(ix.compact, c);
    for (let len = c.length; len <= 7 && found.length < max; len++) {
      for (let e = from; e < to && found.length < max; e++) {
        if (ix.compact[e].length === len) {
          found.push(e);
          taken.add(e);
        }
      }
    }
  }

  // 2. By words: every query word starts a word of the description.
  if (found.length < max) {
    const words = foldedWords(q);
    if (words.length) {
      const ranges = words.map((w) => prefixRange(ix.vocab, w));
      if (ranges.every(([a, b]) => a < b)) {
        for (const e of wordMatches(ix, ranges, max - found.length, taken)) found.push(e);
      }
    }
  }
  return found.map((e) => matchAt(ix, e));
}

/**
 * The best `k` entries (rank order) having, for every word-id range, a word in it, skipping `skip`.
 * Candidates come from the range with the fewest postings; the other ranges are checked against each
 * candidate's own few words.
 */
function wordMatches(ix: Icd10Index, ranges: Array<[number, number]>, k: number, skip: Set<number>): number[] {
  let driver = 0;
  let cheapest = Infinity;
  ranges.forEach(([a, b], i) => {
    const n = ix.postingStart[b] - ix.postingStart[a];
    if (n < cheapest) {
      cheapest = n;
      driver = i;
    }
  });
  const others = ranges.filter((_, i) => i !== driver);
  const [wa, wb] = ranges[driver];
  ix.epoch = (ix.epoch + 1) >>> 0;
  if (ix.epoch === 0) {
    ix.seen.fill(0);
    ix.epoch = 1;
  }
  const epoch = ix.epoch;
  const { seen, postings, postingStart, entryWords, entryWordStart, tier, displayLength } = ix;
  // Top k by key = tier, then description length, then position (code order), kept sorted ascending.
  const keys: number[] = [];
  const ids: number[] = [];
  for (let p = postingStart[wa], pEnd = postingStart[wb]; p < pEnd; p++) {
    const e = postings[p];
    if (seen[e] === epoch) continue;
    seen[e] = epoch;
    const key = tier[e] * 1e11 + displayLength[e] * 1e6 + e;
    if (keys.length === k && key >= keys[k - 1]) continue;
    if (skip.has(e)) continue;
    let all = true;
    for (const [a, b] of others) {
      let has = false;
      for (let j = entryWordStart[e], jEnd = entryWordStart[e + 1]; j < jEnd; j++) {
        const w = entryWords[j];
        if (w >= a && w < b) {
          has = true;
          break;
        }
      }
      if (!has) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    let at = keys.length;
    while (at > 0 && keys[at - 1] > key) at--;
    keys.splice(at, 0, key);
    ids.splice(at, 0, e);
    if (keys.length > k) {
      keys.pop();
      ids.pop();
    }
  }
  return ids;
}

/** Every entry, in code order (for tools and benchmarks; a fresh array each call). */
export function listIcd10Entries(): Icd10Entry[] {
  const ix = getIndex();
  const out: Icd10Entry[] = new Array(ix.size);
  for (let e = 0; e < ix.size; e++) out[e] = entryAt(ix, e);
  return out;
}
