/**
 * The reminder outbox (`reminders`): one row per appointment, channel and kind. Every statement goes
 * through `q()`, so the booking service's calls join its transaction.
 *
 * Claiming is one conditional UPDATE (pending and due → sending, with a claim token) whose affected-row
 * count says whether this worker won the row: atomic on SQLite and on MySQL, across processes. Every
 * later write of a claimed row is conditional on its claim token and on `sending`, so a worker that lost
 * its claim (recovered as unknown after it stalled) can no longer overwrite the row.
 */
import { aliasedTable, and, asc, count, desc, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import { q, tables } from '../index';
import { affectedRows, classifyDbError, insertOne } from '../dialect';
import type { AppointmentStatus, ReminderChannel, ReminderStatus } from '../../core/vocabulary';

export type ReminderRow = typeof tables.reminders.$inferSelect;
export type NewReminder = typeof tables.reminders.$inferInsert;

/** The reminder rows of appointment `appointmentId`. */
export async function listAppointmentReminders(appointmentId: number): Promise<ReminderRow[]> {
  const db = await q();
  const r = tables.reminders;
  return db.select().from(r).where(eq(r.appointmentId, appointmentId)).orderBy(asc(r.channel), asc(r.kind), asc(r.id));
}

/** The appointment and patient contact a queue decision needs, or undefined when there is no such appointment. */
export async function findAppointmentForReminders(appointmentId: number) {
  const db = await q();
  const { appointments: a, users: u } = tables;
  const [row] = await db.select({
    id: a.id, status: a.status, startAt: a.startAt, patientId: a.patientId, email: u.email, phone: u.phone,
  }).from(a).innerJoin(u, eq(u.id, a.patientId)).where(eq(a.id, appointmentId)).limit(1);
  return row;
}

/**
 * Inserts a pending reminder due at `dueAt`; returns its id, or null when the row for this appointment,
 * channel and kind already exists (a concurrent queue call won: the caller re-reads and updates).
 */
export async function insertPendingReminder(v: { appointmentId: number; channel: ReminderChannel; kind: string; dueAt: Date; now: Date }): Promise<number | null> {
  try {
    return await insertOne(tables.reminders, {
      appointmentId: v.appointmentId, channel: v.channel, kind: v.kind, dueAt: v.dueAt, status: 'pending', attempts: 0,
      nextAttemptAt: v.dueAt, claimToken: null, claimedAt: null, sentAt: null, lastError: null, createdAt: v.now, updatedAt: v.now,
    });
  } catch (e) {
    if (classifyDbError(e) === 'unique') return null;
    throw e;
  }
}

/**
 * Puts reminder `id` back to pending, due at `dueAt`, with a fresh attempt count — only while its status
 * is one of `fromStatuses` (so a row a worker has just claimed, or one already sent, is left alone).
 * Returns whether the row changed.
 */
export async function requeueReminder(id: number, fromStatuses: ReminderStatus[], dueAt: Date, now: Date): Promise<boolean> {
  const db = await q();
  const r = tables.reminders;
  const res = await db.update(r).set({
    status: 'pending', dueAt, nextAttemptAt: dueAt, attempts: 0, claimToken: null, claimedAt: null, lastError: null, updatedAt: now,
  }).where(and(eq(r.id, id), inArray(r.status, fromStatuses)));
  return affectedRows(res) === 1;
}

/**
 * Withdraws reminders of appointment `appointmentId` whose status is one of `fromStatuses` (all of its
 * rows, or only `ids` when given). `reason` is kept in `last_error` (a previous error is kept when null).
 * Returns how many rows changed.
 */
export async function withdrawAppointmentReminders(
  appointmentId: number,
  opts: { fromStatuses: ReminderStatus[]; ids?: number[]; reason?: string | null; now?: Date },
): Promise<number> {
  if (opts.ids && opts.ids.length === 0) return 0;
  const db = await q();
  const r = tables.reminders;
  const res = await db.update(r).set({
    status: 'withdrawn', updatedAt: opts.now ?? new Date(), ...(opts.reason ? { lastError: opts.reason } : {}),
  }).where(and(eq(r.appointmentId, appointmentId), inArray(r.status, opts.fromStatuses), opts.ids ? inArray(r.id, opts.ids) : undefined));
  return affectedRows(res);
}

/** Ids of pending reminders due at `now` (next attempt time reached), oldest first. */
export async function listDueReminderIds(now: Date, limit: number): Promise<number[]> {
  const db = await q();
  const r = tables.reminders;
  const rows = await db.select({ id: r.id }).from(r)
    .where(and(eq(r.status, 'pending'), lte(r.nextAttemptAt, now)))
    .orderBy(asc(r.nextAttemptAt), asc(r.id)).limit(limit);
  return rows.map((x) => x.id);
}

/**
 * Claims reminder `id` for one send: a single conditional UPDATE
 * `set status='sending', claim_token=:token, claimed_at=:now where id=:id and status='pending' and next_attempt_at<=:now`.
 * True when this call won the row; false when another worker had it first or it is no longer due.
 */
export async function claimReminder(id: number, token: string, now: Date): Promise<boolean> {
  const db = await q();
  const r = tables.reminders;
  const res = await db.update(r).set({ status: 'sending', claimToken: token, claimedAt: now, updatedAt: now })
    .where(and(eq(r.id, id), eq(r.status, 'pending'), lte(r.nextAttemptAt, now)));
  return affectedRows(res) === 1;
}

/** The rows currently claimed with `token` (status sending). */
export async function findClaimedReminders(token: string): Promise<ReminderRow[]> {
  const db = await q();
  const r = tables.reminders;
  return db.select().from(r).where(and(eq(r.claimToken, token), eq(r.status, 'sending'))).orderBy(asc(r.id));
}

/** How a claimed send ended, as stored. */
export type ReminderSettlement =
  | { status: 'sent'; attempts: number; at: Date }
  | { status: 'pending'; attempts: number; at: Date; nextAttemptAt: Date; error: string }
  | { status: 'failed' | 'unknown' | 'withdrawn'; attempts: number; at: Date; error: string };

/**
 * Records the outcome of the send of reminder `id` claimed with `token`. Only a row still in `sending`
 * with that token changes; returns false when the claim was lost (the row was recovered meanwhile).
 */
export async function settleClaimedReminder(id: number, token: string, s: ReminderSettlement): Promise<boolean> {
  const db = await q();
  const r = tables.reminders;
  const base = { status: s.status, attempts: s.attempts, claimToken: null, claimedAt: null, updatedAt: s.at };
  const values =
    s.status === 'sent' ? { ...base, sentAt: s.at, lastError: null }
    : s.status === 'pending' ? { ...base, nextAttemptAt: s.nextAttemptAt, lastError: s.error }
    : { ...base, lastError: s.error };
  const res = await db.update(r).set(values).where(and(eq(r.id, id), eq(r.claimToken, token), eq(r.status, 'sending')));
  return affectedRows(res) === 1;
}

/**
 * Rows claimed before `claimedBefore` and still `sending` (a worker died or hung mid-send) become
 * `unknown`: the message may have gone out, so they are never resent blindly. Returns the rows changed.
 */
export async function recoverStuckReminders(claimedBefore: Date, now: Date): Promise<Array<Pick<ReminderRow, 'id' | 'appointmentId' | 'channel' | 'kind' | 'attempts'>>> {
  const db = await q();
  const r = tables.reminders;
  const stuck = await db.select({ id: r.id, appointmentId: r.appointmentId, channel: r.channel, kind: r.kind, attempts: r.attempts, claimToken: r.claimToken })
    .from(r).where(and(eq(r.status, 'sending'), lt(r.claimedAt, claimedBefore))).limit(500);
  const changed = [];
  for (const s of stuck) {
    const res = await db.update(r).set({
      status: 'unknown', claimToken: null, claimedAt: null, updatedAt: now, attempts: s.attempts + 1,
      lastError: 'The sender stopped while sending: the message may or may not have gone out.',
    }).where(and(eq(r.id, s.id), eq(r.status, 'sending'), s.claimToken === null ? undefined : eq(r.claimToken, s.claimToken)));
    if (affectedRows(res) === 1) changed.push({ id: s.id, appointmentId: s.appointmentId, channel: s.channel, kind: s.kind, attempts: s.attempts + 1 });
  }
  return changed;
}

/** What the message of reminder `id` needs: the appointment (current time and status), the patient's name and contact, the doctor's name. */
export async function findReminderMessageData(id: number) {
  const db = await q();
  const { reminders: r, appointments: a, users } = tables;
  const patient = aliasedTable(users, 'patient');
  const doctor = aliasedTable(users, 'doctor');
  const [row] = await db.select({
    reminderId: r.id, channel: r.channel, kind: r.kind, appointmentId: a.id, appointmentStatus: a.status, startAt: a.startAt,
    patientId: a.patientId, patientName: patient.name, email: patient.email, phone: patient.phone, doctorName: doctor.name,
  }).from(r).innerJoin(a, eq(a.id, r.appointmentId))
    .innerJoin(patient, eq(patient.id, a.patientId)).innerJoin(doctor, eq(doctor.id, a.doctorId))
    .where(eq(r.id, id)).limit(1);
  return row as (typeof row & { appointmentStatus: AppointmentStatus }) | undefined;
}

/**
 * The outbox for the admin: failed first, then unknown, then pending rows that are retrying, then the
 * rest (sending, pending, sent, withdrawn); most recently changed first within each group.
 */
export async function listRemindersForAdmin(limit = 100) {
  const db = await q();
  const { reminders: r, appointments: a, users } = tables;
  const patient = aliasedTable(users, 'patient');
  const doctor = aliasedTable(users, 'doctor');
  const rank = sql<number>`case
    when ${r.status} = 'failed' then 0
    when ${r.status} = 'unknown' then 1
    when ${r.status} = 'pending' and ${r.attempts} > 0 then 2
    when ${r.status} = 'sending' then 3
    when ${r.status} = 'pending' then 4
    when ${r.status} = 'sent' then 5
    else 6 end`;
  return db.select({
    id: r.id, appointmentId: r.appointmentId, channel: r.channel, kind: r.kind, status: r.status, attempts: r.attempts,
    dueAt: r.dueAt, nextAttemptAt: r.nextAttemptAt, sentAt: r.sentAt, lastError: r.lastError, updatedAt: r.updatedAt,
    startAt: a.startAt, patientName: patient.name, doctorName: doctor.name,
  }).from(r).innerJoin(a, eq(a.id, r.appointmentId))
    .innerJoin(patient, eq(patient.id, a.patientId)).innerJoin(doctor, eq(doctor.id, a.doctorId))
    .orderBy(asc(rank), desc(r.updatedAt), desc(r.id)).limit(limit);
}

/** Number of pending reminders whose earlier attempts failed (waiting for a retry). */
export async function countRetryingReminders(): Promise<number> {
  const db = await q();
  const r = tables.reminders;
  const [row] = await db.select({ n: count() }).from(r).where(and(eq(r.status, 'pending'), gt(r.attempts, 0)));
  return Number(row.n);
}

/** Number of reminders per status (statuses with none are absent). */
export async function countRemindersByStatus(): Promise<Partial<Record<ReminderStatus, number>>> {
  const db = await q();
  const r = tables.reminders;
  const rows = await db.select({ status: r.status, n: count() }).from(r).groupBy(r.status);
  return Object.fromEntries(rows.map((x) => [x.status, Number(x.n)]));
}
