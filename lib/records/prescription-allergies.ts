import { findPatientByUserId } from '@/db/repositories/patients';
import type { AllergyOverride } from '@/core/vocabulary';
import { conflict } from '@/lib/errors';
import { foldMedicine, matchAllergies, matchFreeTextAllergies, type AllergyMatch } from '@/lib/medicines/match-allergies';
import { apiAllergyMatch } from './serialize';

/**
 * The allergy check at prescribing, shared by charting a visit and amending a record (API and forms).
 *
 * `lines` are the prescription lines about to be saved and `freeText` the free-text prescription
 * about to be saved (the seed's `prescription`; pass it only when it is kept, i.e. without lines),
 * `patientId` the patient (user id) whose recorded allergies (`patients.allergies`) are checked with
 * `matchAllergies` / `matchFreeTextAllergies` (same substance, same class, cross-reactivity;
 * lib/medicines; free-text matches carry `source: "prescription"` and no line). `acknowledged` is the override already stored on the
 * version being amended: its matches (same folded medicine and allergy) need no new confirmation.
 *
 * - No match: returns null (nothing to store).
 * - Matches all acknowledged: returns the acknowledged override narrowed to the matches still present.
 * - New matches and `override` false: throws 409 `conflict` with
 *   `{ reason: "allergy", allergy_matches: [{ line? | source?, medicine, allergy_substance, match, class?, severity?, reaction?, note? }] }`
 *   (nothing is written: callers check before their transaction).
 * - New matches and `override` true: returns a new override `{ confirmedAt: now, confirmedById, matches }`
 *   to store with the record (the caller audits it).
 */
export async function checkPrescriptionAllergies(opts: {
  patientId: number;
  lines: ReadonlyArray<{ medicine: string }>;
  freeText?: string | null;
  override: boolean;
  confirmedById: number | null;
  acknowledged?: AllergyOverride | null;
  now: Date;
}): Promise<AllergyOverride | null> {
  if (!opts.lines.length && !opts.freeText?.trim()) return null;
  const allergies = (await findPatientByUserId(opts.patientId))?.allergies ?? [];
  if (!Array.isArray(allergies) || !allergies.length) return null;
  const matches = [...matchAllergies(opts.lines, allergies), ...matchFreeTextAllergies(opts.freeText, allergies)];
  if (!matches.length) return null;

  const key = (m: { medicine: string; allergySubstance: string }) => `${foldMedicine(m.medicine)}\u0000${m.allergySubstance.trim().toLowerCase()}`;
  const known = new Set((opts.acknowledged?.matches ?? []).map(key));
  const fresh = matches.filter((m) => !known.has(key(m)));
  if (!fresh.length && opts.acknowledged) {
    const present = new Set(matches.map(key));
    return { ...opts.acknowledged, matches: opts.acknowledged.matches.filter((m) => present.has(key(m))) };
  }
  if (!opts.override) throw allergyConflict(fresh);
  return { confirmedAt: opts.now.toISOString(), confirmedById: opts.confirmedById, matches: matches.map(stored) };
}

function stored(m: AllergyMatch): AllergyOverride['matches'][number] {
  return {
    medicine: m.medicine, ...(m.source ? { source: m.source } : {}), allergySubstance: m.allergySubstance, kind: m.kind,
    ...(m.className ? { className: m.className } : {}), ...(m.severity ? { severity: m.severity } : {}),
    ...(m.reaction ? { reaction: m.reaction } : {}), ...(m.note ? { note: m.note } : {}),
  };
}

/** 409 `conflict`, `reason: "allergy"`, with the matches the prescriber must confirm. */
export function allergyConflict(matches: AllergyMatch[]) {
  const words = matches.map((m) => `${m.medicine} — allergy to ${m.allergySubstance}${m.kind === 'substance' ? '' : ` (${m.kind === 'class' ? 'same class' : 'cross-reactivity'}: ${m.className})`}`);
  return conflict(
    `The patient has a recorded allergy that matches ${matches.length === 1 ? 'a prescribed medicine' : 'prescribed medicines'}: ${words.join('; ')}. Check it, then confirm to prescribe anyway ("override_allergy_warning": true).`,
    { reason: 'allergy', allergy_matches: matches.map(apiAllergyMatch) },
  );
}
