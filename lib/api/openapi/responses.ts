/**
 * zod schemas of the API's response bodies, for the OpenAPI document (`/api/openapi.json`). The
 * serializers in `lib/<domain>/serialize.ts` produce these shapes; `openapi.int.test.ts` keeps the two
 * honest by parsing real responses of the route handlers with these schemas (an undocumented member
 * fails it: `parse` drops unknown keys and the test compares the result with the body).
 *
 * Each schema carries `.meta({ id })`, so the document shows it once under `components.schemas`.
 */
import 'zod-openapi';
import { z } from 'zod';
import {
  ACTOR_KINDS, AUDIT_OUTCOMES, BLOOD_TYPES, CODE_SYSTEMS, DIAGNOSIS_CERTAINTIES, DIAGNOSIS_RANKS, ROLES, SEXES,
} from '@/core/vocabulary';
import { ERROR_STATUS } from '@/lib/errors';
import { ALLERGY_SEVERITIES } from '@/lib/patients/schemas';
import { API_RECORD_STATUSES } from '@/lib/records/schemas';

const id = z.number().int().positive();
/** An instant as ISO 8601 with the clinic's offset. */
const instant = z.iso.datetime({ offset: true }).meta({ example: '2026-12-01T09:20:00.000+03:00' });
const isoDate = z.iso.date().meta({ example: '1990-04-17' });

// ---- Errors and lists

/** Every `error.code` the API answers with (lib/errors.ts, plus the generic 500). */
export const ERROR_CODES = [...(Object.keys(ERROR_STATUS) as Array<keyof typeof ERROR_STATUS>), 'internal_error'] as const;

/** One possible duplicate of a walk-in patient (409 `possible_duplicate` of `POST /api/patient-profiles/`). */
const duplicateCandidateSchema = z.object({
  user_id: id,
  name: z.string(),
  date_of_birth: isoDate.nullable(),
  phone: z.string().nullable(),
  patient_number: z.string(),
  is_active: z.boolean(),
  matches: z.array(z.string()),
});

/** `{"error":{"code","message","fields"?,…}}`: every 4xx and the 500. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().meta({ description: 'For people: safe to show.' }),
    fields: z.record(z.string(), z.array(z.string())).optional()
      .meta({ description: 'validation_error: messages by field path (`vital_signs.systolic_mmhg`; `_` for the whole body).' }),
    allowed: z.array(z.string()).optional().meta({ description: 'conflict: the actions still possible; method_not_allowed: the methods of the path.' }),
    conflict: z.string().optional().meta({ description: 'conflict: what clashed (`doctor`, `patient`, `email_taken`, `possible_duplicate`).' }),
    candidates: z.array(duplicateCandidateSchema).optional().meta({ description: 'conflict `possible_duplicate`: the patients this one may be.' }),
    current_version: z.number().int().optional().meta({ description: 'conflict on an amendment: the record\'s version now.' }),
    tables: z.array(z.string()).optional().meta({ description: 'not_found of a dashboard export: the tables there are.' }),
  }),
}).meta({
  id: 'Error',
  description: 'The error envelope of every 4xx and 5xx answer.',
  example: { error: { code: 'validation_error', message: 'Some fields are not valid.', fields: { date_time: ['Give a date and time.'] } } },
});

/** `{count, next, previous, results}` of a list of `item`; `name` names the component (`UserList`). */
export function paginatedSchema<T extends z.ZodType>(item: T, name: string) {
  return z.object({
    count: z.number().int().nonnegative().meta({ description: 'Items in the whole list.' }),
    next: z.url().nullable().meta({ description: 'Absolute URL of the next page, or null.' }),
    previous: z.url().nullable().meta({ description: 'Absolute URL of the previous page, or null.' }),
    results: z.array(item),
  }).meta({ id: name, description: `A page of ${name.replace(/List$/, '')} items, stable order (id as the last tie-breaker).` });
}

// ---- Users and auth

const contactInfo = z.object({
  phone: z.string().nullable().meta({ description: 'E.164', example: '+254712345678' }),
  address: z.string().nullable(),
});

