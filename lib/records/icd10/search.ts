/**
 * ICD-10 search by code or by words over the loaded list (code-index.ts), ranked for primary care in
 * Kenya with the vocabulary of terms.ts (`terms.tsv`, `primary-care.tsv`).
 *
 * Search (`searchIcd10`):
 * - A query of fewer than 2 characters (after trimming) answers `[]`: one letter matches thousands of
 *   codes and ranks none of them usefully; the picker asks for more (and shows the favourites).
 * - By code: a query shaped like the start of a code, with or without its dot and in any case
 *   (`b54`, `J06.9`, `j069`, `E11`, `i1`), matches the codes starting with it: the exact code first,
 *   then the longer ones, shortest first (category, then subdivisions), in code order. These come first.
 * - Terms (terms.tsv): when the whole query is one term ("hypertension", "anaemia", "high blood
 *   pressure", "HTN"), its listed codes come next, in the file's order (the clinic's usage may swap
 *   neighbours, see below).
 * - By words: every word of the query must be the start of a word of the code's short or long
 *   description (case and accents ignored: `malar` finds malaria, `type 2 diab` finds E11.x). A word
 *   that starts no word of the list is tried in American spelling (`spellingFold`: anaemia → anemia).
 *   Abbreviations (`abbr` terms: HTN, UTI, TB…) match only as whole words — "uti" never finds
 *   "utility" — except a 2-letter one still being typed at the end of the query. The query is also
 *   searched with each abbreviation and everyday term replaced by what it means ("UTI" → urinary tract
 *   infection, "heart attack" → myocardial infarction); both answers are merged.
 * - Ranking of word matches: priority points first (10 × the code's `primary-care.tsv` weight, plus the
 *   caller's `boost`: the clinic's usage and favourites, see clinic-search.ts), then 3- and 4-character
 *   codes (the category and its first subdivision) above longer ones, then shorter descriptions, then
 *   code order.
 * - `plain: true` searches as before this ranking (no terms, spelling, priorities): the benchmark's baseline.
 */
import { compactCode, foldedWords } from './format';
import { getIndex, matchAt, type Icd10Index } from './code-index';
import type { Icd10Match } from './list';
import { findTerms, loadSearchVocabulary, spellingFold, type SearchVocabulary } from './terms';

/** Extra priority points per code, made by `makeIcd10Boost` (e.g. the clinic's usage, favourites). */
export interface Icd10Boost {
  /** Points by entry position of the index it was made for. */
  readonly points: Int16Array;
  readonly index: Icd10Index;
}

/** Options of `searchIcd10`. */
export interface SearchIcd10Options {
  /** At most this many results (default 20, at most 200). */
  limit?: number;
  /** Extra priority points per code (`makeIcd10Boost`). */
  boost?: Icd10Boost;
  /** Search without terms, spelling fold or priorities (the ranking before issue 10; a baseline). */
  plain?: boolean;
}

/** The least query length (trimmed) that searches. */
export const ICD10_MIN_QUERY_LENGTH = 2;
const MAX_LIMIT = 200;
const MAX_QUERY_LENGTH = 200;
/** Points per unit of `primary-care.tsv` weight. */
export const PRIMARY_CARE_POINTS = 10;
/** Priority points are clamped to 0 … MAX_POINTS. */
const MAX_POINTS = 4000;
/**
 * Joining words a doctor types but the list's titles often lack ("HTN in pregnancy" is "… complicating
 * pregnancy"): left out of the rewritten query, except as the last word (it may be a word being typed).
 */
const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'the', 'to', 'with']);
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

type Range = [number, number];
/** A query word: the entry must have a word in one of these word-id ranges. */
type Constraint = Range[];

interface Ranking {
  vocab: SearchVocabulary;
  /** Static priority points by entry (primary-care weight × PRIMARY_CARE_POINTS). */
  points: Int16Array;
}
const rankings = new WeakMap<Icd10Index, Ranking>();

/** The vocabulary and static priorities for index `ix` (loaded once per index). */
function rankingOf(ix: Icd10Index): Ranking {
  let r = rankings.get(ix);
  if (!r) {
    const known = (code: string) => {
      const e = ix.byCompact.get(compactCode(code));
      return e !== undefined && ix.codes[e] === code;
    };
    const vocab = loadSearchVocabulary(known);
    const points = new Int16Array(ix.size);
    for (const [code, weight] of vocab.primaryCare) points[ix.byCompact.get(compactCode(code)) as number] = weight * PRIMARY_CARE_POINTS;
    r = { vocab, points };
    rankings.set(ix, r);
  }
  return r;
}

