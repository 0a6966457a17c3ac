import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { affectedRows, insertOne } from '../dialect';
import { syncAppointmentVisit } from './visit-stats';
import type { AppointmentStatus } from '../../core/vocabulary';

export type AppointmentRow = typeof tables.appointments.$inferSelect;
export type NewAppointment = typeof tables.appointments.$inferInsert;

/** Creates an appointment row as given (booking rules live in lib/appointments); returns its id. */
export async function createAppointment(values: NewAppointment): Promise<number> {
  return withTransaction(async () => {
    const id = await insertOne(tables.appointments, values);
    if (values.status === 'completed') await syncAppointmentVisit(id);
    return id;
  });
}

/** The appointment with `id`, or undefined. */
export async function findAppointmentById(id: number): Promise<AppointmentRow | undefined> {
  const db = await q();
  const [row] = await db.select().from(tables.appointments).where(eq(tables.appointments.id, id)).limit(1);
  return row;
}

/** Updates the given columns of appointment `id` (and its dashboard statistics when status or time change). */
export async function updateAppointment(id: number, values: Partial<NewAppointment>): Promise<void> {
  await withTransaction(async () => {
    const db = await q();
    await db.update(tables.appointments).set({ ...values, updatedAt: new Date() }).where(eq(tables.appointments.id, id));
    if (values.status !== undefined || values.startAt !== undefined || values.doctorId !== undefined || values.patientId !== undefined) {
      await syncAppointmentVisit(id);
    }
  });
}

function withNames() {
  const { appointments, users } = tables;
  const patient = aliasedTable(users, 'patient');
  const doctor = aliasedTable(users, 'doctor');
  return { appointments, patient, doctor, cols: {
    id: appointments.id, patientId: appointments.patientId, doctorId: appointments.doctorId,
    startAt: appointments.startAt, endAt: appointments.endAt, status: appointments.status, reason: appointments.reason,
    patientName: patient.name, doctorName: doctor.name,
  } };
}

export type AppointmentListItem = Awaited<ReturnType<typeof listDoctorAppointments>>[number];

/** Appointments of doctor `doctorId` starting in `[from, to)`, in time order, with patient and doctor names. */
export async function listDoctorAppointments(doctorId: number, from: Date, to: Date) {
  const db = await q();
  const { appointments: a, patient, doctor, cols } = withNames();
  return db.select(cols).from(a)
    .innerJoin(patient, eq(patient.id, a.patientId)).innerJoin(doctor, eq(doctor.id, a.doctorId))
    .where(and(eq(a.doctorId, doctorId), gte(a.startAt, from), lt(a.startAt, to)))
    .orderBy(asc(a.startAt), asc(a.id));
}

/** The next appointments of patient `patientId` (start ≥ `from`, status in `statuses`), soonest first. */
export async function listPatientUpcoming(patientId: number, from: Date, statuses: AppointmentStatus[], limit = 5) {
  const db = await q();
  const { appointments: a, patient, doctor, cols } = withNames();
  return db.select(cols).from(a)
    .innerJoin(patient, eq(patient.id, a.patientId)).innerJoin(doctor, eq(doctor.id, a.doctorId))
    .where(and(eq(a.patientId, patientId), gte(a.startAt, from), inArray(a.status, statuses)))
    .orderBy(asc(a.startAt), asc(a.id)).limit(limit);
}

/** The latest appointments of patient `patientId`, newest first. */
export async function listPatientAppointments(patientId: number, limit = 20) {
  const db = await q();
  const { appointments: a, patient, doctor, cols } = withNames();
  return db.select(cols).from(a)
    .innerJoin(patient, eq(patient.id, a.patientId)).innerJoin(doctor, eq(doctor.id, a.doctorId))
    .where(eq(a.patientId, patientId)).orderBy(desc(a.startAt), desc(a.id)).limit(limit);
}

export interface AppointmentFilter {
  patientId?: number;
  doctorId?: number;
  statuses?: AppointmentStatus[];
  /** start ≥ from */
  from?: Date;
  /** start < to */
  to?: Date;
}

function filterWhere(f: AppointmentFilter) {
  const a = tables.appointments;
  return and(
    f.patientId !== undefined ? eq(a.patientId, f.patientId) : undefined,
    f.doctorId !== undefined ? eq(a.doctorId, f.doctorId) : undefined,
    f.statuses?.length ? inArray(a.status, f.statuses) : undefined,
    f.from ? gte(a.startAt, f.from) : undefined,
    f.to ? lt(a.startAt, f.to) : undefined,
  );
}

/**
 * One page of appointments matching `filter`, by start time then id (descending when `newestFirst`),
 * with patient and doctor names, and the total count.
 */
export async function listAppointmentsPage(filter: AppointmentFilter, page: { limit: number; offset: number }, newestFirst = false) {
  const db = await q();
  const { appointments: a, patient, doctor } = withNames();
  const where = filterWhere(filter);
  const order = newestFirst ? [desc(a.startAt), desc(a.id)] : [asc(a.startAt), asc(a.id)];
  const [rows, [total]] = await Promise.all([
    db.select({ appointment: a, patientName: patient.name, doctorName: doctor.name }).from(a)
      .innerJoin(patient, eq(patient.id, a.patientId)).innerJoin(doctor, eq(doctor.id, a.doctorId))
      .where(where).orderBy(...order).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(a).where(where),
  ]);
  return { count: Number(total.n), rows: rows.map((r) => ({ ...r.appointment, patientName: r.patientName, doctorName: r.doctorName })) };
}

/** Whether doctor `doctorId` and patient `patientId` share an appointment (any status). */
export async function haveAppointmentTogether(doctorId: number, patientId: number): Promise<boolean> {
  const db = await q();
  const a = tables.appointments;
  const [row] = await db.select({ id: a.id }).from(a).where(and(eq(a.doctorId, doctorId), eq(a.patientId, patientId))).limit(1);
  return !!row;
}

/**
 * The active appointment that holds any 5-minute cell of `[start, end)` for the doctor or patient
 * `partyId`, as `{ id, startAt }` — or undefined.
 */
export async function findOccupant(party: 'doctor' | 'patient', partyId: number, cellStarts: Date[]) {
  if (!cellStarts.length) return undefined;
  const db = await q();
  const { appointmentCells: c, appointments: a } = tables;
  const [row] = await db.select({ id: a.id, startAt: a.startAt }).from(c).innerJoin(a, eq(a.id, c.appointmentId))
    .where(and(eq(c.party, party), eq(c.partyId, partyId), inArray(c.cellStart, cellStarts))).limit(1);
  return row;
}

/**
 * Sets the status of appointment `id` only if it is still `fromStatus` (so two concurrent changes
 * cannot both win); returns whether it changed.
 */
export async function updateAppointmentIfStatus(id: number, fromStatus: AppointmentStatus, values: Partial<NewAppointment>): Promise<boolean> {
  return withTransaction(async () => {
    const db = await q();
    const a = tables.appointments;
    const res = await db.update(a).set({ ...values, updatedAt: new Date() }).where(and(eq(a.id, id), eq(a.status, fromStatus)));
    if (!(affectedRows(res) > 0)) return false;
    await syncAppointmentVisit(id);
    return true;
  });
}
