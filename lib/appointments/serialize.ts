/**
 * The API's Appointment shape (the seed's names and status words; `no_show` for FHIR's no-show): its
 * schema and its serializer.
 */
import { z } from 'zod';
import type { AppointmentRow } from '@/db/repositories/appointments';
import type { AppointmentStatus } from '@/core/vocabulary';
import { toClinicIso } from '@/core/time';
import { paginatedSchema } from '@/lib/api/pagination';
import { idField, instantField } from '@/lib/api/response-fields';

export const APPOINTMENT_API_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled', 'no_show'] as const;
export type ApiAppointmentStatus = (typeof APPOINTMENT_API_STATUSES)[number];

export const toApiStatus = (s: AppointmentStatus): ApiAppointmentStatus => (s === 'no-show' ? 'no_show' : s);
export const fromApiStatus = (s: ApiAppointmentStatus): AppointmentStatus => (s === 'no_show' ? 'no-show' : s);

export const appointmentResponseSchema = z.object({
  id: idField,
  patient_id: idField.meta({ description: 'The patient\'s user id.' }),
  doctor_id: idField.meta({ description: 'The doctor\'s user id.' }),
  date_time: instantField,
  end_time: instantField,
  status: z.enum(APPOINTMENT_API_STATUSES),
  reason: z.string(),
  notes: z.string(),
  cancellation_reason: z.string().nullable(),
  created_at: instantField,
  updated_at: instantField,
  patient_name: z.string().optional(),
  doctor_name: z.string().optional(),
}).meta({ id: 'Appointment' });

export const appointmentListResponseSchema = paginatedSchema(appointmentResponseSchema, 'AppointmentList');

/**
 * `{ id, patient_id, doctor_id, date_time, end_time, status, reason, notes, cancellation_reason,
 * created_at, updated_at }` (+ `patient_name`, `doctor_name` when known); instants in clinic offset.
 */
export function serializeAppointment(a: AppointmentRow & { patientName?: string; doctorName?: string }): z.input<typeof appointmentResponseSchema> {
  return {
    id: a.id,
    patient_id: a.patientId,
    doctor_id: a.doctorId,
    date_time: toClinicIso(a.startAt),
    end_time: toClinicIso(a.endAt),
    status: toApiStatus(a.status),
    reason: a.reason ?? '',
    notes: a.notes ?? '',
    cancellation_reason: a.cancellationReason,
    created_at: toClinicIso(a.createdAt),
    updated_at: toClinicIso(a.updatedAt),
    ...(a.patientName !== undefined ? { patient_name: a.patientName } : {}),
    ...(a.doctorName !== undefined ? { doctor_name: a.doctorName } : {}),
  };
}