/** Loads the search vocabulary now (with the list), so that a bad data file fails at start. */
export function preloadIcd10Ranking(): { terms: number; primaryCare: number } {
  const r = rankingOf(getIndex());
  return { terms: r.vocab.terms.length, primaryCare: r.vocab.primaryCare.size };
}

/** The vocabulary of the loaded list (tests, tools). */
export function icd10SearchVocabulary(): SearchVocabulary {
  return rankingOf(getIndex()).vocab;
}

/**
 * Extra priority points for codes (with or without dot, any case), for `searchIcd10`'s `boost`:
 * unknown codes are skipped; points are whole numbers, summed per code and clamped to 0 … 4000.
 */
export function makeIcd10Boost(points: Iterable<readonly [code: string, points: number]>): Icd10Boost {
  const ix = getIndex();
  const acc = new Int32Array(ix.size);
  for (const [code, p] of points) {
    const e = ix.byCompact.get(compactCode(code));
    if (e !== undefined && Number.isFinite(p)) acc[e] += Math.round(p);
  }
  return { index: ix, points: Int16Array.from(acc, (v) => Math.max(0, Math.min(MAX_POINTS, v))) };
}

/** The prefix range of `word`, or of its American spelling when the word itself starts no word. */
function wordConstraint(ix: Icd10Index, word: string, spelling: boolean): Constraint | null {
  const r = prefixRange(ix.vocab, word);
  if (r[0] < r[1]) return [r];
  if (spelling) {
    const alt = spellingFold(word);
    if (alt !== word) {
      const a = prefixRange(ix.vocab, alt);
      if (a[0] < a[1]) return [a];
    }
  }
  return null;
}

/** The range of the exact word `word` (a whole word), or null when no description has it. */
function exactConstraint(ix: Icd10Index, word: string): Constraint | null {
  const at = lowerBound(ix.vocab, word);
  return ix.vocab[at] === word ? [[at, at + 1]] : null;
}

/** Searches the list by code or by words (rules in the module comment). */
export function searchIcd10(query: string, { limit = 20, boost, plain = false }: SearchIcd10Options = {}): Icd10Match[] {
  const max = Math.min(MAX_LIMIT, Math.floor(Number.isFinite(limit) ? limit : 20));
  const q = (typeof query === 'string' ? query : '').slice(0, MAX_QUERY_LENGTH).trim();
  if (max <= 0 || q.length < ICD10_MIN_QUERY_LENGTH) return [];
  const ix = getIndex();
  const found: number[] = [];
  const taken = new Set<number>();
  const take = (e: number) => {
    if (found.length < max && !taken.has(e)) {
      found.push(e);
      taken.add(e);
    }
  };

  // 1. By code: the exact code, then the codes under it, shortest first.
  const c = compactCode(q);
  if (CODE_PREFIX_RE.test(c)) {
    const [from, to] = prefixRange(ix.compact, c);
    for (let len = c.length; len <= 7 && found.length < max; len++) {
      for (let e = from; e < to && found.length < max; e++) if (ix.compact[e].length === len) take(e);
    }
  }
  const words = foldedWords(q);
  if (found.length >= max || !words.length) return found.map((e) => matchAt(ix, e));

  if (plain) {
    const constraints = words.map((w) => wordConstraint(ix, w, false));
    if (constraints.every((x) => x !== null)) {
      for (const e of wordMatches(ix, [constraints as Constraint[]], max - found.length, taken, null, null)) take(e);
    }
    return found.map((e) => matchAt(ix, e));
  }

  const { vocab, points } = rankingOf(ix);
  const extra = boost && boost.index === ix ? boost.points : null;
  const spelled = words.map(spellingFold);
  const terms = findTerms(vocab, spelled);

  // 2. The codes of a term that is the whole query, in the file's order; usage may swap neighbours.
  if (terms.length === 1 && terms[0].from === 0 && terms[0].length === words.length) {
    const listed = terms[0].term.codes.map((code) => ix.byCompact.get(compactCode(code)) as number);
    const score = (e: number, i: number) => (listed.length - i) * 10 + (extra ? Math.min(extra[e], 30) : 0);
    listed.map((e, i) => [e, score(e, i)] as const).sort((a, b) => b[1] - a[1]).forEach(([e]) => take(e));
  }

  // 3. By words: as typed (abbreviations as whole words), and with terms replaced by their meaning.
  const variants: Constraint[][] = [];
  const abbrAt = new Set<number>();
  for (const t of terms) if (t.term.kind === 'abbr') abbrAt.add(t.from);
  const literal: Array<Constraint | null> = words.map((w, i) =>
    abbrAt.has(i) && !(i === words.length - 1 && w.length <= 2) ? exactConstraint(ix, w) : wordConstraint(ix, w, true));
  if (literal.every((x) => x !== null)) variants.push(literal as Constraint[]);
  const content = (w: string, i: number) => i === words.length - 1 || !STOP_WORDS.has(w);
  const hasStopWords = words.some((w, i) => !content(w, i)) && words.some((w, i) => content(w, i) && !STOP_WORDS.has(w));
  if (terms.some((t) => t.term.kind !== 'top') || hasStopWords) {
    // Terms replaced by their meaning; joining words dropped ("malaria in pregnancy": the list says
    // "complicating pregnancy"), unless the query is only such words.
    const rewritten: Array<Constraint | null> = [];
    const plainWord = (w: string, i: number) => {
      if (!hasStopWords || content(w, i)) rewritten.push(abbrAt.has(i) ? literal[i] : wordConstraint(ix, w, true));
    };
    let i = 0;
    for (const t of terms) {
      for (; i < t.from; i++) plainWord(words[i], i);
      if (t.term.kind === 'top') for (let j = t.from; j < t.from + t.length; j++) plainWord(words[j], j);
      else for (const m of t.term.means) rewritten.push(wordConstraint(ix, m, true));
      i = t.from + t.length;
    }
    for (; i < words.length; i++) plainWord(words[i], i);
    if (rewritten.length && rewritten.every((x) => x !== null)) variants.push(rewritten as Constraint[]);
  }
  if (found.length < max && variants.length) {
    for (const e of wordMatches(ix, variants, max - found.length, taken, points, extra)) take(e);
  }
  return found.map((e) => matchAt(ix, e));
}

