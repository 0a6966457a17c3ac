import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { q, tables } from '../index';
import { insertOne } from '../dialect';
import type { AppointmentStatus } from '../schema/types';

export type AppointmentRow = typeof tables.appointments.$inferSelect;
export type NewAppointment = typeof tables.appointments.$inferInsert;

/** Creates an appointment row as given (booking rules live in lib/appointments); returns its id. */
export async function createAppointment(values: NewAppointment): Promise<number> {
  return insertOne(tables.appointments, values);
}

/** The appointment with `id`, or undefined. */
export async function findAppointmentById(id: number): Promise<AppointmentRow | undefined> {
  const db = await q();
  const [row] = await db.select().from(tables.appointments).where(eq(tables.appointments.id, id)).limit(1);
  return row;
}

/** Updates the given columns of appointment `id`. */
export async function updateAppointment(id: number, values: Partial<NewAppointment>): Promise<void> {
  const db = await q();
  await db.update(tables.appointments).set({ ...values, updatedAt: new Date() }).where(eq(tables.appointments.id, id));
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

/** Number of appointments starting in `[from, to)`, optionally only with `statuses`. */
export async function countAppointmentsBetween(from: Date, to: Date, statuses?: AppointmentStatus[]): Promise<number> {
  const db = await q();
  const a = tables.appointments;
  const [row] = await db.select({ n: count() }).from(a)
    .where(and(gte(a.startAt, from), lt(a.startAt, to), statuses ? inArray(a.status, statuses) : undefined));
  return Number(row.n);
}
