/**
 * zod schemas of the clinical-records capability (charting a visit), shared by the charting form's
 * server action and the medical-records API. Field names follow the API (the seed's names).
 */
import { z } from 'zod';
import { CODE_SYSTEMS, DIAGNOSIS_CERTAINTIES, DIAGNOSIS_RANKS } from '@/db/schema/types';
import { vitalSignsFromForm, vitalSignsInputSchema } from './vital-signs';

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const required = (max: number, what: string) => text(max).min(1, `Enter the ${what}.`);
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

/** Charting a visit (`POST /api/medical-records/` and the charting form). */
export const chartVisitSchema = z.object({
  patient_id: id('patient'),
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
  };
}

/** The charting form's schema: the flat form rebuilt, then `chartVisitSchema`. */
export const chartVisitFormSchema = z.preprocess((flat) => chartFormToInput(flat as Record<string, unknown>), chartVisitSchema);
