/**
 * The allergy check at prescribing: which prescription lines name a medicine the patient is recorded
 * as allergic to — the same substance, a member of the same class (penicillins, sulfonamide
 * antibiotics, NSAIDs…), or a class known to cross-react (penicillins ↔ cephalosporins). Pure code,
 * no I/O; the class table and its sources are in `drug-classes.ts` (README.md beside it).
 */
import { foldName } from '@/core/text';
import type { AllergyMatchDetail, AllergyMatchKind } from '@/core/vocabulary';
import { CROSS_REACTIVITY, DRUG_CLASSES, STEM_EXCEPTIONS, SUBSTANCE_ALIASES, type DrugClass } from './drug-classes';

/** An allergy as recorded on the patient (FHIR AllergyIntolerance, reduced). */
export interface AllergyEntry {
  substance: string;
  reaction?: string | null;
  severity?: 'mild' | 'moderate' | 'severe' | null;
}

export type { AllergyMatchKind };

/**
 * One prescription line (or one piece of the free-text prescription) that matches one recorded
 * allergy: `line` is the line's index (from 0), or null for the free text (then `source` is
 * "prescription"); `className` the class they share (or the class of the medicine, for
 * cross-reactivity), `note` the cross-reactivity note.
 */
export interface AllergyMatch extends AllergyMatchDetail {
  line: number | null;
}

/** Words that say nothing about the substance: forms, units, packaging. */
const NOISE = new Set([
  'tab', 'tabs', 'tablet', 'tablets', 'cap', 'caps', 'capsule', 'capsules', 'syrup', 'susp', 'suspension', 'inj', 'injection',
  'iv', 'im', 'po', 'oral', 'cream', 'ointment', 'gel', 'drops', 'eye', 'ear', 'solution', 'sol', 'mg', 'g', 'mcg', 'ug', 'ml',
  'iu', 'units', 'unit', 'dispersible', 'dt', 'sr', 'er', 'xr', 'mr', 'forte', 'ds', 'ss', 'and', 'with', 'plus', 'sodium',
  'potassium', 'hydrochloride', 'hcl', 'trihydrate', 'allergy', 'allergic', 'to', 'drug', 'drugs', 'the', 'of', 'unknown', 'none',
  'reaction', 'intolerance', 'sensitivity', 'all', 'group', 'class', 'antibiotic', 'antibiotics', 'family',
  // Dosing words of a free-text prescription ("Amoxicillin 500mg tds x5d"), so they do not change the medicine.
  'od', 'bd', 'bid', 'tds', 'tid', 'qds', 'qid', 'prn', 'stat', 'nocte', 'mane', 'daily', 'for', 'day', 'days', 'week', 'weeks', 'x',
]);

/**
 * A medicine or allergy text folded for matching: NFKD, accents removed, lower case, "ph" → "f"
 * (cephalexin = cefalexin, sulphonamide = sulfonamide), "ae" → "e", one final "e" dropped from longer
 * words (pénicilline = penicillin, ibuprofène = ibuprofen), every non-letter/digit a space,
 * strengths ("500mg", "250 mg/5 ml", "0.5%") and form words ("caps", "tablets") dropped.
 * `"Amoxicillin 500 mg caps"` → `"amoxicillin"`; `"Co-Amoxiclav"` → `"co amoxiclav"`.
 */
export function foldMedicine(text: string): string {
  const words = foldName(text)
    .replace(/ph/g, 'f').replace(/ae/g, 'e')
    .replace(/[^a-z0-9]+/g, ' ').split(' ')
    .filter((w) => w && !/\d/.test(w) && !NOISE.has(w))
    // French and older spellings end in -e (pénicilline, ibuprofène, céfalexine): drop one final e.
    .map((w) => (w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w));
  return words.join(' ');
}

interface Index {
  /** Folded phrase → substances (folded INN names) it names. */
  substances: Map<string, string[]>;
  /** Folded phrase → class ids it names as a whole ("penicillin", "sulfa", "nsaids"). */
  classAliases: Map<string, string[]>;
  /** Substance → class ids (with the classes that include them). */
  classesOf: Map<string, Set<string>>;
  classes: Map<string, DrugClass>;
  /** Class id → the classes that include it (beta-lactams include penicillins). */
  parents: Map<string, string[]>;
  phrases: string[];
}

let index: Index | undefined;

