/**
 * The clinical content of a medical record as one value — symptoms, notes, the eight vital-sign
 * columns, diagnoses and prescription lines — shared by amending (what changes, the snapshot kept as
 * history) and by the serializer (the seed's derived `diagnosis` and `prescription` texts).
 * Pure functions, no I/O.
 */
import { z } from 'zod';
import type { NewDiagnosis, NewPrescription } from '@/db/repositories/records';
import type { RecordDetail } from '@/db/repositories/record-reads';
import { ALLERGY_MATCH_KINDS, CODE_SYSTEMS, DIAGNOSIS_CERTAINTIES, DIAGNOSIS_RANKS, RECORD_STATUSES, type AllergyOverride } from '@/core/vocabulary';
import { conflict, type FieldErrors } from '@/lib/errors';
import { findIcd10 } from './icd10';
import type { DiagnosisInput } from './schemas';
import { VITAL_FIELD_ORDER, type VitalField } from './vital-signs';

/** What an amendment replaces: the record's clinical content, in column names. */
export interface RecordContent {
  symptoms: string | null;
  notes: string | null;
  vitals: Record<VitalField, number | null>;
  temperatureEnteredF: boolean | null;
  diagnoses: NewDiagnosis[];
  prescriptions: NewPrescription[];
  /** Allergy warnings the prescriber confirmed for these prescription lines (null: none). */
  allergyOverride: AllergyOverride | null;
}

/** The stored `AllergyOverride` (JSON column and snapshots), checked on the way out. */
export const allergyOverrideSchema = z.object({
  confirmedAt: z.string(),
  confirmedById: z.number().int().nullable(),
  matches: z.array(z.object({
    medicine: z.string(), source: z.literal('prescription').optional(), allergySubstance: z.string(), kind: z.enum(ALLERGY_MATCH_KINDS), className: z.string().optional(),
    severity: z.enum(['mild', 'moderate', 'severe']).optional(), reaction: z.string().optional(), note: z.string().optional(),
  })),
});