/**
 * The best `k` entries (rank order) matching any of `variants` (a variant matches an entry when every
 * constraint has a word of the entry in one of its ranges), skipping `skip`. Rank key: priority points
 * (`points` + `extra`, higher first), then tier, description length and position. Per variant, the
 * candidates come from the constraint with the fewest postings; the others are checked against each
 * candidate's own few words.
 */
function wordMatches(
  ix: Icd10Index, variants: Constraint[][], k: number, skip: Set<number>, points: Int16Array | null, extra: Int16Array | null,
): number[] {
  ix.epoch = (ix.epoch + 1) >>> 0;
  if (ix.epoch === 0) {
    ix.seen.fill(0);
    ix.epoch = 1;
  }
  const epoch = ix.epoch;
  const { seen, postings, postingStart, entryWords, entryWordStart, tier, displayLength } = ix;
  // Top k by key, kept sorted ascending; an entry matched by two variants is looked at once.
  const keys: number[] = [];
  const ids: number[] = [];
  for (const constraints of variants) {
    let driver = 0;
    let cheapest = Infinity;
    constraints.forEach((ranges, i) => {
      let n = 0;
      for (const [a, b] of ranges) n += postingStart[b] - postingStart[a];
      if (n < cheapest) {
        cheapest = n;
        driver = i;
      }
    });
    const others = constraints.filter((_, i) => i !== driver);
    for (const [wa, wb] of constraints[driver]) {
      for (let p = postingStart[wa], pEnd = postingStart[wb]; p < pEnd; p++) {
        const e = postings[p];
        if (seen[e] === epoch) continue;
        let prio = 0;
        if (points) prio += points[e];
        if (extra) prio += extra[e];
        const key = (MAX_POINTS - Math.min(MAX_POINTS, prio)) * 1e12 + tier[e] * 1e11 + displayLength[e] * 1e6 + e;
        if (keys.length === k && key >= keys[k - 1]) continue;
        if (skip.has(e)) continue;
        let all = true;
        for (const ranges of others) {
          let has = false;
          for (let j = entryWordStart[e], jEnd = entryWordStart[e + 1]; j < jEnd && !has; j++) {
            const w = entryWords[j];
            for (const [a, b] of ranges) {
              if (w >= a && w < b) {
                has = true;
                break;
              }
            }
          }
          if (!has) {
            all = false;
            break;
          }
        }
        if (!all) continue;
        seen[e] = epoch;
        let at = keys.length;
        while (at > 0 && keys[at - 1] > key) at--;
        keys.splice(at, 0, key);
        ids.splice(at, 0, e);
        if (keys.length > k) {
          keys.pop();
          ids.pop();
        }
      }
    }
  }
  return ids;
}
