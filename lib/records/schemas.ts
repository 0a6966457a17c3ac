/**
 * zod schemas of the clinical-records capability (charting a visit, amending, entered-in-error, lists
 * and the patient history), shared by the doctor's forms and the medical-records API. Field names follow the API (the seed's names).
 */
import { z } from 'zod';
import { CODE_SYSTEMS, DIAGNOSIS_CERTAINTIES, DIAGNOSIS_RANKS } from '@/core/vocabulary';
import { vitalSignsFromForm, vitalSignsInputSchema } from './vital-signs';
import { PATIENT_ID_DESCRIPTION } from '@/lib/patients/patient-id';

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const required = (max: number, what: string) => z.string({ error: `Enter the ${what}.` }).trim().max(max, `At most ${max} characters.`).min(1, `Enter the ${what}.`);
const id = (what: string) => z.coerce.number({ error: `Give the ${what} id.` }).int().positive(`Give the ${what} id.`);

/** One diagnosis (FHIR Condition): a coded ICD-10 entry, or free text when no code fits. */
export const diagnosisInputSchema = z.object({
  system: z.enum(CODE_SYSTEMS).default('ICD-10'),
  code: text(32).optional(),
  display: text(255).optional(),
  rank: z.enum(DIAGNOSIS_RANKS).optional(),
  certainty: z.enum(DIAGNOSIS_CERTAINTIES).default('confirmed'),
}).superRefine((d, ctx) => {
  if (d.system !== 'text' && !d.code) ctx.addIssue({ code: 'custom', path: ['code'], message: 'Pick a code, or add the diagnosis as free text.' });
  if (d.system === 'text' && !d.display) ctx.addIssue({ code: 'custom', path: ['display'], message: 'Describe the diagnosis.' });
});
export type DiagnosisInput = z.infer<typeof diagnosisInputSchema>;

/** One prescription line (FHIR MedicationRequest). */
export const prescriptionInputSchema = z.object({
  medicine: required(255, 'medicine'),
  strength: text(64).optional(),
  dose: required(64, 'dose'),
  route: required(32, 'route'),
  frequency: required(64, 'frequency'),
  duration: required(64, 'duration'),
  instructions: text(1000).optional(),
});
export type PrescriptionInput = z.infer<typeof prescriptionInputSchema>;

/**
 * `override_allergy_warning`: true when the prescriber confirms prescribing despite a matching
 * recorded allergy (otherwise such a save answers 409 `conflict`, `reason: "allergy"`).
 */
const overrideAllergyWarning = z.boolean({ error: 'override_allergy_warning is true or false.' }).optional()
  .meta({ description: 'Confirm prescribing a medicine that matches a recorded allergy of the patient (otherwise 409 with `reason: "allergy"` and `allergy_matches`). Audited and shown on the record as `allergy_override`.' });

/** Charting a visit (`POST /api/medical-records/` and the charting form). */
export const chartVisitSchema = z.object({
  patient_id: id('patient').meta({ description: PATIENT_ID_DESCRIPTION }),
  appointment_id: id('appointment').optional(),
  symptoms: text(4000).optional(),
  diagnoses: z.array(diagnosisInputSchema).max(20, 'At most 20 diagnoses.').default([]),
  /** The seed's free-text field: taken as one text diagnosis when `diagnoses` is empty. */
  diagnosis: text(1000).optional(),
  prescriptions: z.array(prescriptionInputSchema).max(30, 'At most 30 prescription lines.').default([]),
  /** The seed's free-text field: kept in the notes when no structured lines are given. */
  prescription: text(2000).optional(),
  vital_signs: vitalSignsInputSchema.optional(),
  notes: text(8000).optional(),
  /** The prescriber saw the allergy warning and prescribes anyway (audited, shown on the record). */
  override_allergy_warning: overrideAllergyWarning,
}).superRefine((v, ctx) => {
  const vitals = v.vital_signs && Object.keys(v.vital_signs).length > 0;
  if (!v.symptoms && !v.diagnoses.length && !v.diagnosis && !v.prescriptions.length && !v.prescription && !vitals && !v.notes) {
    ctx.addIssue({ code: 'custom', path: ['symptoms'], message: 'Record at least the symptoms, a diagnosis, a prescription, vital signs or notes.' });
  }
});
export type ChartVisitInput = z.infer<typeof chartVisitSchema>;

/**
 * The charting form's flat fields → the shape of `chartVisitSchema`: `diagnoses_json` (the ICD-10
 * picker's JSON), `prescriptions.N.field` rows (empty rows skipped), `vital_signs.*` fields.
 */
export function chartFormToInput(flat: Record<string, unknown>): Record<string, unknown> {
  const str = (k: string) => (typeof flat[k] === 'string' ? (flat[k] as string) : undefined);
  let diagnoses: unknown = [];
  try {
    diagnoses = JSON.parse(str('diagnoses_json') || '[]');
  } catch {
    diagnoses = 'invalid';
  }
  const rows = new Map<number, Record<string, string>>();
  for (const [k, v] of Object.entries(flat)) {
    const m = /^prescriptions\.(\d+)\.(\w+)$/.exec(k);
    if (m && typeof v === 'string') {
      const row = rows.get(Number(m[1])) ?? {};
      if (v.trim()) row[m[2]] = v;
      rows.set(Number(m[1]), row);
    }
  }
  const prescriptions = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r).filter((r) => Object.keys(r).length > 0);
  const vitals = vitalSignsFromForm(flat);
  return {
    patient_id: str('patient_id'),
    appointment_id: str('appointment_id') || undefined,
    symptoms: str('symptoms'),
    diagnoses,
    prescriptions,
    vital_signs: Object.keys(vitals).length ? vitals : undefined,
    notes: str('notes'),
    override_allergy_warning: str('override_allergy_warning') === 'true',
  };
}

