/**
 * Who may see and change what — the one policy every service asks (least privilege): a patient only
 * their own data; a doctor their own appointments and their patients; an admin everything.
 */
import { haveAppointmentTogether, type AppointmentRow } from '@/db/repositories/appointments';
import { haveRecordTogether } from '@/db/repositories/records';
import { forbidden } from '@/lib/errors';
import type { CurrentUser } from './current-user';

/** Whether `user` may see appointment `a`: its patient, its doctor, or an admin. */
export function canSeeAppointment(user: CurrentUser, a: Pick<AppointmentRow, 'patientId' | 'doctorId'>): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'doctor') return a.doctorId === user.id;
  return a.patientId === user.id;
}

/** Throws `forbidden` unless `user` may see appointment `a`. */
export function assertCanSeeAppointment(user: CurrentUser, a: Pick<AppointmentRow, 'patientId' | 'doctorId'>): void {
  if (!canSeeAppointment(user, a)) throw forbidden('This appointment belongs to someone else.');
}

/** Throws `forbidden` unless `user` may change the status of appointment `a` (its doctor or an admin; its patient may only cancel). */
export function assertCanManageAppointment(user: CurrentUser, a: Pick<AppointmentRow, 'patientId' | 'doctorId'>, action: string): void {
  assertCanSeeAppointment(user, a);
  if (user.role === 'patient' && action !== 'cancel') throw forbidden('Only the clinic can do this. You can cancel your appointment.');
}

/**
 * Whether `user` may open the clinical chart of patient `patientId`: the patient themselves, an admin,
 * or a doctor linked to the patient (an appointment or a record together, in any status).
 */
export async function canOpenChart(user: CurrentUser, patientId: number): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role === 'patient') return user.id === patientId;
  return (await haveAppointmentTogether(user.id, patientId)) || (await haveRecordTogether(user.id, patientId));
}

/** Throws `forbidden` unless `user` may open patient `patientId`'s chart (see `canOpenChart`). */
export async function assertCanOpenChart(user: CurrentUser, patientId: number): Promise<void> {
  if (!(await canOpenChart(user, patientId))) {
    throw forbidden(user.role === 'doctor'
      ? 'This patient is not linked to you. Start a walk-in visit or book an appointment to open their chart.'
      : 'This chart belongs to someone else.');
  }
}

/**
 * Whether `user` may read the profile (demographics, contact, emergency contact) of patient
 * `patientId`: the patient themselves, an admin, or any doctor — a doctor may find any patient of the
 * clinic and see their demographics. The clinical part (allergies, medical history) follows
 * `canOpenChart`: see `lib/patients/get-patient-profile.ts`.
 */
export function canSeePatientProfile(user: CurrentUser, patientId: number): boolean {
  if (user.role === 'admin' || user.role === 'doctor') return true;
  return user.id === patientId;
}

/** Throws `forbidden` unless `user` may read patient `patientId`'s profile (see `canSeePatientProfile`). */
export function assertCanSeePatientProfile(user: CurrentUser, patientId: number): void {
  if (!canSeePatientProfile(user, patientId)) throw forbidden('This profile belongs to someone else.');
}

/**
 * Whether `user` may edit patient `patientId`'s profile: the patient (their own contact, emergency
 * contact, allergies and history), an admin, or a doctor linked to the patient (as for the chart).
 */
export async function canEditPatient(user: CurrentUser, patientId: number): Promise<boolean> {
  return canOpenChart(user, patientId);
}

/** Throws `forbidden` unless `user` may edit patient `patientId`'s profile (see `canEditPatient`). */
export async function assertCanEditPatient(user: CurrentUser, patientId: number): Promise<void> {
  if (!(await canEditPatient(user, patientId))) {
    throw forbidden(user.role === 'doctor'
      ? 'This patient is not linked to you: only their doctors and the clinic admins can change their profile.'
      : 'This profile belongs to someone else.');
  }
}
