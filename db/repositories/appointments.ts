import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { affectedRows, insertMany, insertOne, lockingRead } from '../dialect';
import { syncAppointmentVisit } from './stats-sync';
import { ACTIVE_APPOINTMENT_STATUSES, type AppointmentStatus } from '../../core/vocabulary';
import { cellsFor } from '../../core/appointment-cells';

export type AppointmentRow = typeof tables.appointments.$inferSelect;
export type NewAppointment = typeof tables.appointments.$inferInsert;

/** What an appointment's occupancy cells depend on. */
type CellKey = Pick<AppointmentRow, 'doctorId' | 'patientId' | 'startAt' | 'endAt' | 'status'>;

const holdsCells = (k: CellKey) => (ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(k.status);

/**
 * The one place that writes occupancy cells (`appointment_cells`): an active (pending/confirmed)
 * appointment holds one row per party (its doctor and its patient, by user id) and per 5-minute UTC
 * cell of `[startAt, endAt)` (`cellsFor`); any other appointment holds none. Given the appointment as it
 * was (`before`, undefined when new) and as it is now (`after`), removes and writes rows so the cells
 * follow: created active → cells; moved (time or party) while active → cells move; no longer active →
 * cells go. The unique key (party, party_id, cell_start) makes an overlap with another active
 * appointment fail here (`classifyDbError` → `unique`). Runs in the caller's transaction.
 */
async function keepCellsInStep(appointmentId: number, before: CellKey | undefined, after: CellKey): Promise<void> {
  const held = before !== undefined && holdsCells(before);
  const holds = holdsCells(after);
  if (held && holds && before.doctorId === after.doctorId && before.patientId === after.patientId
    && before.startAt.getTime() === after.startAt.getTime() && before.endAt.getTime() === after.endAt.getTime()) return;
  if (held) {
    const db = await q();
    await db.delete(tables.appointmentCells).where(eq(tables.appointmentCells.appointmentId, appointmentId));
  }
  if (!holds) return;
  const rows = cellsFor(after.startAt, after.endAt).flatMap((cellStart) => [
    { appointmentId, party: 'doctor' as const, partyId: after.doctorId, cellStart },
    { appointmentId, party: 'patient' as const, partyId: after.patientId, cellStart },
  ]);
  if (rows.length) await insertMany(tables.appointmentCells, rows);
}

/** `row` with the defined entries of `values` over it. */
function merged(row: AppointmentRow, values: Partial<NewAppointment>): AppointmentRow {
  const out = { ...row } as Record<string, unknown>;
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return out as AppointmentRow;
}

/** Appointment `id` read for writing (on MySQL locked until the transaction ends), or undefined. */
async function lockAppointment(id: number): Promise<AppointmentRow | undefined> {
  const db = await q();
  const [row] = await lockingRead(db.select().from(tables.appointments).where(eq(tables.appointments.id, id)).limit(1));
  return row;
}

const touchesVisit = (values: Partial<NewAppointment>) =>
  values.status !== undefined || values.startAt !== undefined || values.doctorId !== undefined || values.patientId !== undefined;

/**
 * Creates an appointment row as given (booking rules live in lib/appointments) and, in the same
 * transaction, its occupancy cells when it is active (see `keepCellsInStep`) and its dashboard
 * statistics when it is completed; returns its id. A clash with another active appointment of the
 * doctor or the patient throws a unique violation and writes nothing.
 */
export async function createAppointment(values: NewAppointment): Promise<number> {
  return withTransaction(async () => {
    const id = await insertOne(tables.appointments, values);
    await keepCellsInStep(id, undefined, values);
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

/**
 * Updates the given columns of appointment `id`, keeping in the same transaction its occupancy cells
 * (moved with its time or parties while active, removed when it stops being active — a clash throws a
 * unique violation) and its dashboard statistics (when status, time or parties change). Does nothing
 * when there is no such appointment.
 */
export async function updateAppointment(id: number, values: Partial<NewAppointment>): Promise<void> {
  await withTransaction(async () => {
    const before = await lockAppointment(id);
    if (!before) return;
    const db = await q();
    await db.update(tables.appointments).set({ ...values, updatedAt: new Date() }).where(eq(tables.appointments.id, id));
    await keepCellsInStep(id, before, merged(before, values));
    if (touchesVisit(values)) await syncAppointmentVisit(id);
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
 * Updates appointment `id` only if its status is still `fromStatus` (so two concurrent changes cannot
 * both win); returns whether it changed. Its occupancy cells and dashboard statistics follow in the
 * same transaction, as in `updateAppointment` (ending an appointment frees its cells).
 */
export async function updateAppointmentIfStatus(id: number, fromStatus: AppointmentStatus, values: Partial<NewAppointment>): Promise<boolean> {
  return withTransaction(async () => {
    const before = await lockAppointment(id);
    if (!before || before.status !== fromStatus) return false;
    const db = await q();
    const a = tables.appointments;
    const res = await db.update(a).set({ ...values, updatedAt: new Date() }).where(and(eq(a.id, id), eq(a.status, fromStatus)));
    if (!(affectedRows(res) > 0)) return false;
    await keepCellsInStep(id, before, merged(before, values));
    await syncAppointmentVisit(id);
    return true;
  });
}
