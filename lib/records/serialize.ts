/**
 * The API's Medical record shape (api-shapes.md; the seed's names):
 * `{ id, patient_id, doctor_id, appointment_id, symptoms, diagnosis, diagnoses, prescription,
 * prescriptions, vital_signs, notes, allergy_override, status, status_reason, version, created_at, updated_at,
 * patient_name, doctor_name }`, plus `history` (earlier versions) on `GET /api/medical-records/{id}/`.
 *
 * - `diagnosis` is derived: the diagnoses' displays joined with "; ". `prescription` is derived: the
 *   lines in words joined with "; ", or, for a record charted with the seed's free-text field and no
 *   lines, that text (stored as the notes' last paragraph `Prescription: …`, left out of `notes` here).
 * - `vital_signs` by `serializeVitalSigns`, with flags for the patient's age on the day of the visit.
 * - `status`: `final`, `amended`, or `entered_in_error` (FHIR's `entered-in-error` in the database).
 * - Instants with the clinic's offset.
 *
 * The schemas below document the shape; each serializer returns what its schema accepts.
 */
import { z } from 'zod';
import type { RecordDetail } from '@/db/repositories/record-reads';
import { ALLERGY_MATCH_KINDS, CODE_SYSTEMS, DIAGNOSIS_CERTAINTIES, DIAGNOSIS_RANKS, type RecordStatus } from '@/core/vocabulary';
import { ageOn, clinicToday, toClinicIso } from '@/core/time';
import { paginatedSchema } from '@/lib/api/pagination';
import { idField, instantField } from '@/lib/api/response-fields';
import type { AllergyMatch } from '@/lib/medicines/match-allergies';
import { contentOf, diagnosisText, prescriptionText, splitNotes, type RecordContent } from './record-content';
import { API_RECORD_STATUSES, type ApiRecordStatus } from './schemas';
import type { MedicalRecordVersion } from './get-medical-record';
import { serializeVitalSigns } from './vital-signs';

const flag = z.enum(['low', 'high']);

export const vitalSignsResponseSchema = z.object({
  systolic_mmhg: z.number().optional(),
  diastolic_mmhg: z.number().optional(),
  temperature_c: z.number().optional(),
  weight_kg: z.number().optional(),
  height_cm: z.number().optional(),
  heart_rate_bpm: z.number().optional(),
  respiratory_rate: z.number().optional(),
  spo2_pct: z.number().optional(),
  bmi: z.number().optional().meta({ description: 'Computed from weight and height (read-only).' }),
  flags: z.record(z.string(), flag).optional().meta({ description: 'Out-of-range values by name (read-only).', example: { systolic_mmhg: 'high' } }),
}).meta({ id: 'VitalSigns' });

/**
 * A prescription line (or a medicine of the free-text prescription) matching a recorded allergy: in
 * a 409 `reason: "allergy"` body (with `line`, the line's index from 0, for a line) and in a record's
 * `allergy_override`; `source: "prescription"` marks a medicine found in the free text.
 */
export const allergyMatchResponseSchema = z.object({
  line: z.number().int().nonnegative().optional().meta({ description: 'The prescription line\'s index (from 0); absent for the free-text prescription.' }),
  source: z.literal('prescription').optional().meta({ description: 'Present when the medicine was found in the free-text `prescription` (then `medicine` is that piece of the text).' }),
  medicine: z.string(),
  allergy_substance: z.string().meta({ description: 'The allergy as recorded on the patient.' }),
  match: z.enum(ALLERGY_MATCH_KINDS).meta({ description: 'Same substance, same class, or a class known to cross-react.' }),
  class: z.string().optional().meta({ example: 'penicillins' }),
  severity: z.enum(['mild', 'moderate', 'severe']).optional(),
  reaction: z.string().optional(),
  note: z.string().optional().meta({ description: 'Cross-reactivity note.' }),
}).meta({ id: 'AllergyMatch' });

/** A match in the API's words (error body and record shape). */
export function apiAllergyMatch(m: Omit<AllergyMatch, 'line'> & { line?: number | null }): z.input<typeof allergyMatchResponseSchema> {
  return {
    ...(typeof m.line === 'number' ? { line: m.line } : {}), ...(m.source ? { source: m.source } : {}),
    medicine: m.medicine, allergy_substance: m.allergySubstance, match: m.kind,
    ...(m.className ? { class: m.className } : {}), ...(m.severity ? { severity: m.severity } : {}),
    ...(m.reaction ? { reaction: m.reaction } : {}), ...(m.note ? { note: m.note } : {}),
  };
}

/** The clinical fields of a record and of each earlier version. */
const recordContentShape = {
  symptoms: z.string(),
  diagnosis: z.string().meta({ description: 'Derived: the diagnoses\' displays joined with "; ".' }),
  diagnoses: z.array(z.object({
    system: z.enum(CODE_SYSTEMS),
    code: z.string().optional(),
    display: z.string(),
    rank: z.enum(DIAGNOSIS_RANKS),
    certainty: z.enum(DIAGNOSIS_CERTAINTIES),
  })),
  prescription: z.string().meta({ description: 'Derived: the prescription lines in words, or the free text given when charting.' }),
  prescriptions: z.array(z.object({
    medicine: z.string(),
    strength: z.string().optional(),
    dose: z.string(),
    route: z.string(),
    frequency: z.string(),
    duration: z.string(),
    instructions: z.string().optional(),
  })),
  vital_signs: vitalSignsResponseSchema,
  notes: z.string(),
  allergy_override: z.object({
    confirmed_at: instantField,
    confirmed_by_id: idField.nullable(),
    allergy_matches: z.array(allergyMatchResponseSchema),
  }).nullable().meta({ description: 'Allergy warnings the prescriber confirmed for this version\'s prescriptions (`override_allergy_warning`); null when none.' }),
};
const recordContentSchema = z.object(recordContentShape);

