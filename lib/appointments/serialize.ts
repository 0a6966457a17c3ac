/** The API's Appointment shape (the seed's names and status words; `no_show` for FHIR's no-show). */
import type { AppointmentRow } from '@/db/repositories/appointments';
import type { AppointmentStatus } from '@/core/vocabulary';
import { toClinicIso } from '@/core/time';

export type ApiAppointmentStatus = 'pending' | 'confirmed' | 'completed' | 'cancelled' | 'no_show';

export const toApiStatus = (s: AppointmentStatus): ApiAppointmentStatus => (s === 'no-show' ? 'no_show' : s);
export const fromApiStatus = (s: ApiAppointmentStatus): AppointmentStatus => (s === 'no_show' ? 'no-show' : s);

/**
 * `{ id, patient_id, doctor_id, date_time, end_time, status, reason, notes, cancellation_reason,
 * created_at, updated_at }` (+ `patient_name`, `doctor_name` when known); instants in clinic offset.
 */
export function serializeAppointment(a: AppointmentRow & { patientName?: string; doctorName?: string }) {
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
