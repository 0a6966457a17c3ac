/**
 * The availability services: read and replace a doctor's weekly hours and slot length, list, add and
 * remove time off, and the two booking reads of the API (bookable doctors, a doctor's free slots).
 * A doctor changes their own availability; an admin anyone's. Every change is audited in the same
 * transaction.
 */
import { withTransaction } from '@/db';
import { listDoctorAppointments } from '@/db/repositories/appointments';
import {
  countBookableDoctors, createTimeOff, deleteTimeOff, findDoctorProfile, findTimeOffById,
  listBookableDoctorsPage, listDoctorProfiles, listTimeOff, listWorkingHours, replaceWorkingHours, updateSlotMinutes,
  type DoctorProfile, type TimeOffRow,
} from '@/db/repositories/availability';
import { pageWindow, type Pagination } from '@/lib/api/pagination';
import { audit, type Actor } from '@/lib/audit/audit';
import { actorOf, assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { forbidden, notFound, validationError, zodFieldErrors } from '@/lib/errors';
import { ACTIVE_APPOINTMENT_STATUSES } from '@/core/vocabulary';
import { clinicToday, clinicZone } from '@/core/time';
import { describeTimeOff, listFreeSlots, type Slot } from './availability';
import { DAY_KEYS, describeRanges, minutesToClock, wallClockToUtc, type DayKey } from './availability-grid';
import { timeOffSchema, weeklyHoursSchema, type TimeOffInput, type WeeklyHoursInput } from './schemas';

export interface WeeklyHours {
  doctor: Pick<DoctorProfile, 'id' | 'name' | 'specialty' | 'isActive' | 'bookable'>;
  slotMinutes: number;
  /** Per weekday key, the working periods in clinic time, by start: `[{ start: '08:00', end: '17:00' }]`. */
  days: Record<DayKey, Array<{ start: string; end: string }>>;
}

export interface TimeOffItem {
  id: number;
  doctorId: number;
  startDate: string;
  endDate: string;
  reason: string | null;
}

interface Caller {
  user: CurrentUser | null;
  /** Who to record in the audit log (the user, by default). */
  actor?: Actor;
}

/**
 * The doctor whose availability `user` may read and change: their own (doctor) or anyone's (admin).
 * 401 without a user, 403 for another role or another doctor, 404 when `doctorId` is not a doctor.
 */
async function availabilityOf(user: CurrentUser | null, doctorId: number): Promise<DoctorProfile> {
  const u = assertRole(user, ['doctor', 'admin']);
  if (u.role === 'doctor' && u.id !== doctorId) throw forbidden('You can only change your own availability.');
  const doctor = await findDoctorProfile(doctorId);
  if (!doctor) throw notFound('The doctor');
  return doctor;
}

async function weeklyHoursOf(doctor: DoctorProfile): Promise<WeeklyHours> {
  const days = Object.fromEntries(DAY_KEYS.map((k) => [k, [] as Array<{ start: string; end: string }>])) as WeeklyHours['days'];
  for (const r of await listWorkingHours(doctor.id)) {
    days[DAY_KEYS[r.weekday - 1]]?.push({ start: minutesToClock(r.startMinute), end: minutesToClock(r.endMinute) });
  }
  const { id, name, specialty, isActive, bookable } = doctor;
  return { doctor: { id, name, specialty, isActive, bookable }, slotMinutes: doctor.slotMinutes, days };
}

const toItem = (r: TimeOffRow): TimeOffItem => ({ id: r.id, doctorId: r.doctorId, startDate: r.startDate, endDate: r.endDate, reason: r.reason });

/** Doctor `doctorId`'s weekly hours and slot length. */
export async function getWeeklyHours({ user, doctorId }: Caller & { doctorId: number }): Promise<WeeklyHours> {
  return weeklyHoursOf(await availabilityOf(user, doctorId));
}

/**
 * Replaces doctor `doctorId`'s weekly hours and slot length with `input` (validated: see
 * `weeklyHoursSchema`). Appointments already booked are not touched. Returns the new week.
 */
export async function setWeeklyHours({ user, actor, doctorId, input }: Caller & { doctorId: number; input: WeeklyHoursInput }): Promise<WeeklyHours> {
  const parsed = weeklyHoursSchema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error.issues));
  const doctor = await availabilityOf(user, doctorId);
  const { slotMinutes, ranges } = parsed.data;
  await withTransaction(async () => {
    const before = await listWorkingHours(doctorId);
    await replaceWorkingHours(doctorId, ranges);
    if (slotMinutes !== doctor.slotMinutes) await updateSlotMinutes(doctorId, slotMinutes);
    await audit(actor ?? actorOf(user), {
      action: 'availability.hours.update', entity: 'user', entityId: doctorId,
      details: { slotMinutes: { from: doctor.slotMinutes, to: slotMinutes }, hours: { from: weekText(before), to: weekText(ranges) } },
    });
  });
  return weeklyHoursOf({ ...doctor, slotMinutes });
}

