/**
 * Doctors' availability in clinic time: weekly working hours, slot length, time off, and the free
 * slots they leave. The grid and its daylight-saving rules are in `availability-grid.ts`; the services
 * that change availability are in `availability-services.ts`.
 */
import { DateTime } from 'luxon';
import {
  findDoctorProfile, listBusyIntervals, listPatientBusyCells, listTimeOff, listWorkingHours, type TimeOffRow,
} from '@/db/repositories/availability';
import { listBookableDoctors } from '@/db/repositories/practitioners';
import { validationError } from '@/lib/errors';
import { addDays, clinicToday, clinicZone } from '@/core/time';
import { env } from '@/core/env';
import { cellsFor } from '@/core/appointment-cells';
import { daySlots, describeRanges, gridPosition, wallClockToUtc, weekdayOf, weekdayPlural } from './availability-grid';

export interface Slot {
  doctorId: number;
  start: Date;
  end: Date;
}

/** "Dr Grace Wanjiru" (a name that already starts with "Dr" is kept as it is). */
export function doctorTitle(name: string): string {
  return /^dr\.?\s/i.test(name) ? name : `Dr ${name}`;
}

/** "from 1 Dec to 5 Dec", "on 1 Dec", "from 28 Dec 2026 to 3 Jan 2027". */
export function describeTimeOff(off: Pick<TimeOffRow, 'startDate' | 'endDate'>): string {
  const a = DateTime.fromISO(off.startDate, { zone: 'UTC' });
  const b = DateTime.fromISO(off.endDate, { zone: 'UTC' });
  const fmt = a.year === b.year ? 'd LLL' : 'd LLL yyyy';
  if (off.startDate === off.endDate) return `on ${a.toFormat('d LLL')}`;
  return `from ${a.toFormat(fmt)} to ${b.toFormat(fmt)}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkDate(value: string, field: string): void {
  if (!ISO_DATE.test(value) || !DateTime.fromISO(value, { zone: 'UTC' }).isValid) {
    throw validationError({ [field]: ['Use a real date in the form YYYY-MM-DD.'] });
  }
}

/**
 * Why `[start, end)` cannot be booked with doctor `doctorId` at `now`, in words for the user — or null
 * when it is a slot of the doctor's grid inside working hours, not in the past, no further ahead than
 * BOOKING_HORIZON_DAYS (365 by default), not in time off, and the doctor is active and bookable. Does not
 * look at other appointments (the occupancy cells do that).
 */
export async function slotProblem(doctorId: number, start: Date, end: Date, now: Date = new Date()): Promise<string | null> {
  const doctor = await findDoctorProfile(doctorId);
  if (!doctor) return 'This doctor is not taking appointments.';
  const dr = doctorTitle(doctor.name);
  if (!doctor.isActive) return `${dr} is not taking appointments.`;
  if (!doctor.bookable) return `${dr} is not open for booking at the moment.`;
  if (start.getTime() <= now.getTime()) return 'This time has already passed. Choose a later time.';
  const horizonDays = env().BOOKING_HORIZON_DAYS;
  if (start.getTime() > now.getTime() + horizonDays * 86_400_000) {
    return `Appointments can be booked up to ${horizonDays} days ahead. Choose an earlier time.`;
  }

  const zone = clinicZone();
  const date = clinicToday(start, zone);
  const weekday = weekdayOf(date);
  const ranges = (await listWorkingHours(doctorId)).filter((r) => r.weekday === weekday);
  if (!ranges.length) return `${dr} does not work on ${weekdayPlural(weekday)}.`;
  const where = gridPosition(date, ranges, doctor.slotMinutes, zone, start);
  const hours = `${dr} works ${describeRanges(ranges)} on ${weekdayPlural(weekday)}`;
  if (where === 'outside') return `${hours}.`;
  if (where === 'off-grid') return `${hours}, in ${doctor.slotMinutes}-minute slots from the start of each period. Choose one of the free times.`;

  const [off] = await listTimeOff(doctorId, { from: date, to: date });
  if (off) return `${dr} is away ${describeTimeOff(off)}.`;
  if (end.getTime() - start.getTime() !== doctor.slotMinutes * 60_000) return `Appointments with ${dr} last ${doctor.slotMinutes} minutes.`;
  return null;
}

/** Whom a slot search is for: their own held times are hidden; the appointment being moved holds none. */
export interface SlotSearchOptions {
  /** The patient booking: slots overlapping their active appointments are not free for them. */
  patientId?: number;
  /** The appointment being rescheduled: the time it holds (the doctor's and the patient's) counts as free. */
  ignoreAppointmentId?: number;
  /** Its present start: a slot starting exactly then is where it already is, so it is not offered. */
  currentStart?: Date;
}

/** What a clinic day offers: `available` (free slots), `full` (working, every remaining slot taken), `unavailable` (nobody works, away, or the hours are over). */
export type DayState = 'available' | 'full' | 'unavailable';

/** One clinic date of a slot search: its free slots' count and its state. */
export interface DayAvailability {
  date: string;
  free: number;
  state: DayState;
}

/**
 * Free slots of doctor `doctorId` (or of every active, bookable doctor with hours when null) on the clinic dates
 * `fromDate`..`toDate` (inclusive, `YYYY-MM-DD`): inside working hours, after `now`, outside time off,
 * not overlapping an active appointment (nor, with `opts.patientId`, one of that patient's). Sorted by start, then doctor.
 */
export async function listFreeSlots(doctorId: number | null, fromDate: string, toDate: string, now: Date = new Date(), opts: SlotSearchOptions = {}): Promise<Slot[]> {
  checkDate(fromDate, 'from');
  checkDate(toDate, 'to');
  let doctors: Array<{ id: number; slotMinutes: number }>;
  if (doctorId === null) doctors = await listBookableDoctors();
  else {
    const d = await findDoctorProfile(doctorId);
    doctors = d && d.isActive && d.bookable ? [d] : [];
  }
  return (await searchSlots(doctors, fromDate, toDate, now, opts)).slots;
}

/**
 * The free slots of `doctors` (already chosen as bookable) on the clinic dates `fromDate`..`toDate`, as
 * `listFreeSlots` counts them, and each date's state: `unavailable` when none of them works that day
 * (no hours that weekday, or time off) or their hours are over, `full` when every remaining slot is
 * taken (by anyone, or by the patient's own appointments), else `available`. A day's `free` counts
 * distinct start times (several doctors free at 09:00 make one time to choose, as the screens show them).
 */
export async function searchSlots(doctors: Array<{ id: number; slotMinutes: number }>, fromDate: string, toDate: string, now: Date = new Date(), opts: SlotSearchOptions = {}): Promise<{ slots: Slot[]; days: DayAvailability[] }> {
  checkDate(fromDate, 'from');
  checkDate(toDate, 'to');
  if (fromDate > toDate) return { slots: [], days: [] };
  const days: DayAvailability[] = [];
  for (let date = fromDate; date <= toDate; date = addDays(date, 1)) days.push({ date, free: 0, state: 'unavailable' });
  if (!doctors.length) return { slots: [], days };

  const zone = clinicZone();
  const ids = doctors.map((d) => d.id);
  const hours = await listWorkingHours(ids);
  if (!hours.length) return { slots: [], days };
  const offs = await listTimeOff(ids, { from: fromDate, to: toDate });
  const windowFrom = new Date(wallClockToUtc(fromDate, 0, zone));
  const windowTo = new Date(wallClockToUtc(toDate, 24 * 60, zone));
  const busy = await listBusyIntervals(ids, windowFrom, windowTo);
  const busyCells = new Map<number, Set<number>>();
  for (const b of busy) {
    if (b.appointmentId === opts.ignoreAppointmentId) continue;
    let set = busyCells.get(b.doctorId);
    if (!set) busyCells.set(b.doctorId, (set = new Set()));
    for (const c of cellsFor(b.start, b.end)) set.add(c.getTime());
  }
  const held = new Set<number>();
  if (opts.patientId !== undefined) {
    for (const c of await listPatientBusyCells(opts.patientId, windowFrom, windowTo)) {
      if (c.appointmentId !== opts.ignoreAppointmentId) held.add(c.cellStart.getTime());
    }
  }

  const out: Slot[] = [];
  for (const day of days) {
    const date = day.date;
    const weekday = weekdayOf(date);
    let upcoming = 0;
    const freeTimes = new Set<number>();
    for (const d of doctors) {
      const ranges = hours.filter((h) => h.doctorId === d.id && h.weekday === weekday);
      if (!ranges.length) continue;
      if (offs.some((o) => o.doctorId === d.id && o.startDate <= date && date <= o.endDate)) continue;
      const taken = busyCells.get(d.id);
      for (const s of daySlots(date, ranges, d.slotMinutes, zone)) {
        if (s.start.getTime() <= now.getTime()) continue;
        upcoming += 1;
        const cells = cellsFor(s.start, s.end);
        if (taken && cells.some((c) => taken.has(c.getTime()))) continue;
        if (held.size && cells.some((c) => held.has(c.getTime()))) continue;
        if (opts.currentStart && s.start.getTime() === opts.currentStart.getTime()) continue;
        out.push({ doctorId: d.id, start: s.start, end: s.end });
        freeTimes.add(s.start.getTime());
      }
    }
    day.free = freeTimes.size;
    day.state = upcoming === 0 ? 'unavailable' : day.free === 0 ? 'full' : 'available';
  }
  return { slots: out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.doctorId - b.doctorId), days };
}
