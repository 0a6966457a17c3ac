/**
 * The ICD-10 list loaded into memory (list.ts): the codes in code order, their descriptions and an
 * inverted index of their folded words, built from the shipped file by `buildIcd10Index`; and the
 * lookups by code.
 *
 * The file is read, gunzipped and indexed once per process, on the first call (never at import, so
 * `next build` does not load it): 95,524 codes and an inverted index of their words, about 0.4 s and
 * 40 MB. After that a search takes well under a millisecond (`npm run bench -- icd10`).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ICD10_DATA_PATH, TSV_HEADER, compactCode, foldedWords } from './format';
import { ICD10_SYSTEM, type Icd10Entry, type Icd10Match } from './list';

/** The in-memory index of the list (see `buildIcd10Index`); arrays by entry position, in code order. */
export interface Icd10Index {
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
export function getIndex(): Icd10Index {
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

/** The entry at position `e`. */
function entryAt(ix: Icd10Index, e: number): Icd10Entry {
  return {
    system: ICD10_SYSTEM,
    code: ix.codes[e],
    display: ix.longs[e] ?? ix.shorts[e],
    shortDescription: ix.shorts[e],
    billable: ix.billable[e] === 1,
  };
}

/** The search result of the entry at position `e`. */
export function matchAt(ix: Icd10Index, e: number): Icd10Match {
  return { system: ICD10_SYSTEM, code: ix.codes[e], display: ix.longs[e] ?? ix.shorts[e], billable: ix.billable[e] === 1 };
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

/** Every entry, in code order (for tools and benchmarks; a fresh array each call). */
export function listIcd10Entries(): Icd10Entry[] {
  const ix = getIndex();
  const out: Icd10Entry[] = new Array(ix.size);
  for (let e = 0; e < ix.size; e++) out[e] = entryAt(ix, e);
  return out;
}
