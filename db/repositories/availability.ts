/**
 * Doctors' availability: weekly working hours (ISO weekday 1 = Monday … 7 = Sunday; minutes from
 * midnight in clinic time, end exclusive), time off (clinic dates, both ends included), the practitioner
 * settings that go with them, and the busy intervals of active appointments (from the occupancy cells).
 */
import { and, asc, count, eq, exists, gte, inArray, lt, lte } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { affectedRows, insertMany, insertOne } from '../dialect';
import { CELL_MS } from '../../core/appointment-cells';

export interface WorkingRange {
  weekday: number;
  startMinute: number;
  endMinute: number;
}
export type WorkingHoursRow = typeof tables.workingHours.$inferSelect;
export type TimeOffRow = typeof tables.timeOff.$inferSelect;
export type NewTimeOff = typeof tables.timeOff.$inferInsert;

const ids = (doctorIds: number | number[]) => (Array.isArray(doctorIds) ? doctorIds : [doctorIds]);

/** Working-hour ranges of the given doctors, by doctor, weekday and start. */
export async function listWorkingHours(doctorIds: number | number[]): Promise<WorkingHoursRow[]> {
  const list = ids(doctorIds);
  if (!list.length) return [];
  const db = await q();
  const w = tables.workingHours;
  return db.select().from(w).where(inArray(w.doctorId, list))
    .orderBy(asc(w.doctorId), asc(w.weekday), asc(w.startMinute), asc(w.id));
}

/** Replaces every working-hour range of doctor `doctorId` with `ranges` (in one transaction, joining the caller's). */
export async function replaceWorkingHours(doctorId: number, ranges: WorkingRange[]): Promise<void> {
  await withTransaction(async () => {
    const db = await q();
    await db.delete(tables.workingHours).where(eq(tables.workingHours.doctorId, doctorId));
    if (ranges.length) {
      await insertMany(tables.workingHours, ranges.map((r) => ({ doctorId, weekday: r.weekday, startMinute: r.startMinute, endMinute: r.endMinute })));
    }
  });
}

/**
 * Time off of the given doctors, by start date: all of it, or only the periods overlapping the clinic
 * dates `from`..`to` (`YYYY-MM-DD`, inclusive; either end may be omitted).
 */
export async function listTimeOff(doctorIds: number | number[], range: { from?: string; to?: string } = {}): Promise<TimeOffRow[]> {
  const list = ids(doctorIds);
  if (!list.length) return [];
  const db = await q();
  const t = tables.timeOff;
  return db.select().from(t)
    .where(and(
      inArray(t.doctorId, list),
      range.to ? lte(t.startDate, range.to) : undefined,
      range.from ? gte(t.endDate, range.from) : undefined,
    ))
    .orderBy(asc(t.startDate), asc(t.endDate), asc(t.id));
}

/** The time-off period with `id`, or undefined. */
export async function findTimeOffById(id: number): Promise<TimeOffRow | undefined> {
  const db = await q();
  const [row] = await db.select().from(tables.timeOff).where(eq(tables.timeOff.id, id)).limit(1);
  return row;
}

/** Adds a time-off period; returns its id. */
export async function createTimeOff(values: NewTimeOff): Promise<number> {
  return insertOne(tables.timeOff, values);
}

/** Deletes the time-off period `id`; returns whether one was deleted. */
export async function deleteTimeOff(id: number): Promise<boolean> {
  const db = await q();
  return affectedRows(await db.delete(tables.timeOff).where(eq(tables.timeOff.id, id))) > 0;
}

export interface BusyInterval {
  doctorId: number;
  appointmentId: number;
  start: Date;
  end: Date;
}

/**
 * The parts inside `[from, to)` of the active (pending/confirmed) appointments of the given doctors, read
 * from their occupancy cells (the source of truth: rows exist only while an appointment is active).
 * One interval per appointment, from its first to the end of its last cell in the window; by start.
 */
