import { listDoctorAppointments } from '@/db/repositories/appointments';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { clinicDayRange, clinicToday } from '@/core/time';

/**
 * A doctor's appointments on clinic day `date` (`YYYY-MM-DD`, today in the clinic's zone by default),
 * in time order with patient names, and how many are still to be seen (pending or confirmed).
 */
export async function getDoctorDay(user: CurrentUser, date = clinicToday()) {
  assertRole(user, ['doctor']);
  const { start, end } = clinicDayRange(date);
  const appointments = await listDoctorAppointments(user.id, start, end);
  const remaining = appointments.filter((a) => a.status === 'pending' || a.status === 'confirmed').length;
  return { date, appointments, remaining };
}
