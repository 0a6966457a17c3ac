import { listPatientUpcoming } from '@/db/repositories/appointments';
import { listPatientRecords } from '@/db/repositories/records';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertRole } from '@/lib/auth/current-user';

/**
 * The patient portal's home for `user` (a patient, about themselves only):
 * `{ upcoming: pending/confirmed appointments from now, soonest first; recentVisits: last 5 records }`.
 */
export async function getPatientHome(user: CurrentUser, now = new Date()) {
  assertRole(user, ['patient']);
  const [upcoming, recentVisits] = await Promise.all([
    listPatientUpcoming(user.id, now, ['pending', 'confirmed'], 5),
    listPatientRecords(user.id, 5),
  ]);
  return { upcoming, recentVisits };
}
