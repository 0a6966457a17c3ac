import { findPractitionerByUserId } from '@/db/repositories/practitioners';
import { assertPatientFieldNotMerged } from '@/lib/patients/merged';
import { findUserById } from '@/db/repositories/users';
import type { Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { forbidden, validationError } from '@/lib/errors';
import { slotProblem } from './availability';
import type { BookAppointmentInput } from './schemas';
import { placeAppointment } from './place-appointment';
import { assertSuitsPatient } from './suitability';

/**
 * Books a pending appointment in a free slot of a doctor. A patient books for themselves, with a
 * reason but no notes (they are the clinic's: 403); a doctor or an admin books for any patient
 * (`patient_id` required). The slot must be on the doctor's grid inside working hours, in the future
 * and outside time off (else 400 on `date_time`); the database's occupancy constraint refuses any
 * overlap with an active appointment of the doctor or the patient (409 naming who). Writes the
 * appointment, its occupancy cells, its first history event, its reminders and the audit entry in one
 * transaction (place-appointment.ts). A patient booking for themselves may only choose a doctor who
 * suits them (a paediatrician only for a child, suitability.ts; else 400 on `doctor_id`); staff may
 * book any doctor, a clinical decision. Returns the appointment row.
 */
export async function bookAppointment(opts: { user: CurrentUser; actor: Actor; input: BookAppointmentInput; now?: Date }) {
  const { user, actor, input } = opts;
  const now = opts.now ?? new Date();
  assertRole(user, ['patient', 'doctor', 'admin']);
  let patientId: number;
  if (user.role === 'patient') {
    if (input.patient_id !== undefined && input.patient_id !== user.id) throw forbidden('Patients can only book for themselves.');
    // The notes are the clinic's, as when editing (update-appointment.ts): the patient gives a reason.
    if (input.notes) throw forbidden('Only the clinic can write an appointment\'s notes. Say why you are coming in the reason.');
    patientId = user.id;
  } else {
    if (input.patient_id === undefined) throw validationError({ patient_id: ['Choose the patient.'] });
    patientId = input.patient_id;
  }
  const patient = await findUserById(patientId);
  if (!patient || patient.role !== 'patient') throw validationError({ patient_id: ['There is no such patient.'] });
  assertPatientFieldNotMerged(patient);
  if (!patient.isActive) throw validationError({ patient_id: ['This patient\'s account is deactivated.'] });
  const doctor = await findUserById(input.doctor_id);
  const practitioner = doctor?.role === 'doctor' ? await findPractitionerByUserId(doctor.id) : undefined;
  if (!doctor || !practitioner) throw validationError({ doctor_id: ['There is no such doctor.'] });

  if (user.role === 'patient') await assertSuitsPatient(doctor.name, practitioner.specialty, patientId, now);

  const start = input.date_time;
  const end = new Date(start.getTime() + practitioner.slotMinutes * 60_000);
  const problem = await slotProblem(doctor.id, start, end, now);
  if (problem) throw validationError({ date_time: [problem] }, problem);

  return placeAppointment({
    user, actor, patientId, doctorId: doctor.id, start, end, status: 'pending', reason: input.reason ?? null, notes: input.notes ?? null,
    note: 'booked', remind: true, auditAction: 'appointment.book', auditDetails: { doctorId: doctor.id, start: start.toISOString() }, now,
  });
}
