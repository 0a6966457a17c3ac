/**
 * ICD-10 search by code or by words over the loaded list (code-index.ts).
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
 */
import { compactCode, foldedWords } from './format';
import { getIndex, matchAt, type Icd10Index } from './code-index';
import type { Icd10Match } from './list';

/** Options of `searchIcd10`. */
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