const recordStatus = z.enum(API_RECORD_STATUSES);

export const medicalRecordResponseSchema = z.object({
  id: idField,
  patient_id: idField,
  doctor_id: idField,
  appointment_id: idField.nullable(),
  ...recordContentShape,
  status: recordStatus,
  status_reason: z.string().nullable(),
  version: z.number().int().positive(),
  created_at: instantField,
  updated_at: instantField,
  patient_name: z.string(),
  doctor_name: z.string(),
}).meta({ id: 'MedicalRecord' });

export const medicalRecordListResponseSchema = paginatedSchema(medicalRecordResponseSchema, 'MedicalRecordList');

export const medicalRecordWithHistoryResponseSchema = medicalRecordResponseSchema.extend({
  history: z.array(z.object({
    version: z.number().int().positive(),
    status: recordStatus,
    written_at: instantField,
    written_by: z.object({ id: idField.nullable(), name: z.string().nullable() })
      .meta({ description: 'Who wrote it; null members when the writer is not a user (e.g. an import).' }),
    reason: z.string().nullable(),
    ...recordContentShape,
  })).meta({ description: 'The earlier versions, oldest first.' }),
}).meta({ id: 'MedicalRecordWithHistory' });

export const toApiRecordStatus = (s: RecordStatus): ApiRecordStatus => (s === 'entered-in-error' ? 'entered_in_error' : s);
export const fromApiRecordStatus = (s: ApiRecordStatus): RecordStatus => (s === 'entered_in_error' ? 'entered-in-error' : s);

/** The patient's age in years on the day of `at` (null when the date of birth is unknown). */
export function ageAtVisit(dateOfBirth: string | null | undefined, at: Date): number | null {
  return dateOfBirth ? ageOn(dateOfBirth, clinicToday(at)) : null;
}

/** The clinical fields of the shape, from a record's (or an earlier version's) content. */
export function serializeRecordContent(c: RecordContent, ageYears: number | null): z.input<typeof recordContentSchema> {
  const hasLines = c.prescriptions.length > 0;
  return {
    symptoms: c.symptoms ?? '',
    diagnosis: diagnosisText(c.diagnoses),
    diagnoses: c.diagnoses.map((d) => ({ system: d.system, ...(d.code ? { code: d.code } : {}), display: d.display, rank: d.rank, certainty: d.certainty })),
    prescription: prescriptionText(c),
    prescriptions: c.prescriptions.map((p) => ({
      medicine: p.medicine, ...(p.strength ? { strength: p.strength } : {}), dose: p.dose ?? '', route: p.route ?? '',
      frequency: p.frequency ?? '', duration: p.duration ?? '', ...(p.instructions ? { instructions: p.instructions } : {}),
    })),
    vital_signs: serializeVitalSigns({ ...c.vitals, temperatureEnteredF: c.temperatureEnteredF }, { ageYears }),
    notes: splitNotes(c.notes, hasLines).notes,
    allergy_override: c.allergyOverride ? {
      confirmed_at: toClinicIso(new Date(c.allergyOverride.confirmedAt)),
      confirmed_by_id: c.allergyOverride.confirmedById,
      allergy_matches: c.allergyOverride.matches.map(apiAllergyMatch),
    } : null,
  };
}

/** A record in the API's shape (see the module comment). */
export function serializeMedicalRecord(r: RecordDetail): z.input<typeof medicalRecordResponseSchema> {
  return {
    id: r.id,
    patient_id: r.patientId,
    doctor_id: r.doctorId,
    appointment_id: r.appointmentId ?? null,
    ...serializeRecordContent(contentOf(r), ageAtVisit(r.patientDateOfBirth, r.createdAt)),
    status: toApiRecordStatus(r.status),
    status_reason: r.statusReason ?? null,
    version: r.version,
    created_at: toClinicIso(r.createdAt),
    updated_at: toClinicIso(r.updatedAt),
    patient_name: r.patientName,
    doctor_name: r.doctorName,
  };
}

/**
 * A record with its `history`: the earlier versions, oldest first, each
 * `{ version, status, written_at, written_by: {id, name}, reason, …clinical fields }`.
 */
export function serializeMedicalRecordWithHistory(r: RecordDetail, versions: MedicalRecordVersion[]): z.input<typeof medicalRecordWithHistoryResponseSchema> {
  const age = ageAtVisit(r.patientDateOfBirth, r.createdAt);
  return {
    ...serializeMedicalRecord(r),
    history: versions.filter((v) => !v.current).map((v) => ({
      version: v.version,
      status: toApiRecordStatus(v.status),
      written_at: toClinicIso(v.writtenAt),
      written_by: { id: v.writtenBy.id, name: v.writtenBy.name },
      reason: v.reason,
      ...serializeRecordContent(v.content, age),
    })),
  };
}