/** The charting form's schema: the flat form rebuilt, then `chartVisitSchema`. */
export const chartVisitFormSchema = z.preprocess((flat) => chartFormToInput(flat as Record<string, unknown>), chartVisitSchema);

// ---- The record lifecycle: amend, entered-in-error, lists, patient history

const positiveId = (what: string) => z.coerce.number({ error: `Give the ${what} id.` }).int(`Give the ${what} id.`).positive(`Give the ${what} id.`);

/**
 * Amending a record (`PUT /api/medical-records/{id}/` and the amend form). Every field is optional:
 * a field given replaces the record's (`""`, `[]` or `{}` clears it), a field left out keeps its
 * value — so a client correcting the diagnosis cannot wipe the vitals by accident. `vital_signs`
 * replaces all eight values together. `diagnosis`/`prescription` are the seed's free-text fields, with
 * the same meaning as when charting. `version`, when given, must be the record's current version
 * (409 otherwise: someone amended it since it was read). `reason` says why (optional, kept).
 */
export const amendRecordSchema = z.object({
  symptoms: chartVisitSchema.shape.symptoms,
  diagnoses: z.array(diagnosisInputSchema).max(20, 'At most 20 diagnoses.').optional(),
  diagnosis: chartVisitSchema.shape.diagnosis,
  prescriptions: z.array(prescriptionInputSchema).max(30, 'At most 30 prescription lines.').optional(),
  prescription: chartVisitSchema.shape.prescription,
  vital_signs: vitalSignsInputSchema.optional(),
  notes: chartVisitSchema.shape.notes,
  reason: z.string().trim().max(1000, 'At most 1000 characters.').optional(),
  override_allergy_warning: overrideAllergyWarning,
  version: z.coerce.number({ error: 'The version is a whole number.' }).int('The version is a whole number.').positive('The version is a whole number.').optional(),
});
export type AmendRecordInput = z.infer<typeof amendRecordSchema>;

/**
 * The amend form's flat fields (the charting form's names, plus `record_id`, `version`, `reason`,
 * when the record has one the free-text `prescription`, and `keep_diagnoses.N` — the JSON of a
 * diagnosis in another code system, e.g. SNOMED CT, ticked to be kept) → `amendRecordSchema` with
 * `record_id`.
 * The form always sends the whole record, so empty fields clear: no vitals → `{}`.
 */
export const amendRecordFormSchema = z.preprocess((raw) => {
  const flat = raw as Record<string, unknown>;
  const x = chartFormToInput(flat);
  const s = (k: string) => (typeof flat[k] === 'string' ? (flat[k] as string) : undefined);
  // Diagnoses the picker cannot show (another code system), ticked to be kept: JSON per checkbox.
  const kept = Object.keys(flat).filter((k) => /^keep_diagnoses\.\d+$/.test(k)).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).map((k) => {
    try {
      return JSON.parse(s(k) ?? '') as unknown;
    } catch {
      return 'invalid';
    }
  });
  const picked = Array.isArray(x.diagnoses) ? x.diagnoses as Array<{ rank?: string }> : x.diagnoses;
  const diagnoses = Array.isArray(picked) && kept.length
    ? [...picked, ...kept.map((d) => (d && typeof d === 'object' && picked.some((p) => p.rank === 'primary') ? { ...d, rank: 'secondary' } : d))]
    : picked;
  return {
    record_id: s('record_id'), version: s('version') || undefined, reason: s('reason'),
    symptoms: x.symptoms ?? '', diagnoses, prescriptions: x.prescriptions,
    vital_signs: x.vital_signs ?? {}, notes: x.notes ?? '', prescription: s('prescription') ?? undefined,
    override_allergy_warning: x.override_allergy_warning,
  };
}, amendRecordSchema.extend({ record_id: positiveId('record') }));

/** Marking a record entered in error (`DELETE /api/medical-records/{id}/` and the form): a reason is required. */
export const markEnteredInErrorSchema = z.object({
  reason: z.string({ error: 'Say why this record is in error.' }).trim().min(1, 'Say why this record is in error.').max(1000, 'At most 1000 characters.'),
});

/** The entered-in-error form: `record_id` and `reason`. */
export const markEnteredInErrorFormSchema = markEnteredInErrorSchema.extend({ record_id: positiveId('record') });

/** The API's record statuses. */
export const API_RECORD_STATUSES = ['final', 'amended', 'entered_in_error'] as const;
export type ApiRecordStatus = (typeof API_RECORD_STATUSES)[number];

/** Filters of `GET /api/medical-records/` (with `page`, `page_size`). */
export const listMedicalRecordsSchema = z.object({
  patient_id: positiveId('patient').optional().meta({ description: PATIENT_ID_DESCRIPTION }),
  doctor_id: positiveId('doctor').optional(),
  appointment_id: positiveId('appointment').optional(),
  status: z.enum(API_RECORD_STATUSES, { error: 'status is final, amended or entered_in_error.' }).optional(),
});

/** `GET /api/medical-records/patient-history/?patient_id=` (with `page`, `page_size`). */
export const patientHistoryQuerySchema = z.object({ patient_id: positiveId('patient').meta({ description: PATIENT_ID_DESCRIPTION }) });