function buildIndex(): Index {
  const substances = new Map<string, string[]>();
  const classAliases = new Map<string, string[]>();
  const classesOf = new Map<string, Set<string>>();
  const classes = new Map(DRUG_CLASSES.map((c) => [c.id, c]));
  const parents = new Map<string, string[]>();
  for (const c of DRUG_CLASSES) for (const inc of c.includes ?? []) parents.set(inc, [...(parents.get(inc) ?? []), c.id]);
  const addSubstance = (phrase: string, subs: string[]) => {
    const f = foldMedicine(phrase);
    if (f) substances.set(f, [...new Set([...(substances.get(f) ?? []), ...subs.map(foldMedicine)])]);
  };
  for (const c of DRUG_CLASSES) {
    for (const m of c.members) {
      const f = foldMedicine(m);
      addSubstance(f, [f]);
      classesOf.set(f, new Set([...(classesOf.get(f) ?? []), c.id]));
    }
    for (const a of c.aliases) {
      const f = foldMedicine(a);
      if (f) classAliases.set(f, [...(classAliases.get(f) ?? []), c.id]);
    }
  }
  for (const [alias, subs] of Object.entries(SUBSTANCE_ALIASES)) {
    addSubstance(alias, subs);
    for (const s of subs) addSubstance(s, [s]);
  }
  const phrases = [...new Set([...substances.keys(), ...classAliases.keys()])].sort((a, b) => b.length - a.length);
  return { substances, classAliases, classesOf, classes, parents, phrases };
}

function idx(): Index {
  return (index ??= buildIndex());
}

const STEMS = DRUG_CLASSES.flatMap((c) => (c.stems ?? []).map((s) => ({ classId: c.id, prefix: s.endsWith('*') ? s.slice(0, -1) : null, suffix: s.startsWith('*') ? s.slice(1) : null })));
const STEM_EXCEPTION_SET = new Set(STEM_EXCEPTIONS);

/** What a folded text names: substances, and classes named as a whole (by an alias or a stem). */
function analyse(folded: string): { substances: Set<string>; classes: Set<string> } {
  const { substances, classAliases, phrases } = idx();
  const padded = ` ${folded} `;
  const out = { substances: new Set<string>(), classes: new Set<string>() };
  for (const p of phrases) {
    if (!padded.includes(` ${p} `)) continue;
    for (const s of substances.get(p) ?? []) out.substances.add(s);
    for (const c of classAliases.get(p) ?? []) out.classes.add(c);
  }
  // Words no list names, but whose INN stem tells the class ("pivmecillinam", "cefditoren").
  for (const w of folded.split(' ')) {
    if (w.length < 6 || STEM_EXCEPTION_SET.has(w) || substances.has(w)) continue;
    for (const st of STEMS) {
      if ((st.prefix && w.startsWith(st.prefix)) || (st.suffix && w.endsWith(st.suffix))) {
        out.substances.add(w);
        out.classes.add(`stem:${st.classId}:${w}`);
      }
    }
  }
  return out;
}

/** The classes a substance belongs to, with the classes that include those (transitively). */
function classesOfSubstance(substance: string, stemClasses: Set<string>): Set<string> {
  const { classesOf, parents } = idx();
  const direct = new Set(classesOf.get(substance) ?? []);
  for (const c of stemClasses) {
    const [, id, word] = c.split(':');
    if (word === substance) direct.add(id);
  }
  return withParents(direct, parents);
}

function withParents(ids: Set<string>, parents: Map<string, string[]>): Set<string> {
  const out = new Set(ids);
  const queue = [...ids];
  while (queue.length) for (const p of parents.get(queue.pop()!) ?? []) if (!out.has(p)) { out.add(p); queue.push(p); }
  return out;
}

/** Meaningful words of an allergy with no known substance, for a literal match ("Xylomab" ↔ "Xylomab 10 mg"). */
function literalCore(folded: string): string | null {
  const words = folded.split(' ').filter((w) => w.length >= 4);
  return words.length ? words.join(' ') : null;
}

const RANK: Record<AllergyMatchKind, number> = { substance: 0, class: 1, cross_reactivity: 2 };

/**
 * The prescription lines that match the recorded allergies, one entry per (line, allergy) pair with
 * the strongest way they match. Rules:
 * - texts folded by `foldMedicine` (case, accents, British spellings, strengths and forms ignored);
 * - same substance: the line names a substance the allergy names (combinations count each part:
 *   co-amoxiclav contains amoxicillin; co-trimoxazole contains sulfamethoxazole);
 * - same class: the allergy names a class ("penicillin", "sulfa", "NSAIDs") and the medicine is a
 *   member, or the allergy names a member of a class whose members share allergies (amoxicillin →
 *   every penicillin; aspirin → ibuprofen, diclofenac) — opioids as a whole and beta-lactams as a
 *   whole only when the allergy names that class;
 * - cross-reactivity: penicillins ↔ cephalosporins, penicillins → carbapenems (with a note);
 * - an allergy naming no known medicine (peanuts, latex) matches only a line containing its words.
 * Returns matches ordered by line, then allergy order.
 */
