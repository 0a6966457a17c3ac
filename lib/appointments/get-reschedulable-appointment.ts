import { findAppointmentById } from '@/db/repositories/appointments';
import { findDoctorProfile } from '@/db/repositories/availability';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { assertCanSeeAppointment } from '@/lib/auth/policy';
import { conflict, notFound } from '@/lib/errors';
import { assertPatientMayMoveBeforeStart, isActive } from './transitions';

/**
 * A patient's own appointment they may move, for the reschedule screen: `{ id, doctorId, doctorName,
 * specialty, startAt, status }`. 404 when there is none, 403 when it is someone else's, 409 when it is
 * no longer pending or confirmed or has already started. The move itself is `updateAppointmentDetails`.
 */
export async function getReschedulableAppointment(user: CurrentUser, appointmentId: number, now = new Date()) {
  assertRole(user, ['patient']);
  const a = await findAppointmentById(appointmentId);
  if (!a) throw notFound('The appointment');
  assertCanSeeAppointment(user, a);
  if (!isActive(a.status)) throw conflict(`A ${a.status} appointment can no longer be moved.`);
  assertPatientMayMoveBeforeStart(a.startAt, now);
  const doctor = await findDoctorProfile(a.doctorId);
  return { id: a.id, doctorId: a.doctorId, doctorName: doctor?.name ?? 'the doctor', specialty: doctor?.specialty ?? '', startAt: a.startAt, status: a.status };
}
