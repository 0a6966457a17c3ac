import { DateTime } from 'luxon';
import { countAppointmentsBetween } from '@/db/repositories/appointments';
import { countPatients } from '@/db/repositories/patients';
import { countRecordsBetween, listRecordInstants } from '@/db/repositories/records';
import { countUsersByRole } from '@/db/repositories/users';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { clinicDayRange, clinicZone } from '@/lib/time';

/**
 * The admin home's figures: patients, active doctors, appointments today (clinic day, any status but
 * cancelled), visits this month (medical records not entered-in-error, clinic month), and visits per
 * week over the last 12 clinic weeks (weeks start Monday): `[{ week: 'YYYY-MM-DD', visits }]`.
 */
export async function getAdminHome(user: CurrentUser, now = new Date()) {
  assertRole(user, ['admin']);
  const zone = clinicZone();
  const today = clinicDayRange(now);
  const local = DateTime.fromJSDate(now, { zone });
  const monthStart = local.startOf('month');
  const firstWeek = local.startOf('week').minus({ weeks: 11 });
  const weeksEnd = local.startOf('week').plus({ weeks: 1 });
  const [patients, doctors, appointmentsToday, visitsThisMonth, instants] = await Promise.all([
    countPatients(),
    countUsersByRole('doctor', true),
    countAppointmentsBetween(today.start, today.end, ['pending', 'confirmed', 'completed', 'no-show']),
    countRecordsBetween(monthStart.toJSDate(), monthStart.plus({ months: 1 }).toJSDate()),
    listRecordInstants(firstWeek.toJSDate(), weeksEnd.toJSDate()),
  ]);
  const weeks = Array.from({ length: 12 }, (_, i) => ({ week: firstWeek.plus({ weeks: i }).toISODate() as string, visits: 0 }));
  for (const at of instants) {
    const i = Math.floor(DateTime.fromJSDate(at, { zone }).startOf('week').diff(firstWeek, 'weeks').weeks + 0.5);
    if (i >= 0 && i < 12) weeks[i].visits += 1;
  }
  return { patients, doctors, appointmentsToday, visitsThisMonth, visitsPerWeek: weeks };
}