export function matchAllergies(lines: ReadonlyArray<{ medicine: string }>, allergies: ReadonlyArray<AllergyEntry>): AllergyMatch[] {
  const { classes, parents } = idx();
  const parsedAllergies = allergies.map((a) => {
    const folded = foldMedicine(a.substance ?? '');
    const found = analyse(folded);
    // Classes the allergy covers as a whole: named classes, and shared-allergy classes of named substances.
    const whole = new Set<string>();
    for (const c of found.classes) if (!c.startsWith('stem:')) whole.add(c);
    const memberOf = new Set<string>();
    for (const s of found.substances) for (const c of classesOfSubstance(s, found.classes)) memberOf.add(c);
    for (const c of memberOf) if (classes.get(c)?.sharedAllergy) whole.add(c);
    // A class covers the classes it includes (beta-lactams → penicillins…).
    const covered = new Set(whole);
    for (const c of DRUG_CLASSES) if ([...whole].some((w) => withParents(new Set([c.id]), parents).has(w))) covered.add(c.id);
    const known = found.substances.size > 0 || found.classes.size > 0;
    return { a, folded, substances: found.substances, covered, literal: known ? null : literalCore(folded) };
  });

  const out: AllergyMatch[] = [];
  lines.forEach((line, i) => {
    const folded = foldMedicine(line.medicine ?? '');
    if (!folded) return;
    const med = analyse(folded);
    const medClasses = new Set<string>();
    for (const s of med.substances) for (const c of classesOfSubstance(s, med.classes)) medClasses.add(c);
    for (const c of med.classes) if (!c.startsWith('stem:')) for (const x of withParents(new Set([c]), parents)) medClasses.add(x);

    for (const p of parsedAllergies) {
      let best: Omit<AllergyMatch, 'line' | 'medicine' | 'allergySubstance' | 'severity' | 'reaction'> | null = null;
      const consider = (m: NonNullable<typeof best>) => { if (!best || RANK[m.kind] < RANK[best.kind]) best = m; };
      for (const s of med.substances) if (p.substances.has(s)) consider({ kind: 'substance' });
      if (p.literal && ` ${folded} `.includes(` ${p.literal} `)) consider({ kind: 'substance' });
      // The class they share, the most specific first (penicillins rather than beta-lactams).
      const shared = [...medClasses].filter((c) => p.covered.has(c)).sort((a, b) => Number(!!classes.get(a)!.includes) - Number(!!classes.get(b)!.includes));
      if (shared.length) consider({ kind: 'class', className: classes.get(shared[0])!.name });
      for (const x of CROSS_REACTIVITY) {
        if (p.covered.has(x.from) && medClasses.has(x.to)) consider({ kind: 'cross_reactivity', className: classes.get(x.to)!.name, note: x.note });
      }
      if (best) {
        out.push({
          line: i, medicine: line.medicine, allergySubstance: p.a.substance, ...(best as object),
          ...(p.a.severity ? { severity: p.a.severity } : {}), ...(p.a.reaction ? { reaction: p.a.reaction } : {}),
        } as AllergyMatch);
      }
    }
  });
  return out;
}

/**
 * The medicines of a free-text prescription (the seed's `prescription` field): the text split on new
 * lines, ";", ",", "+" and the word "and", each piece trimmed, empty pieces dropped.
 * `"Amoxicillin 500mg tds x5d; Paracetamol 1g + ORS"` → `["Amoxicillin 500mg tds x5d", "Paracetamol 1g", "ORS"]`.
 */
export function splitFreePrescription(text: string | null | undefined): string[] {
  return (text ?? '').split(/[\r\n;,+]+|\s+and\s+/i).map((p) => p.trim()).filter(Boolean);
}

/**
 * `matchAllergies` for a free-text prescription: each piece of `splitFreePrescription(text)` is
 * matched as a medicine name; every match has `line: null` and `source: "prescription"`, and
 * `medicine` is the piece as written. The same (medicine, allergy) pair is reported once.
 */
export function matchFreeTextAllergies(text: string | null | undefined, allergies: ReadonlyArray<AllergyEntry>): AllergyMatch[] {
  const seen = new Set<string>();
  return matchAllergies(splitFreePrescription(text).map((medicine) => ({ medicine })), allergies)
    .filter((m) => {
      const k = `${foldMedicine(m.medicine)}\u0000${m.allergySubstance}`;
      return !seen.has(k) && !!seen.add(k);
    })
    .map((m) => ({ ...m, line: null, source: 'prescription' as const }));
}
