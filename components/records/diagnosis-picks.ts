/**
 * The diagnoses picked in a record form, as plain data: their shape (as posted in `diagnoses_json`),
 * reading them back from an echoed submission, and the rules for adding, removing and ranking them
 * (one primary at most; the first diagnosis becomes primary). No React here.
 */
import type { DiagnosisCertainty, DiagnosisRank } from '@/core/vocabulary';

/** One picked diagnosis, as posted in `diagnoses_json`. */
export interface PickedDiagnosis {
  system: 'ICD-10' | 'text';
  /** ICD-10 code with its dot; absent for free text. */
  code?: string;
  display: string;
  rank: DiagnosisRank;
  certainty: DiagnosisCertainty;
}

/** One answer of the ICD-10 search. */
export interface CodeOption {
  system: 'ICD-10';
  code: string;
  display: string;
}

/** What the listbox offers: a code, or the typed words as free text. */
export type DiagnosisOption = CodeOption | { system: 'text'; display: string };

/** Picks from the echoed JSON, keeping only well-formed entries (the server re-validates anyway). */
export function parsePicks(json: string | undefined): PickedDiagnosis[] | null {
  if (!json) return null;
  try {
    const raw: unknown = JSON.parse(json);
    if (!Array.isArray(raw)) return null;
    return raw.flatMap((d): PickedDiagnosis[] => {
      if (!d || typeof d !== 'object') return [];
      const { system, code, display, rank, certainty } = d as Record<string, unknown>;
      if ((system !== 'ICD-10' && system !== 'text') || typeof display !== 'string' || !display) return [];
      if (system === 'ICD-10' && typeof code !== 'string') return [];
      return [{
        system,
        ...(system === 'ICD-10' ? { code: code as string } : {}),
        display,
        rank: rank === 'primary' ? 'primary' : 'secondary',
        certainty: certainty === 'confirmed' ? 'confirmed' : 'provisional',
      }];
    });
  } catch {
    return null;
  }
}

/** What makes two diagnoses the same: the code, or for free text the words whatever their case. */
export const keyOf = (d: { system: string; code?: string; display: string }) =>
  d.system === 'text' ? `text:${d.display.trim().toLowerCase()}` : `${d.system}:${d.code}`;

/** The picks without repeats (first kept). */
export function distinct(picks: PickedDiagnosis[]): PickedDiagnosis[] {
  const seen = new Set<string>();
  return picks.filter((p) => !seen.has(keyOf(p)) && Boolean(seen.add(keyOf(p))));
}

/** `J06.9 Acute upper respiratory infection`, or the words alone for free text. */
export const titleOf = (d: { code?: string; display: string }) => `${d.code ? `${d.code} ` : ''}${d.display}`;

/** A new pick from an option: primary when there is no primary yet, secondary otherwise. */
export function pickFrom(o: DiagnosisOption, picks: PickedDiagnosis[], certainty: DiagnosisCertainty): PickedDiagnosis {
  return {
    system: o.system,
    ...(o.system === 'ICD-10' ? { code: o.code } : {}),
    display: o.display,
    rank: picks.some((p) => p.rank === 'primary') ? 'secondary' : 'primary',
    certainty,
  };
}

/** The picks with `pick` added at the end, unless it is there already. */
export function withPick(picks: PickedDiagnosis[], pick: PickedDiagnosis): PickedDiagnosis[] {
  return picks.some((p) => keyOf(p) === keyOf(pick)) ? picks : [...picks, pick];
}

/** The picks without the one at `index`; when it was the primary, the first remaining one takes over. */
export function withoutPick(picks: PickedDiagnosis[], index: number, goneRank: DiagnosisRank): PickedDiagnosis[] {
  const rest = picks.filter((_, i) => i !== index);
  // Keep one primary while there are diagnoses: the first remaining one takes over.
  if (goneRank === 'primary' && rest.length && !rest.some((p) => p.rank === 'primary')) rest[0] = { ...rest[0], rank: 'primary' };
  return rest;
}

/** The picks with the rank or certainty of the one at `index` changed; a new primary makes the old one secondary. */
export function withChange(picks: PickedDiagnosis[], index: number, change: Partial<Pick<PickedDiagnosis, 'rank' | 'certainty'>>): PickedDiagnosis[] {
  return picks.map((p, i) => {
    if (i === index) return { ...p, ...change };
    // One primary: choosing a new one makes the others secondary.
    if (change.rank === 'primary' && p.rank === 'primary') return { ...p, rank: 'secondary' };
    return p;
  });
}

/** The first error of each diagnosis field, in words ("Diagnosis 2: …"). */
export function errorLines(name: string, fieldErrors: Record<string, string[] | undefined> | undefined): string[] {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if (!messages?.length) continue;
    if (key === name || key === 'diagnoses') out.push(messages[0]);
    else {
      const m = /^diagnoses\.(\d+)(?:\.(\w+))?$/.exec(key);
      if (m) out.push(`Diagnosis ${Number(m[1]) + 1}${m[2] ? ` (${m[2]})` : ''}: ${messages[0]}`);
    }
  }
  return out;
}
