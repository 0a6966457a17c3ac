/**
 * The data side of merging two patient records of one person (lib/patients/merge-patients.ts holds the
 * rules): locking both users, finding overlapping active appointments, moving every row that points to
 * the merged-away patient to the survivor, and marking the merged-away user. All functions run in the
 * caller's transaction (every statement goes through `q()`); nothing is deleted.
 */
import { aliasedTable, and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { q, tables } from '../index';
import { affectedRows, lockingRead } from '../dialect';
import { addPatientRegistration, lockPatientCreatedAt, movePatientVisits } from './stats-sync';
import type { UserRow } from './users';

/** Users `ids` read for writing (on MySQL their rows locked until the transaction ends), in id order. */
export async function lockUsersForMerge(ids: number[]): Promise<UserRow[]> {
  const db = await q();
  const u = tables.users;
  const out: UserRow[] = [];
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const [row] = await lockingRead(db.select().from(u).where(eq(u.id, id)).limit(1));
    if (row) out.push(row);
  }
  return out;
}

/**
 * Active appointments of patient `fromId` that overlap an active appointment of patient `toId` (they
 * share an occupancy cell in `appointment_cells`): `[{ appointmentId, otherAppointmentId, startAt }]`,
 * one row per pair, by start. Moving such an appointment would hold the survivor twice at one time.
 */
export async function findOverlappingPatientAppointments(fromId: number, toId: number) {
  const db = await q();
  const c = tables.appointmentCells;
  const other = aliasedTable(c, 'other_cells');
  const rows = await db.selectDistinct({ appointmentId: c.appointmentId, otherAppointmentId: other.appointmentId }).from(c)
    .innerJoin(other, and(eq(other.party, 'patient'), eq(other.partyId, toId), eq(other.cellStart, c.cellStart)))
    .where(and(eq(c.party, 'patient'), eq(c.partyId, fromId)));
  if (!rows.length) return [];
  const a = tables.appointments;
  const starts = await db.select({ id: a.id, startAt: a.startAt }).from(a)
    .where(inArray(a.id, [...new Set(rows.flatMap((r) => [r.appointmentId, r.otherAppointmentId]))])).orderBy(asc(a.startAt), asc(a.id));
  const startOf = new Map(starts.map((s) => [s.id, s.startAt]));
  return rows.map((r) => ({ ...r, startAt: startOf.get(r.appointmentId) as Date }))
    .sort((x, y) => x.startAt.getTime() - y.startAt.getTime() || x.appointmentId - y.appointmentId);
}

/**
 * Moves to patient user `toId` everything that belongs to patient user `fromId`: appointments (with
 * their occupancy cells; their reminders and history follow the appointment), medical records (their
 * diagnoses, prescriptions and versions follow the record), the external ids of imported records
 * (`entity = 'user'`), earlier merges into `fromId`, and the visits in the dashboard's statistics (then
 * re-sequenced for the survivor). Call after `findOverlappingPatientAppointments` found nothing: an
 * overlap would throw a unique violation here. Returns the moved appointment and record ids.
 */
export async function movePatientRows(fromId: number, toId: number): Promise<{ appointmentIds: number[]; recordIds: number[]; externalIds: number }> {
  const db = await q();
  const { appointments: a, appointmentCells: c, medicalRecords: r, externalIds: x, users: u } = tables;
  const appts = await db.select({ id: a.id }).from(a).where(eq(a.patientId, fromId)).orderBy(asc(a.id));
  const recs = await db.select({ id: r.id }).from(r).where(eq(r.patientId, fromId)).orderBy(asc(r.id));
  await movePatientVisits(fromId, toId);
  const now = new Date();
  if (appts.length) {
    await db.update(a).set({ patientId: toId, updatedAt: now }).where(eq(a.patientId, fromId));
    await db.update(c).set({ partyId: toId }).where(and(eq(c.party, 'patient'), eq(c.partyId, fromId)));
  }
  if (recs.length) await db.update(r).set({ patientId: toId }).where(eq(r.patientId, fromId));
  const moved = affectedRows(await db.update(x).set({ entityId: toId, updatedAt: now }).where(and(eq(x.entity, 'user'), eq(x.entityId, fromId))));
  await db.update(u).set({ mergedIntoId: toId }).where(eq(u.mergedIntoId, fromId));
  return { appointmentIds: appts.map((x) => x.id), recordIds: recs.map((x) => x.id), externalIds: moved };
}

/**
 * Marks patient user `fromId` as merged into `toId`: inactive, its session version bumped (every
 * browser session and API token ends), `merged_into_id`/`merged_at` set, its email (and password)
 * cleared when `releaseAccount` (they move to the survivor). Its registration stops counting in the
 * dashboard's patient statistics (`stats_patients_daily`), as in the live count.
 */
export async function markUserMerged(fromId: number, toId: number, opts: { releaseAccount: boolean; now?: Date }): Promise<void> {
  const db = await q();
  const u = tables.users;
  const now = opts.now ?? new Date();
  const createdAt = await lockPatientCreatedAt(fromId);
  await db.update(u).set({
    isActive: false, sessionVersion: sql`${u.sessionVersion} + 1`, mergedIntoId: toId, mergedAt: now, updatedAt: now,
    ...(opts.releaseAccount ? { email: null, passwordHash: null } : {}),
  }).where(eq(u.id, fromId));
  if (createdAt) await addPatientRegistration(createdAt, -1);
}

/** How many appointments (any status) and medical records (any status) patient user `userId` has. */
export async function countPatientRows(userId: number): Promise<{ appointments: number; records: number }> {
  const db = await q();
  const { appointments: a, medicalRecords: r } = tables;
  const [[x], [y]] = await Promise.all([
    db.select({ n: count() }).from(a).where(eq(a.patientId, userId)),
    db.select({ n: count() }).from(r).where(eq(r.patientId, userId)),
  ]);
  return { appointments: Number(x.n), records: Number(y.n) };
}