export async function listBusyIntervals(doctorIds: number | number[], from: Date, to: Date): Promise<BusyInterval[]> {
  const list = ids(doctorIds);
  if (!list.length) return [];
  const db = await q();
  const c = tables.appointmentCells;
  const rows = await db.select({ doctorId: c.partyId, appointmentId: c.appointmentId, cellStart: c.cellStart }).from(c)
    .where(and(eq(c.party, 'doctor'), inArray(c.partyId, list), gte(c.cellStart, from), lt(c.cellStart, to)));
  const byAppointment = new Map<number, BusyInterval>();
  for (const r of rows) {
    const t = r.cellStart.getTime();
    const cur = byAppointment.get(r.appointmentId);
    if (!cur) byAppointment.set(r.appointmentId, { doctorId: r.doctorId, appointmentId: r.appointmentId, start: new Date(t), end: new Date(t + CELL_MS) });
    else {
      if (t < cur.start.getTime()) cur.start = new Date(t);
      if (t + CELL_MS > cur.end.getTime()) cur.end = new Date(t + CELL_MS);
    }
  }
  return [...byAppointment.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.doctorId - b.doctorId);
}

/**
 * The occupancy cells (5-minute cell starts) that patient `patientId`'s active appointments hold inside
 * `[from, to)`, with the appointment holding each: the times the patient is already booked.
 */
export async function listPatientBusyCells(patientId: number, from: Date, to: Date): Promise<Array<{ appointmentId: number; cellStart: Date }>> {
  const db = await q();
  const c = tables.appointmentCells;
  return db.select({ appointmentId: c.appointmentId, cellStart: c.cellStart }).from(c)
    .where(and(eq(c.party, 'patient'), eq(c.partyId, patientId), gte(c.cellStart, from), lt(c.cellStart, to)));
}

export interface DoctorProfile {
  id: number;
  name: string;
  isActive: boolean;
  specialty: string;
  bookable: boolean;
  slotMinutes: number;
}

const profileColumns = () => {
  const { users: u, practitioners: p } = tables;
  return { id: u.id, name: u.name, isActive: u.isActive, specialty: p.specialty, bookable: p.bookable, slotMinutes: p.slotMinutes };
};

/** Doctor `doctorId`'s practitioner settings joined with the user's name and active flag, or undefined (not a doctor). */
export async function findDoctorProfile(doctorId: number): Promise<DoctorProfile | undefined> {
  const db = await q();
  const { users: u, practitioners: p } = tables;
  const [row] = await db.select(profileColumns()).from(p).innerJoin(u, eq(u.id, p.userId))
    .where(and(eq(p.userId, doctorId), eq(u.role, 'doctor'))).limit(1);
  return row;
}

/** Every doctor with a practitioner profile (active or not), by name then id. */
export async function listDoctorProfiles(limit = 500): Promise<DoctorProfile[]> {
  const db = await q();
  const { users: u, practitioners: p } = tables;
  return db.select(profileColumns()).from(p).innerJoin(u, eq(u.id, p.userId))
    .where(eq(u.role, 'doctor')).orderBy(asc(u.nameFolded), asc(u.id)).limit(limit);
}

/** Active, bookable, and with at least one weekly working-hours range (else no slot to offer). */
const bookable = async () => {
  const db = await q();
  const w = tables.workingHours;
  const hasHours = db.select({ one: w.id }).from(w).where(eq(w.doctorId, tables.users.id));
  return and(eq(tables.users.isActive, true), eq(tables.practitioners.bookable, true), eq(tables.users.role, 'doctor'), exists(hasHours));
};

/** One page of the active, bookable doctors with working hours, by name then id. */
export async function listBookableDoctorsPage(window: { limit: number; offset: number }): Promise<DoctorProfile[]> {
  const db = await q();
  const { users: u, practitioners: p } = tables;
  return db.select(profileColumns()).from(p).innerJoin(u, eq(u.id, p.userId))
    .where(await bookable()).orderBy(asc(u.nameFolded), asc(u.id)).limit(window.limit).offset(window.offset);
}

/** Number of active, bookable doctors with working hours. */
export async function countBookableDoctors(): Promise<number> {
  const db = await q();
  const { users: u, practitioners: p } = tables;
  const [row] = await db.select({ n: count() }).from(p).innerJoin(u, eq(u.id, p.userId)).where(await bookable());
  return Number(row.n);
}

/** Sets the slot length (minutes) of doctor `doctorId`'s practitioner profile. */
export async function updateSlotMinutes(doctorId: number, slotMinutes: number): Promise<void> {
  const db = await q();
  await db.update(tables.practitioners).set({ slotMinutes }).where(eq(tables.practitioners.userId, doctorId));
}
