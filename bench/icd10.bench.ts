/**
 * ICD-10 search in process: `searchIcd10` (the shipped list's in-memory word index) against a naive
 * linear scan over the same 95k entries (each entry's folded words precomputed, every query checked
 * against every entry, then a full sort with the same ranking), measured in the same run on the same
 * queries. 1 000 searches each after a warm-up; mean, p50, p95 and max per search. Also reports the
 * one-time load (read + gunzip + index) and checks that both answer the same codes. The claim under
 * test: a search answers in under 50 ms (p95); the case fails above that.
 */
import { formatNumber as num, type BenchCase } from './lib';
import { listIcd10Entries, preloadIcd10, searchIcd10, type Icd10Entry } from '../lib/records/icd10';
import { compactCode, foldedWords } from '../lib/records/icd10/format';

const SEARCHES = 1000;
const WARMUP = 200;
const LIMIT = 20;
const BUDGET_MS = 50;

/** What a doctor types: codes (with and without dots), words, and every prefix of them as typed. */
const TYPED = [
  'malaria', 'type 2 diabetes', 'hypertension', 'pneumonia', 'urinary tract infection', 'tuberculosis',
  'hiv disease', 'asthma', 'gastroenteritis', 'diarrhea', 'anemia', 'headache', 'otitis media', 'fracture of femur',
  'pregnancy', 'cough', 'fever', 'sickle cell', 'typhoid', 'worms', 'malnutrition', 'abscess', 'conjunctivitis',
  'upper respiratory infection', 'unspecified', 'of the', 'B54', 'J06.9', 'j069', 'E11', 'I10', 'A09', 'Z00.00', 'O80',
];
function queries(): string[] {
  const all: string[] = [];
  for (const t of TYPED) for (let n = 2; n <= t.length; n++) all.push(t.slice(0, n));
  return all;
}

/** The naive search: same rules as searchIcd10, by scanning every entry. */
function naiveSearcher(entries: Icd10Entry[]) {
  const words = entries.map((e) => foldedWords(e.display === e.shortDescription ? e.display : `${e.shortDescription} ${e.display}`));
  const compact = entries.map((e) => compactCode(e.code));
  return (query: string): string[] => {
    const q = query.trim();
    if (q.length < 2) return [];
    const c = compactCode(q);
    const byCode: number[] = [];
    if (/^[A-Z][0-9][0-9A-Z]{0,5}$/.test(c)) {
      for (let i = 0; i < entries.length; i++) if (compact[i].startsWith(c)) byCode.push(i);
      byCode.sort((a, b) => compact[a].length - compact[b].length || a - b);
    }
    const qw = foldedWords(q);
    const byWords: number[] = [];
    if (qw.length) {
      for (let i = 0; i < entries.length; i++) {
        if (qw.every((w) => words[i].some((x) => x.startsWith(w)))) byWords.push(i);
      }
      const tier = (i: number) => (compact[i].length <= 4 ? 0 : 1);
      byWords.sort((a, b) => tier(a) - tier(b) || entries[a].display.length - entries[b].display.length || a - b);
    }
    const seen = new Set(byCode);
    return [...byCode, ...byWords.filter((i) => !seen.has(i))].slice(0, LIMIT).map((i) => entries[i].code);
  };
}

interface Timing {
  label: string;
  times: number[];
}

function timeRun(label: string, qs: string[], fn: (q: string) => unknown): Timing {
  for (let i = 0; i < WARMUP; i++) fn(qs[i % qs.length]);
  const times: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const q = qs[(i * 7) % qs.length];
    const t = performance.now();
    fn(q);
    times.push(performance.now() - t);
  }
  return { label, times };
}

function stats(t: Timing) {
  const s = [...t.times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { label: t.label, n: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, p50: at(50), p95: at(95), max: s[s.length - 1] };
}

const icd10: BenchCase = {
  name: 'icd10',
  description: `searchIcd10 in process: ${SEARCHES} searches (word index) vs a naive linear scan of the same entries`,
  async run(ctx) {
    const t0 = performance.now();
    const loaded = preloadIcd10();
    ctx.log(`load (read + gunzip + index, once per process): ${num(performance.now() - t0, 0)} ms, ${num(loaded.codes)} codes, ${num(loaded.words)} distinct words`);

    const qs = queries();
    const naive = naiveSearcher(listIcd10Entries());
    const indexed = (q: string) => searchIcd10(q, { limit: LIMIT }).map((r) => r.code);

    // Same answers, or the comparison means nothing.
    const differ = qs.filter((q) => indexed(q).join() !== naive(q).join());
    if (differ.length) ctx.fail(`the index and the scan disagree on ${differ.length} of ${qs.length} queries, e.g. ${JSON.stringify(differ.slice(0, 3))}`);

    ctx.log(`${qs.length} distinct queries (${TYPED.length} terms typed letter by letter), ${WARMUP} warm-up + ${SEARCHES} measured searches each, limit ${LIMIT}`);
    const rows = [stats(timeRun('baseline (linear scan)', qs, naive)), stats(timeRun('searchIcd10 (index)', qs, indexed))];
    const head = ['target', 'searches', 'mean ms', 'p50 ms', 'p95 ms', 'max ms'];
    const body = rows.map((r) => [r.label, num(r.n), num(r.mean, 3), num(r.p50, 3), num(r.p95, 3), num(r.max, 3)]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    for (const l of [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)]) ctx.log(l);
    const [base, ix] = rows;
    ctx.log(`ratio index/baseline: mean ${num(ix.mean / base.mean, 4)}, p95 ${num(ix.p95 / base.p95, 4)} (${num(base.p95 / ix.p95, 0)}× faster at p95)`);
    if (ix.p95 >= BUDGET_MS) ctx.fail(`searchIcd10 p95 is ${num(ix.p95, 1)} ms, over the ${BUDGET_MS} ms budget`);
    else ctx.log(`searchIcd10 p95 ${num(ix.p95, 3)} ms: under the ${BUDGET_MS} ms budget`);
  },
};

export default icd10;
