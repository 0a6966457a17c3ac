import { findAppointmentById, listAppointmentsPage, type AppointmentFilter } from '@/db/repositories/appointments';
import { findUserById } from '@/db/repositories/users';
import type { AppointmentStatus } from '@/core/vocabulary';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCanSeeAppointment } from '@/lib/auth/policy';
import { forbidden, notFound } from '@/lib/errors';
import { clinicDayRange } from '@/core/time';

export type AppointmentScope = 'all' | 'upcoming' | 'today';

/**
 * One page of the appointments `user` may see (a patient: their own; a doctor: theirs; an admin:
 * all, optionally filtered by doctor or patient), newest first for 'all', soonest first for
 * 'upcoming' (active, from now on) and 'today' (the clinic day, any status).
 * Returns `{ count, rows }`.
 */
export async function listAppointments(opts: {
  user: CurrentUser;
  scope?: AppointmentScope;
  filter?: { status?: AppointmentStatus; doctorId?: number; patientId?: number; from?: Date; to?: Date };
  page: { limit: number; offset: number };
  now?: Date;
}) {
  const { user, page } = opts;
  const now = opts.now ?? new Date();
  const scope = opts.scope ?? 'all';
  const f = opts.filter ?? {};
  const filter: AppointmentFilter = { from: f.from, to: f.to, statuses: f.status ? [f.status] : undefined, doctorId: f.doctorId, patientId: f.patientId };
  if (user.role === 'patient') {
    if (f.patientId !== undefined && f.patientId !== user.id) throw forbidden('Patients see only their own appointments.');
    filter.patientId = user.id;
  } else if (user.role === 'doctor') {
    if (f.doctorId !== undefined && f.doctorId !== user.id) throw forbidden('Doctors see their own appointments here.');
    filter.doctorId = user.id;
  }
  if (scope === 'upcoming') {
    filter.from = filter.from && filter.from > now ? filter.from : now;
    filter.statuses = f.status ? [f.status].filter((s) => s === 'pending' || s === 'confirmed') : ['pending', 'confirmed'];
    if (!filter.statuses.length) return { count: 0, rows: [] };
  } else if (scope === 'today') {
    const { start, end } = clinicDayRange(now);
    filter.from = start;
    filter.to = end;
  }
  return listAppointmentsPage(filter, page, scope === 'all');
}

/** Appointment `id` with its names if `user` may see it (404 when it does not exist, 403 when not theirs). */
export async function getAppointment(user: CurrentUser, id: number) {
  const a = await findAppointmentById(id);
  if (!a) throw notFound('The appointment');
  assertCanSeeAppointment(user, a);
  const [patient, doctor] = await Promise.all([findUserById(a.patientId), findUserById(a.doctorId)]);
  return { ...a, patientName: patient?.name ?? '', doctorName: doctor?.name ?? '' };
}
