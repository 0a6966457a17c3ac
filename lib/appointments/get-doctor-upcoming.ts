import { listDoctorAppointments } from '@/db/repositories/appointments';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { addDays, clinicDayRange, clinicToday } from '@/core/time';

/**
 * A doctor's appointments over the next `days` clinic days starting tomorrow (default 14), grouped by
 * clinic date: `[{ date: 'YYYY-MM-DD', appointments }]` (days without appointments left out).
 */
export async function getDoctorUpcoming(user: CurrentUser, days = 14, now = new Date()) {
  assertRole(user, ['doctor']);
  const first = addDays(clinicToday(now), 1);
  const from = clinicDayRange(first).start;
  const to = clinicDayRange(addDays(first, days - 1)).end;
  const rows = await listDoctorAppointments(user.id, from, to);
  const groups = new Map<string, typeof rows>();
  for (const a of rows) {
    const d = clinicToday(a.startAt);
    groups.set(d, [...(groups.get(d) ?? []), a]);
  }
  return [...groups.entries()].map(([date, appointments]) => ({ date, appointments }));
}
