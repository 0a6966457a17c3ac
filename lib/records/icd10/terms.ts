/**
 * The diagnosis search's own vocabulary, shipped next to this file with its sources:
 * - `terms.tsv`: everyday words, British spellings and clinical abbreviations (kinds `abbr`, `syn`,
 *   `top`; columns and meaning in the file's header);
 * - `primary-care.tsv`: the common primary-care codes in Kenya (the MOH 705A/705B outpatient summary
 *   lines), with a weight 1–3.
 * And the spelling fold for British forms (`spellingFold`).
 *
 * Both files are read once per process on first use (like the code list, never at import) and checked:
 * a malformed line, a duplicate term or a code missing from the shipped list throws (unit-tested).
 */
import fs from 'node:fs';
import path from 'node:path';
import { foldedWords } from './format';

/** How a term of `terms.tsv` is matched and searched (see the file's header). */
export type TermKind = 'abbr' | 'syn' | 'top';

/** One row of `terms.tsv`: `words` folded (and spelling-folded), `means` folded, `codes` as written (with dots). */
export interface SearchTerm {
  kind: TermKind;
  words: string[];
  means: string[];
  codes: string[];
}

/** The loaded vocabulary: terms by their first word (longest first), primary-care weights by code. */
export interface SearchVocabulary {
  terms: SearchTerm[];
  byFirstWord: Map<string, SearchTerm[]>;
  /** Code (with dot) → weight 1–3 from `primary-care.tsv`. */
  primaryCare: Map<string, number>;
}

export const TERMS_PATH = 'lib/records/icd10/terms.tsv';
export const PRIMARY_CARE_PATH = 'lib/records/icd10/primary-care.tsv';

/**
 * British → American spelling of one folded word, by rule (ICD-10-CM is in American spelling):
 * `ae`→`e` and `oe`→`e` (anaemia, haemorrhoids, oedema, diarrhoea, foetal, coeliac, paediatric), a
 * final `our`/`ours` → `or`/`ors` (tumour, labour), `isation`→`ization`, a final `ise`/`ised`/`ises` →
 * `ize…`, `yse`→`yze` (paralyse), `sulph`→`sulf`, a final `tre` → `ter` (centre). The search uses the
 * folded form only for a word whose typed form starts no word of the list, so words that are right as
 * they are (toe, shoe, hour, Haemophilus) are never changed.
 */
export function spellingFold(word: string): string {
  return word
    .replace(/ae/g, 'e')
    .replace(/oe/g, 'e')
    .replace(/our(s?)$/, 'or$1')
    .replace(/isation/g, 'ization')
    .replace(/is(e|ed|es|ing)$/, 'iz$1')
    .replace(/yse(d|s)?$/, 'yze$1')
    .replace(/sulph/g, 'sulf')
    .replace(/([^aeiou])tre(s?)$/, '$1ter$2');
}

/** Folded words of `text` with every word spelling-folded: how terms are compared with queries. */
export function termWords(text: string): string[] {
  return foldedWords(text).map(spellingFold);
}

function dataLines(file: string, header: string): string[][] {
  const text = fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), file), 'utf8');
  const rows: string[][] = [];
  let seenHeader = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) return;
    if (!seenHeader) {
      if (line !== header) throw new Error(`${file}: line ${i + 1} should be the header ${JSON.stringify(header)}`);
      seenHeader = true;
      return;
    }
    rows.push(line.split('\t').concat(i + 1 + ''));
  });
  if (!seenHeader) throw new Error(`${file}: no header line`);
  return rows;
}

/**
 * Parses and checks both files. `knownCode(code)` says whether a code (with dot) is in the shipped
 * list; an unknown code, a malformed row or a duplicate term throws, naming the file and line.
 */
export function loadSearchVocabulary(knownCode: (code: string) => boolean): SearchVocabulary {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  for (const f of dataLines(TERMS_PATH, 'kind\tterm\tmeans\tcodes')) {
    const line = f[f.length - 1];
    const where = `${TERMS_PATH}: line ${line}`;
    if (f.length !== 5) throw new Error(`${where}: expected 4 tab-separated fields`);
    const [kind, term, means, codeList] = f;
    if (kind !== 'abbr' && kind !== 'syn' && kind !== 'top') throw new Error(`${where}: unknown kind ${JSON.stringify(kind)}`);
    const words = termWords(term);
    if (!words.length) throw new Error(`${where}: empty term`);
    if (kind === 'abbr' && words.length !== 1) throw new Error(`${where}: an abbreviation is one word`);
    if (kind !== 'top' && !foldedWords(means).length) throw new Error(`${where}: ${kind} needs the words it means`);
    const key = words.join(' ');
    if (seen.has(key)) throw new Error(`${where}: duplicate term ${JSON.stringify(key)}`);
    seen.add(key);
    const codes = codeList ? codeList.split(',').map((c) => c.trim()) : [];
    for (const c of codes) if (!knownCode(c)) throw new Error(`${where}: ${c} is not in the shipped ICD-10 list`);
    terms.push({ kind, words, means: kind === 'top' ? words : foldedWords(means), codes });
  }
  const byFirstWord = new Map<string, SearchTerm[]>();
  for (const t of terms) {
    const list = byFirstWord.get(t.words[0]) ?? [];
    list.push(t);
    byFirstWord.set(t.words[0], list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  const primaryCare = new Map<string, number>();
  for (const f of dataLines(PRIMARY_CARE_PATH, 'code\tweight\tmoh705')) {
    const where = `${PRIMARY_CARE_PATH}: line ${f[f.length - 1]}`;
    if (f.length !== 4) throw new Error(`${where}: expected 3 tab-separated fields`);
    const [code, weight] = f;
    if (!knownCode(code)) throw new Error(`${where}: ${code} is not in the shipped ICD-10 list`);
    if (!/^[123]$/.test(weight)) throw new Error(`${where}: weight is 1, 2 or 3`);
    if (primaryCare.has(code)) throw new Error(`${where}: duplicate code ${code}`);
    primaryCare.set(code, Number(weight));
  }
  return { terms, byFirstWord, primaryCare };
}

/** One term found in a query: it covers `tokens[from … from + length)`. */
export interface TermMatch {
  term: SearchTerm;
  from: number;
  length: number;
}

/**
 * The terms of `tokens` (spelling-folded query words), left to right, longest first, not overlapping.
 * Words match whole; the last word of the query may be typed in part (3 letters or more) when it ends a
 * `syn` or `top` term of two words or more ("high blood pres", "heart att"). Abbreviations match whole only.
 */
export function findTerms(vocab: SearchVocabulary, tokens: readonly string[]): TermMatch[] {
  const out: TermMatch[] = [];
  for (let i = 0; i < tokens.length;) {
    let hit: TermMatch | undefined;
    for (const term of vocab.byFirstWord.get(tokens[i]) ?? []) {
      const n = term.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const t = tokens[i + j], w = term.words[j];
        const partialLast = i + j === tokens.length - 1 && j === n - 1 && n >= 2 && term.kind !== 'abbr' && t.length >= 3;
        ok = t === w || (partialLast && w.startsWith(t));
      }
      if (ok) {
        hit = { term, from: i, length: n };
        break;
      }
    }
    // A first word typed in part ("hig" of "high blood pressure") finds nothing: only whole first words.
    if (hit) {
      out.push(hit);
      i += hit.length;
    } else i++;
  }
  return out;
}