/** A stored override (possibly a JSON string from MariaDB) as `AllergyOverride`, or null. */
export function parseAllergyOverride(v: unknown): AllergyOverride | null {
  if (v == null) return null;
  let value = v;
  if (typeof v === 'string') {
    try {
      value = JSON.parse(v);
    } catch {
      return null;
    }
  }
  const parsed = allergyOverrideSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * An earlier version as kept in the `details.previous` of a `record.amend` audit event: the content
 * it had, its version number and status, and when it was last written.
 */
export const recordSnapshotSchema = z.object({
  version: z.number().int().positive(),
  status: z.enum(RECORD_STATUSES),
  statusReason: z.string().nullable().optional(),
  writtenAt: z.string(),
  symptoms: z.string().nullable(),
  notes: z.string().nullable(),
  vitals: z.record(z.string(), z.number().nullable()),
  temperatureEnteredF: z.boolean().nullable().optional(),
  diagnoses: z.array(z.object({
    system: z.enum(CODE_SYSTEMS), code: z.string().nullable().optional(), display: z.string(),
    rank: z.enum(DIAGNOSIS_RANKS), certainty: z.enum(DIAGNOSIS_CERTAINTIES),
  })),
  prescriptions: z.array(z.object({
    medicine: z.string(), codeSystem: z.string().nullable().optional(), code: z.string().nullable().optional(),
    strength: z.string().nullable().optional(), dose: z.string().nullable().optional(), route: z.string().nullable().optional(),
    frequency: z.string().nullable().optional(), duration: z.string().nullable().optional(), instructions: z.string().nullable().optional(),
  })),
  allergyOverride: allergyOverrideSchema.nullable().optional(),
});
export type RecordSnapshot = z.infer<typeof recordSnapshotSchema>;

/** The content of a stored record (lines without their ids and positions). */
export function contentOf(r: Omit<RecordDetail, 'patientName' | 'patientDateOfBirth'>): RecordContent {
  return {
    symptoms: r.symptoms ?? null,
    notes: r.notes ?? null,
    vitals: Object.fromEntries(VITAL_FIELD_ORDER.map((f) => [f, r[f] ?? null])) as Record<VitalField, number | null>,
    temperatureEnteredF: r.temperatureEnteredF ?? null,
    diagnoses: r.diagnoses.map((d) => ({ system: d.system, code: d.code ?? null, display: d.display, rank: d.rank, certainty: d.certainty })),
    prescriptions: r.prescriptions.map((p) => ({
      medicine: p.medicine, codeSystem: p.codeSystem ?? null, code: p.code ?? null, strength: p.strength ?? null, dose: p.dose ?? null,
      route: p.route ?? null, frequency: p.frequency ?? null, duration: p.duration ?? null, instructions: p.instructions ?? null,
    })),
    allergyOverride: parseAllergyOverride(r.allergyOverride),
  };
}

/** The snapshot of record `r` as it stands (before an amendment replaces it). */
export function snapshotOf(r: RecordDetail): RecordSnapshot {
  const c = contentOf(r);
  return {
    version: r.version, status: r.status, statusReason: r.statusReason ?? null, writtenAt: r.updatedAt.toISOString(),
    symptoms: c.symptoms, notes: c.notes, vitals: c.vitals, temperatureEnteredF: c.temperatureEnteredF,
    diagnoses: c.diagnoses.map((d) => ({ system: d.system, code: d.code ?? null, display: d.display, rank: d.rank, certainty: d.certainty })),
    prescriptions: c.prescriptions.map((p) => ({ ...p, medicine: p.medicine })),
    allergyOverride: c.allergyOverride,
  };
}

/** A snapshot back as content (for display and comparison). */
export function contentOfSnapshot(s: RecordSnapshot): RecordContent {
  return {
    symptoms: s.symptoms, notes: s.notes,
    vitals: Object.fromEntries(VITAL_FIELD_ORDER.map((f) => [f, s.vitals[f] ?? null])) as Record<VitalField, number | null>,
    temperatureEnteredF: s.temperatureEnteredF ?? null,
    diagnoses: s.diagnoses.map((d) => ({ ...d, code: d.code ?? null })),
    prescriptions: s.prescriptions.map((p) => ({
      medicine: p.medicine, codeSystem: p.codeSystem ?? null, code: p.code ?? null, strength: p.strength ?? null, dose: p.dose ?? null,
      route: p.route ?? null, frequency: p.frequency ?? null, duration: p.duration ?? null, instructions: p.instructions ?? null,
    })),
    allergyOverride: s.allergyOverride ?? null,
  };
}

/** Whether two contents are the same (an amendment that changes nothing writes nothing); the allergy override follows the lines. */
export function sameContent(a: RecordContent, b: RecordContent): boolean {
  const norm = ({ allergyOverride: _override, ...c }: RecordContent) => JSON.stringify({
    ...c,
    temperatureEnteredF: c.vitals.temperatureC === null ? null : !!c.temperatureEnteredF,
    diagnoses: c.diagnoses.map((d) => [d.system, d.code ?? null, d.display, d.rank, d.certainty]),
    prescriptions: c.prescriptions.map((p) => [p.medicine, p.codeSystem ?? null, p.code ?? null, p.strength ?? null, p.dose ?? null, p.route ?? null, p.frequency ?? null, p.duration ?? null, p.instructions ?? null]),
  });
  return norm(a) === norm(b);
}

// ---------------------------------------------------------------------------------------------------
// Diagnoses: the same rules as charting a visit (lib/records/chart-visit.ts)

/**
 * Diagnosis inputs → lines: ICD-10 codes checked against the shipped list (`findIcd10`; the list's
 * code and title are stored), free text as given; `diagnosisText` (the seed's free-text field) becomes
 * one primary text diagnosis when the list is empty; the first line becomes primary when none is.
 * Problems go into `errors` under `diagnoses.<i>.code`. An ICD-10 code among `known` (the record's
 * current lines, when amending) is taken as stored, so a record imported with a code outside the
 * clinic's list can still be amended without losing it.
 */
export function diagnosisLines(inputs: DiagnosisInput[], diagnosisText: string | undefined, errors: FieldErrors, known: readonly NewDiagnosis[] = []): NewDiagnosis[] {
  const compact = (c: string | null | undefined) => (c ?? '').replace('.', '').toUpperCase();
  const lines: NewDiagnosis[] = inputs.map((d, i) => {
    if (d.system === 'ICD-10') {
      const kept = known.find((k) => k.system === 'ICD-10' && compact(k.code) === compact(d.code));
      const entry = kept ? { code: kept.code as string, display: kept.display } : findIcd10(d.code as string);
      if (!entry) (errors[`diagnoses.${i}.code`] ??= []).push(`${d.code} is not an ICD-10 code in the clinic's list.`);
      return { system: 'ICD-10', code: entry?.code ?? d.code ?? null, display: entry?.display ?? d.display ?? '', rank: d.rank ?? 'secondary', certainty: d.certainty };
    }
    return { system: d.system, code: d.code ?? null, display: d.display ?? d.code ?? '', rank: d.rank ?? 'secondary', certainty: d.certainty };
  });
  if (!lines.length && diagnosisText) lines.push({ system: 'text', code: null, display: diagnosisText.slice(0, 255), rank: 'primary', certainty: 'confirmed' });
  if (lines.length && !lines.some((d) => d.rank === 'primary')) lines[0].rank = 'primary';
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// The seed's text fields

/** `diagnosis` (the seed's text): the diagnoses' displays joined with "; ", primary first as ordered. */
export function diagnosisText(diagnoses: ReadonlyArray<Pick<NewDiagnosis, 'display'>>): string {
  return diagnoses.map((d) => d.display).join('; ');
}

/** One prescription line in words: "Amoxicillin 500 mg, 1 capsule, oral, 3 times a day, 5 days (after meals)". */
export function prescriptionLineText(p: Pick<NewPrescription, 'medicine' | 'strength' | 'dose' | 'route' | 'frequency' | 'duration' | 'instructions'>): string {
  const head = [p.medicine, p.strength].filter(Boolean).join(' ');
  const body = [head, p.dose, p.route, p.frequency, p.duration].filter(Boolean).join(', ');
  return p.instructions ? `${body} (${p.instructions})` : body;
}

/** The paragraph charting writes into the notes for a free-text prescription without lines. */
const RX_PARAGRAPH = /(?:^|\n\n)Prescription: ([\s\S]*)$/;

/**
 * Notes as stored → the doctor's notes and the free-text prescription charting appended to them
 * (`Prescription: …` as the last paragraph; only looked for when the record has no prescription lines).
 */
export function splitNotes(notes: string | null | undefined, hasLines: boolean): { notes: string; prescription: string } {
  const n = notes ?? '';
  const m = hasLines ? null : RX_PARAGRAPH.exec(n);
  if (!m) return { notes: n, prescription: '' };
  return { notes: n.slice(0, m.index), prescription: m[1] };
}

/** The doctor's notes and a free-text prescription → the stored notes (as charting writes them); null when empty. */
export function joinNotes(notes: string | null | undefined, prescription: string | null | undefined): string | null {
  return [notes?.trim(), prescription?.trim() ? `Prescription: ${prescription.trim()}` : null].filter(Boolean).join('\n\n') || null;
}

/** `prescription` (the seed's text): the lines in words joined with "; ", or the free-text prescription. */
export function prescriptionText(c: Pick<RecordContent, 'prescriptions' | 'notes'>): string {
  if (c.prescriptions.length) return c.prescriptions.map(prescriptionLineText).join('; ');
  return splitNotes(c.notes, false).prescription;
}

/** 409 for a change to a record entered in error. */
export const enteredInErrorConflict = (what: string) =>
  conflict(`This record was marked entered in error; it cannot be ${what}. Chart a new visit instead.`, { allowed: [] });
