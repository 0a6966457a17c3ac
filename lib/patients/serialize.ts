/**
 * The API's Patient profile shape (api-shapes.md), snake_case, plus the user's `name`, `contact_info`
 * and `is_active`: its schema and its serializer.
 */
import { z } from 'zod';
import { BLOOD_TYPES, SEXES } from '@/core/vocabulary';
import { paginatedSchema } from '@/lib/api/pagination';
import { dateField, idField } from '@/lib/api/response-fields';
import { contactInfoResponseSchema } from '@/lib/users/serialize';
import type { PatientProfile } from './profile';
import { ALLERGY_SEVERITIES } from './schemas';

export const patientProfileResponseSchema = z.object({
  id: idField,
  user_id: idField,
  patient_number: z.string(),
  name: z.string(),
  date_of_birth: dateField.nullable(),
  gender: z.enum(SEXES),
  blood_type: z.enum(BLOOD_TYPES).nullable(),
  allergies: z.array(z.object({
    substance: z.string(),
    reaction: z.string().optional(),
    severity: z.enum(ALLERGY_SEVERITIES).optional(),
  })).nullable().meta({ description: '`null`: withheld from this reader (a doctor not linked to the patient); `[]`: none recorded.' }),
  medical_history: z.string().nullable(),
  emergency_contact_info: z.object({ name: z.string().nullable(), relationship: z.string().nullable(), phone: z.string().nullable() }),
  contact_info: contactInfoResponseSchema,
  is_active: z.boolean(),
}).meta({ id: 'PatientProfile' });

export const patientProfileListResponseSchema = paginatedSchema(patientProfileResponseSchema, 'PatientProfileList');

export type PatientProfileJson = z.input<typeof patientProfileResponseSchema>;

/** `PatientProfile` → the API's JSON (no credential, session or account detail ever appears). */
export function serializePatientProfile(p: PatientProfile): PatientProfileJson {
  return {
    id: p.id,
    user_id: p.userId,
    patient_number: p.patientNumber,
    name: p.name,
    date_of_birth: p.dateOfBirth,
    gender: p.sex,
    blood_type: p.bloodType,
    allergies: p.allergies,
    medical_history: p.medicalHistory,
    emergency_contact_info: { ...p.emergencyContact },
    contact_info: { phone: p.phone, address: p.address },
    is_active: p.isActive,
  };
}
