import { findAppointmentById } from '@/db/repositories/appointments';
import { findPatientByUserId } from '@/db/repositories/patients';
import { findUserById } from '@/db/repositories/users';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { assertCanOpenChart } from '@/lib/auth/policy';
import { notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';
import { patientIdentityOf } from '@/lib/patients/patient-identity';
import { ageOn, clinicToday } from '@/core/time';

/**
 * What the charting form needs for patient `patientId`: `{ patient: { id, name, patientNumber, dateOfBirth, sex,
 * age, allergies }, appointment? }` — the appointment only when it is the doctor's own, with this patient,
 * still active and on or before today (clinic time). 404 for no such patient; 403 unless the doctor may
 * open the chart (linked).
 */
export async function getChartingContext(opts: { user: CurrentUser; patientId: number; appointmentId?: number }) {
  const { user, patientId } = opts;
  assertRole(user, ['doctor']);
  const [patient, profile] = await Promise.all([findUserById(patientId), findPatientByUserId(patientId)]);
  if (!patient || patient.role !== 'patient' || !profile) throw notFound('The patient');
  await assertNotMerged(patient, 'The patient');
  await assertCanOpenChart(user, patientId);
  const a = opts.appointmentId ? await findAppointmentById(opts.appointmentId) : undefined;
  const appointment = a && a.patientId === patientId && a.doctorId === user.id && (a.status === 'pending' || a.status === 'confirmed') && clinicToday(a.startAt) <= clinicToday() ? a : undefined;
  return {
    patient: { ...patientIdentityOf(patient, profile), age: profile.dateOfBirth ? ageOn(profile.dateOfBirth) : null, allergies: profile.allergies },
    appointment,
  };
}