/** `{ Mon: "08:00–12:00 and 14:00–17:00", … }` of the working days, for the audit log. */
function weekText(ranges: ReadonlyArray<{ weekday: number; startMinute: number; endMinute: number }>): Record<string, string> {
  const out: Record<string, string> = {};
  DAY_KEYS.forEach((key, i) => {
    const day = ranges.filter((r) => r.weekday === i + 1);
    if (day.length) out[key] = describeRanges(day);
  });
  return out;
}

/** Doctor `doctorId`'s time off that ends today or later (all of it with `includePast`), by start. */
export async function listDoctorTimeOff({ user, doctorId, includePast = false, now = new Date() }: Caller & { doctorId: number; includePast?: boolean; now?: Date }): Promise<TimeOffItem[]> {
  await availabilityOf(user, doctorId);
  const rows = await listTimeOff(doctorId, includePast ? {} : { from: clinicToday(now) });
  return rows.map(toItem);
}

/** A pending or confirmed appointment that falls in a new period of time off (it stays booked). */
export interface TouchedAppointment {
  id: number;
  startAt: Date;
  patientId: number;
  patientName: string;
  status: string;
}

/**
 * Adds a period of time off (clinic dates, both included) for doctor `doctorId`: no new booking lands on
 * those days. It must not end in the past nor overlap time off already planned. Appointments already
 * booked in it stay booked: `touched` lists them (pending or confirmed, by start) so the doctor can move
 * or cancel each, and `activeAppointments` is their number.
 */
export async function addTimeOff({ user, actor, doctorId, input, now = new Date() }: Caller & { doctorId: number; input: TimeOffInput; now?: Date }): Promise<{ timeOff: TimeOffItem; activeAppointments: number; touched: TouchedAppointment[] }> {
  const parsed = timeOffSchema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error.issues));
  await availabilityOf(user, doctorId);
  const { start_date: startDate, end_date: endDate, reason } = parsed.data;
  if (endDate < clinicToday(now)) throw validationError({ end_date: ['This period is already over.'] });
  return withTransaction(async () => {
    const [clash] = await listTimeOff(doctorId, { from: startDate, to: endDate });
    if (clash) throw validationError({ start_date: [`Overlaps the time off ${describeTimeOff(clash)}.`] });
    const id = await createTimeOff({ doctorId, startDate, endDate, reason, createdAt: now });
    await audit(actor ?? actorOf(user), {
      action: 'availability.time_off.add', entity: 'time_off', entityId: id, details: { doctorId, startDate, endDate },
    });
    const zone = clinicZone();
    const inPeriod = await listDoctorAppointments(
      doctorId, new Date(wallClockToUtc(startDate, 0, zone)), new Date(wallClockToUtc(endDate, 24 * 60, zone)),
    );
    const touched = inPeriod
      .filter((a) => (ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(a.status))
      .map((a) => ({ id: a.id, startAt: a.startAt, patientId: a.patientId, patientName: a.patientName, status: a.status }));
    return { timeOff: { id, doctorId, startDate, endDate, reason }, activeAppointments: touched.length, touched };
  });
}

/** Removes the period of time off `timeOffId` (patients can book those days again). */
export async function removeTimeOff({ user, actor, timeOffId }: Caller & { timeOffId: number }): Promise<void> {
  assertRole(user, ['doctor', 'admin']);
  const row = await findTimeOffById(timeOffId);
  if (!row) throw notFound('The time off');
  await availabilityOf(user, row.doctorId);
  await withTransaction(async () => {
    if (!(await deleteTimeOff(timeOffId))) throw notFound('The time off');
    await audit(actor ?? actorOf(user), {
      action: 'availability.time_off.remove', entity: 'time_off', entityId: timeOffId,
      details: { doctorId: row.doctorId, startDate: row.startDate, endDate: row.endDate },
    });
  });
}

/** Every doctor (active or not) with their booking settings, for the admin's list. Admins only. */
export async function listDoctorsForAdmin({ user }: Caller): Promise<DoctorProfile[]> {
  assertRole(user, ['admin']);
  return listDoctorProfiles();
}

/** One page of the active, bookable doctors with working hours (any signed-in user): `{ count, doctors }`. */
export async function listBookableDoctorsPaged({ user, page }: Caller & { page: Pagination }): Promise<{ count: number; doctors: DoctorProfile[] }> {
  assertRole(user);
  const [count, doctors] = [await countBookableDoctors(), await listBookableDoctorsPage(pageWindow(page))];
  return { count, doctors };
}

/**
 * Free slots of doctor `doctorId` on clinic dates `from`..`to` (any signed-in user); 404 when there is no
 * such doctor. An inactive or unbookable doctor has none.
 */
export async function listDoctorSlots({ user, doctorId, from, to, now = new Date() }: Caller & { doctorId: number; from: string; to: string; now?: Date }): Promise<Slot[]> {
  assertRole(user);
  if (!(await findDoctorProfile(doctorId))) throw notFound('The doctor');
  return listFreeSlots(doctorId, from, to, now);
}