export const userSchema = z.object({
  id,
  email: z.email().nullable().meta({ description: 'Null for a patient without an account (imported, walk-in).' }),
  name: z.string(),
  role: z.enum(ROLES),
  contact_info: contactInfo,
  is_active: z.boolean(),
  date_joined: instant,
}).meta({ id: 'User', description: 'A user. No password or hash ever appears.' });

export const loginResponseSchema = z.object({
  token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`.' }),
  expires_at: instant,
  user: userSchema,
}).meta({ id: 'LoginResponse' });

export const logoutResponseSchema = z.object({
  revoked: z.boolean().meta({ description: 'True when the bearer token of the request was revoked.' }),
}).meta({ id: 'LogoutResponse' });

export const healthCheckSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'mysql']),
}).meta({ id: 'HealthCheck' });

// ---- Patients

export const patientProfileSchema = z.object({
  id,
  user_id: id,
  patient_number: z.string(),
  name: z.string(),
  date_of_birth: isoDate.nullable(),
  gender: z.enum(SEXES),
  blood_type: z.enum(BLOOD_TYPES).nullable(),
  allergies: z.array(z.object({
    substance: z.string(),
    reaction: z.string().optional(),
    severity: z.enum(ALLERGY_SEVERITIES).optional(),
  })).nullable().meta({ description: '`null`: withheld from this reader (a doctor not linked to the patient); `[]`: none recorded.' }),
  medical_history: z.string().nullable(),
  emergency_contact_info: z.object({ name: z.string().nullable(), relationship: z.string().nullable(), phone: z.string().nullable() }),
  contact_info: contactInfo,
  is_active: z.boolean(),
}).meta({ id: 'PatientProfile' });

// ---- Appointments and booking

export const APPOINTMENT_API_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled', 'no_show'] as const;

export const appointmentSchema = z.object({
  id,
  patient_id: id.meta({ description: 'The patient\'s user id.' }),
  doctor_id: id.meta({ description: 'The doctor\'s user id.' }),
  date_time: instant,
  end_time: instant,
  status: z.enum(APPOINTMENT_API_STATUSES),
  reason: z.string(),
  notes: z.string(),
  cancellation_reason: z.string().nullable(),
  created_at: instant,
  updated_at: instant,
  patient_name: z.string().optional(),
  doctor_name: z.string().optional(),
}).meta({ id: 'Appointment' });

export const bookableDoctorSchema = z.object({
  id: id.meta({ description: 'The doctor\'s user id.' }),
  name: z.string(),
  specialty: z.string(),
  slot_minutes: z.number().int().positive(),
}).meta({ id: 'Doctor' });

export const slotListSchema = z.object({
  results: z.array(z.object({ start: instant, end: instant })),
}).meta({ id: 'SlotList', description: 'Free slots, in time order.' });

// ---- Medical records

const flag = z.enum(['low', 'high']);
export const vitalSignsSchema = z.object({
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

const recordContent = {
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
  vital_signs: vitalSignsSchema,
  notes: z.string(),
};

const recordStatus = z.enum(API_RECORD_STATUSES);

export const medicalRecordSchema = z.object({
  id,
  patient_id: id,
  doctor_id: id,
  appointment_id: id.nullable(),
  ...recordContent,
  status: recordStatus,
  status_reason: z.string().nullable(),
  version: z.number().int().positive(),
  created_at: instant,
  updated_at: instant,
  patient_name: z.string(),
  doctor_name: z.string(),
}).meta({ id: 'MedicalRecord' });

export const medicalRecordWithHistorySchema = medicalRecordSchema.extend({
  history: z.array(z.object({
    version: z.number().int().positive(),
    status: recordStatus,
    written_at: instant,
    written_by: z.object({ id: id.nullable(), name: z.string().nullable() })
      .meta({ description: 'Who wrote it; null members when the writer is not a user (e.g. an import).' }),
    reason: z.string().nullable(),
    ...recordContent,
  })).meta({ description: 'The earlier versions, oldest first.' }),
}).meta({ id: 'MedicalRecordWithHistory' });

export const icd10ResultsSchema = z.object({
  results: z.array(z.object({ system: z.literal('ICD-10'), code: z.string(), display: z.string() })),
}).meta({ id: 'Icd10Results' });

// ---- Dashboard

export const dashboardStatsResponseSchema = z.object({
  range: z.object({ from: isoDate, to: isoDate, granularity: z.enum(['day', 'week', 'month']), time_zone: z.string() }),
  patients: z.object({ total: z.number().int(), new: z.number().int() }),
  visits: z.object({
    total: z.number().int(),
    series: z.array(z.object({ period: z.string().meta({ description: 'The day, the week\'s Monday, or `YYYY-MM`.' }), visits: z.number().int() })),
  }),
  appointments: z.object({
    by_status: z.object({ pending: z.number().int(), confirmed: z.number().int(), completed: z.number().int(), cancelled: z.number().int(), no_show: z.number().int() }),
    no_show_rate: z.number().nullable().meta({ description: 'no_show / (completed + no_show), a fraction; null when none.' }),
    cancellation_rate: z.number().nullable().meta({ description: 'cancelled / all appointments starting in the range, a fraction; null when none.' }),
  }),
  top_diagnoses: z.object({
    coded: z.array(z.object({ system: z.string(), code: z.string(), display: z.string(), count: z.number().int(), share: z.number() })),
    free_text: z.object({ count: z.number().int(), share: z.number() }),
  }),
  visits_per_doctor: z.array(z.object({ doctor_id: id, name: z.string(), visits: z.number().int() })),
  patients_seen: z.object({
    total: z.number().int(),
    by_sex: z.object(Object.fromEntries(SEXES.map((s) => [s, z.number().int()])) as Record<(typeof SEXES)[number], z.ZodNumber>),
    by_age_band: z.array(z.object({ band: z.enum(['0-4', '5-14', '15-24', '25-44', '45-64', '65+']), count: z.number().int() })),
    age_unknown: z.number().int(),
  }),
}).meta({ id: 'DashboardStats', description: 'Definitions of every number: lib/dashboard/get-dashboard-stats.ts.' });

export const auditEventSchema = z.object({
  id,
  at: instant,
  actor_id: id.nullable(),
  actor_kind: z.enum(ACTOR_KINDS),
  actor_name: z.string().nullable(),
  actor_email: z.string().nullable(),
  action: z.string().meta({ example: 'record.read' }),
  entity: z.string().nullable(),
  entity_id: z.number().int().nullable(),
  patient_id: id.nullable(),
  patient_name: z.string().nullable(),
  patient_number: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
}).meta({ id: 'AuditEvent', description: 'One entry of the audit log, with the names of its actor and patient when known.' });

// ---- Reports

const count = z.number().int().nonnegative();
const share = z.number().nullable().meta({ description: 'A fraction 0–1 (4 decimals); null when there is nothing to divide by.' });

export const monthlyReportResponseSchema = z.object({
  clinic_name: z.string(),
  month: z.string().meta({ example: '2025-12' }),
  from: isoDate,
  to: isoDate,
  time_zone: z.string().meta({ example: 'Africa/Nairobi' }),
  patients: z.object({ total: count, new: count, seen: count }),
  visits: z.object({ total: count, weeks: z.array(z.object({ from: isoDate, to: isoDate, visits: count })) }),
  top_diagnoses: z.object({
    coded: z.array(z.object({ system: z.string(), code: z.string(), display: z.string(), count, share: z.number() })),
    free_text: z.object({ count, share: z.number() }),
  }),
  appointments: z.object({
    by_status: z.object({ pending: count, confirmed: count, completed: count, cancelled: count, no_show: count }),
    total: count,
    no_show_rate: share,
    cancellation_rate: share,
  }),
  visits_per_doctor: z.array(z.object({ doctor_id: id, name: z.string(), visits: count })),
}).meta({ id: 'MonthlyReport', description: 'One clinic month: the dashboard\'s numbers (same definitions) from its first to its last day.' });
