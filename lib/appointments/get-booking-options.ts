import { listBookableDoctors } from '@/db/repositories/practitioners';
import { addDays, clinicToday, isCalendarDate } from '@/core/time';
import { listFreeSlots } from './availability';

/** How many days ahead the booking screens offer. */
export const BOOKING_DAYS = 14;

/** Active, bookable doctors for the booking screens: `[{ id, name, specialty, slotMinutes }]`. */
export async function getBookableDoctors() {
  return listBookableDoctors();
}

/**
 * The next 14 clinic days from today with their number of free slots, for doctor `doctorId` or for
 * any doctor when null: `[{ date: 'YYYY-MM-DD', free }]`.
 */
export async function getBookingDays(doctorId: number | null, now = new Date()) {
  const first = clinicToday(now);
  const last = addDays(first, BOOKING_DAYS - 1);
  const slots = await listFreeSlots(doctorId, first, last, now);
  const days = Array.from({ length: BOOKING_DAYS }, (_, i) => ({ date: addDays(first, i), free: 0 }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  for (const s of slots) {
    const d = byDate.get(clinicToday(s.start));
    if (d) d.free += 1;
  }
  return days;
}

/**
 * The clinic date a booking screen may show slots for: `date` when it is a real `YYYY-MM-DD` date
 * among the days the screens offer (today and the next BOOKING_DAYS − 1), else null (the screen then
 * offers the days again). Anything can arrive in the address bar: `2026-02-30`, `9999-12-31`.
 */
export function bookableDayOrNull(date: string | undefined, now = new Date()): string | null {
  if (!date || !isCalendarDate(date)) return null;
  const first = clinicToday(now);
  return first <= date && date <= addDays(first, BOOKING_DAYS - 1) ? date : null;
}

/** Free slots on clinic date `date` for doctor `doctorId` (any doctor when null), with doctor names. */
export async function getBookingSlots(doctorId: number | null, date: string, now = new Date()) {
  const [slots, doctors] = await Promise.all([listFreeSlots(doctorId, date, date, now), listBookableDoctors()]);
  const names = new Map(doctors.map((d) => [d.id, d.name]));
  return slots.filter((s) => names.has(s.doctorId)).map((s) => ({ ...s, doctorName: names.get(s.doctorId) as string }));
}
