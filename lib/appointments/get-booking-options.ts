import { findDoctorProfile } from '@/db/repositories/availability';
import { listBookableDoctors } from '@/db/repositories/practitioners';
import { addDays, clinicToday, isCalendarDate } from '@/core/time';
import { searchSlots, type DayAvailability, type Slot } from './availability';
import { instantInput } from './schemas';
import { patientAgeYears, sameSpecialty, suitsPatient } from './suitability';

/** How many days ahead the booking screens offer. */
export const BOOKING_DAYS = 14;

/** A doctor the booking screens offer: `{ id (user id), name, specialty, slotMinutes }`. */
export interface BookingDoctor {
  id: number;
  name: string;
  specialty: string;
  slotMinutes: number;
}

/**
 * Whom the booking screens work for. `patientId`: the patient being booked (their age picks the
 * suitable doctors, their own appointments' times are not offered). `self`: the patient books for
 * themselves (only suitable doctors are listed; staff may pick any doctor, while their "first
 * available doctor" is still a suitable one). `specialty`: only doctors of it (folded match), when picked.
 * `rescheduleAppointmentId`: the appointment being moved holds no time (and `rescheduleFrom`, its present
 * start, is not offered: it is already there).
 */
export interface BookingScope {
  patientId: number;
  self: boolean;
  specialty?: string | null;
  rescheduleAppointmentId?: number;
  rescheduleFrom?: Date;
}

/** The doctors of a booking screen: `doctors` to list, `pool` for "first available", `specialties` to pick from, and the picked `specialty` (null: none or unknown). */
export interface BookingChoices {
  doctors: BookingDoctor[];
  pool: BookingDoctor[];
  specialties: string[];
  specialty: string | null;
}

/**
 * The doctors the booking screens offer `scope`: active, bookable, with working hours; for a patient
 * booking themselves only the ones that suit them (a paediatrician only for a child, see suitability.ts);
 * narrowed to `scope.specialty` when it names a specialty of those doctors. `pool` (the "first
 * available doctor" candidates) is always the suitable ones of that specialty.
 */
export async function getBookingChoices(scope: BookingScope, now = new Date()): Promise<BookingChoices> {
  const [all, age] = await Promise.all([listBookableDoctors(), patientAgeYears(scope.patientId, clinicToday(now))]);
  const suitable = all.filter((d) => suitsPatient(d.specialty, age));
  const listed = scope.self ? suitable : all;
  const specialties: string[] = [];
  for (const d of listed) if (!specialties.some((s) => sameSpecialty(s, d.specialty))) specialties.push(d.specialty);
  specialties.sort((a, b) => a.localeCompare(b));
  const specialty = scope.specialty ? (specialties.find((s) => sameSpecialty(s, scope.specialty as string)) ?? null) : null;
  const ofSpecialty = (list: BookingDoctor[]) => (specialty ? list.filter((d) => sameSpecialty(d.specialty, specialty)) : list);
  return { doctors: ofSpecialty(listed), pool: ofSpecialty(suitable), specialties, specialty };
}

/**
 * The doctors a day or slot search covers: `[doctor]` when `doctorId` is given (the doctor of the
 * appointment being moved, when still active and bookable), else the "first available" pool.
 */
async function searchedDoctors(choices: BookingChoices, doctorId: number | null, scope: BookingScope): Promise<BookingDoctor[]> {
  if (doctorId === null) return choices.pool;
  const listed = choices.doctors.find((d) => d.id === doctorId);
  if (listed) return [listed];
  if (scope.rescheduleAppointmentId === undefined) return [];
  const d = await findDoctorProfile(doctorId);
  return d && d.isActive && d.bookable ? [d] : [];
}

/**
 * The next BOOKING_DAYS clinic days from today for doctor `doctorId` (or the first available suitable
 * doctor when null): `[{ date: 'YYYY-MM-DD', free, state: 'available' | 'full' | 'unavailable' }]`.
 * `unavailable`: the doctor is away or does not work that day (with null: no doctor of the pool works);
 * `full`: they work, and every remaining time is taken.
 */
export async function getBookingDays(choices: BookingChoices, doctorId: number | null, scope: BookingScope, now = new Date()): Promise<DayAvailability[]> {
  const first = clinicToday(now);
  const doctors = await searchedDoctors(choices, doctorId, scope);
  return (await searchSlots(doctors, first, addDays(first, BOOKING_DAYS - 1), now, searchOptions(scope))).days;
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

/**
 * Free slots on clinic date `date` for doctor `doctorId` (the suitable pool when null), with doctor
 * names; times the patient already holds are left out.
 */
export async function getBookingSlots(choices: BookingChoices, doctorId: number | null, date: string, scope: BookingScope, now = new Date()): Promise<Array<Slot & { doctorName: string }>> {
  const doctors = await searchedDoctors(choices, doctorId, scope);
  const names = new Map(doctors.map((d) => [d.id, d.name]));
  const { slots } = await searchSlots(doctors, date, date, now, searchOptions(scope));
  return slots.map((s) => ({ ...s, doctorName: names.get(s.doctorId) as string }));
}

/** A slot the confirm step may show: a free slot with its doctor's name and its length in minutes. */
export type BookableSlot = Slot & { doctorName: string; minutes: number };

/**
 * The slot a booking screen may confirm: the free slot of `getBookingSlots` for the same choices, doctor
 * (`doctorId`, null: "first available") and scope on clinic date `date` (see `bookableDayOrNull`) that
 * starts exactly at `start` (see `offeredSlotOrNull`). Null for anything else from the address bar: a
 * date not offered, an impossible or far-future time, one off the slot grid or outside hours, taken, or
 * already held by the patient.
 */
export async function bookableSlotOrNull(
  choices: BookingChoices, doctorId: number | null, date: string | undefined, start: string | undefined,
  slotDoctorId: string | undefined, scope: BookingScope, now = new Date(),
): Promise<BookableSlot | null> {
  const day = bookableDayOrNull(date, now);
  if (!day || !start) return null;
  return offeredSlotOrNull(await getBookingSlots(choices, doctorId, day, scope, now), start, slotDoctorId);
}

/**
 * Of the free `slots` a time list offers (`getBookingSlots`), the one starting exactly at `start` (an
 * ISO 8601 instant read as the API reads `date_time`, e.g. `2026-12-10T05:40:00.000Z`; `2026-02-30T…` is
 * no date) with its length in minutes, or null. `slotDoctorId` (the address bar's `doctorId`), when
 * given, must be that slot's doctor; without it the first doctor free then is taken. Pure.
 */
export function offeredSlotOrNull(slots: Array<Slot & { doctorName: string }>, start: string | undefined, slotDoctorId: string | undefined): BookableSlot | null {
  if (!start) return null;
  if (slotDoctorId !== undefined && !/^\d{1,15}$/.test(slotDoctorId)) return null;
  const wanted = slotDoctorId === undefined ? null : Number(slotDoctorId);
  const at = instantInput.safeParse(start);
  if (!at.success) return null;
  const slot = slots.find((s) => s.start.getTime() === at.data.getTime() && (wanted === null || s.doctorId === wanted));
  return slot ? { ...slot, minutes: Math.round((slot.end.getTime() - slot.start.getTime()) / 60_000) } : null;
}

function searchOptions(scope: BookingScope) {
  return { patientId: scope.patientId, ignoreAppointmentId: scope.rescheduleAppointmentId, currentStart: scope.rescheduleFrom };
}
