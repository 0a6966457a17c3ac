/**
 * The audit log (audit_events): appending events, and reading them back for the admin's activity log
 * (`/admin/activity`, `GET /api/dashboard/recent-activity/`) with filters that each ride an index:
 * actor → `audit_actor_at_idx (actor_user_id, at)`, patient → `audit_patient_at_idx (patient_id, at)`,
 * exact action → `audit_action_at_idx (action, at)`, date range alone → `audit_at_idx (at)`. See
 * `explainAuditEventsQuery` for the plans.
 */
import { aliasedTable, and, count, desc, eq, gt, gte, inArray, lt, min, sql, type SQL } from 'drizzle-orm';
import { q, tables, type PortableDb } from '../index';
import { explainQuery, insertOne, likeLiteral } from '../dialect';
import type { ActorKind, AuditOutcome } from '../../core/vocabulary';

export type NewAuditEvent = typeof tables.auditEvents.$inferInsert;

/** Appends one audit event (joins the caller's transaction when there is one). */
export async function appendAuditEvent(values: NewAuditEvent): Promise<void> {
  await insertOne(tables.auditEvents, values);
}

/**
 * Appends several audit events in one INSERT statement: all of them or none, without opening a
 * transaction (so a chart read's audit entries take the write lock for one statement only).
 */
export async function appendAuditEvents(values: NewAuditEvent[]): Promise<void> {
  if (!values.length) return;
  const db = await q();
  await db.insert(tables.auditEvents).values(values);
}

/** The latest audit events, newest first. */
export async function listRecentAuditEvents(limit = 20) {
  const db = await q();
  const a = tables.auditEvents;
  return db.select().from(a).orderBy(desc(a.at), desc(a.id)).limit(limit);
}

/**
 * Filters of the audit log; every member optional (absent = no filter), all combined with AND.
 * - `actorUserIds`: events by any of these users (an empty list matches nothing);
 * - `action`: `{ exact }` one action, or `{ prefix }` every action starting with it (e.g. `record.`);
 * - `patientId`: events about this patient (user id);
 * - `outcome`: success / failure / denied;
 * - `from` (inclusive) / `to` (exclusive): UTC instants bounding `at`.
 */
export interface AuditEventFilters {
  actorUserIds?: number[];
  action?: { exact: string } | { prefix: string };
  patientId?: number;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
}

/** One audit event as the activity log lists it, with its actor's and patient's name (never other PHI). */
export interface AuditEventListItem {
  id: number;
  at: Date;
  actorUserId: number | null;
  actorKind: ActorKind;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entity: string | null;
  entityId: number | null;
  patientId: number | null;
  patientName: string | null;
  patientNumber: string | null;
  outcome: AuditOutcome;
}

function auditWhere(f: AuditEventFilters): SQL | undefined {
  const a = tables.auditEvents;
  const conds: SQL[] = [];
  if (f.actorUserIds) {
    if (f.actorUserIds.length === 0) conds.push(sql`1 = 0`);
    else conds.push(f.actorUserIds.length === 1 ? eq(a.actorUserId, f.actorUserIds[0]) : inArray(a.actorUserId, f.actorUserIds));
  }
  if (f.action && 'exact' in f.action) conds.push(eq(a.action, f.action.exact));
  if (f.action && 'prefix' in f.action) {
    // A range the (action, at) index can seek (LIKE is not index-friendly on SQLite), refined by the
    // LIKE itself: every string starting with `p` sorts in [p, p with its last character + 1).
    const p = f.action.prefix;
    const upper = p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
    conds.push(gte(a.action, p), lt(a.action, upper), likeLiteral(a.action, p, (t) => `${t}%`));
  }
  if (f.patientId !== undefined) conds.push(eq(a.patientId, f.patientId));
  if (f.outcome) conds.push(eq(a.outcome, f.outcome));
  if (f.from) conds.push(gte(a.at, f.from));
  if (f.to) conds.push(lt(a.at, f.to));
  return conds.length ? and(...conds) : undefined;
}

/**
 * The ids of one page of matching events, newest first: read from the filter's index alone (every
 * secondary index also holds the id), so a deep page costs an index walk, not a scan and sort of rows.
 */
function auditPageIdsQuery(db: PortableDb, filters: AuditEventFilters, page: { limit: number; offset: number }) {
  const a = tables.auditEvents;
  return db.select({ id: a.id }).from(a).where(auditWhere(filters)).orderBy(desc(a.at), desc(a.id)).limit(page.limit).offset(page.offset);
}

/**
 * One page of the audit log matching `filters`, newest first (id breaks ties), each event with its
 * actor's name and email and its patient's name and number (null when there is none); plus the number
 * of matching events. The page's ids come from the filter's index, then their rows and names are read
 * by primary/unique key.
 */
export async function listAuditEventsPage(filters: AuditEventFilters, page: { limit: number; offset: number }): Promise<{ count: number; rows: AuditEventListItem[] }> {
  const db = await q();
  const { auditEvents: a, users, patients } = tables;
  const [ids, [total]] = await Promise.all([
    auditPageIdsQuery(db, filters, page),
    db.select({ n: count() }).from(a).where(auditWhere(filters)),
  ]);
  if (ids.length === 0) return { count: Number(total.n), rows: [] };
  const actor = aliasedTable(users, 'actor');
  const patientUser = aliasedTable(users, 'patient_user');
  const rows = await db.select({
    id: a.id, at: a.at, actorUserId: a.actorUserId, actorKind: a.actorKind, actorName: actor.name, actorEmail: actor.email,
    action: a.action, entity: a.entity, entityId: a.entityId, patientId: a.patientId,
    patientName: patientUser.name, patientNumber: patients.patientNumber, outcome: a.outcome,
  }).from(a)
    .leftJoin(actor, eq(actor.id, a.actorUserId))
    .leftJoin(patientUser, eq(patientUser.id, a.patientId))
    .leftJoin(patients, eq(patients.userId, a.patientId))
    .where(inArray(a.id, ids.map((r) => r.id)))
    .orderBy(desc(a.at), desc(a.id));
  return { count: Number(total.n), rows };
}

/**
 * The distinct actions present in the audit log, sorted (at most `limit`). Read as a loose index scan
 * of `audit_action_at_idx`: one `min(action) where action > previous` seek per distinct action, so the
 * cost follows the number of actions, not of events.
 */
export async function listDistinctAuditActions(limit = 200): Promise<string[]> {
  const db = await q();
  const a = tables.auditEvents;
  const out: string[] = [];
  let last: string | null = null;
  while (out.length < limit) {
    const [row]: Array<{ action: string | null }> = await db.select({ action: min(a.action) }).from(a).where(last === null ? undefined : gt(a.action, last));
    if (row?.action == null) break;
    out.push(row.action);
    last = row.action;
  }
  return out;
}

/** The user id of the patient with clinic number `patientNumber` (exact, e.g. `EH-000123`), or null. */
export async function findPatientUserIdByNumber(patientNumber: string): Promise<number | null> {
  const db = await q();
  const p = tables.patients;
  const [row] = await db.select({ userId: p.userId }).from(p).where(eq(p.patientNumber, patientNumber)).limit(1);
  return row?.userId ?? null;
}

/**
 * The database's plan for the audit log's query under `filters` — the first page's ids (`'page'`,
 * default) or the count (`'count'`) — as text (one line per plan row): SQLite's `EXPLAIN QUERY PLAN` details,
 * or MySQL/MariaDB `EXPLAIN` rows as `table type key=… possible_keys=… extra=…`. For tests and diagnostics.
 */
export async function explainAuditEventsQuery(filters: AuditEventFilters, which: 'page' | 'count' = 'page'): Promise<string> {
  const db = await q();
  return explainQuery(which === 'page'
    ? auditPageIdsQuery(db, filters, { limit: 20, offset: 0 }).toSQL()
    : db.select({ n: count() }).from(tables.auditEvents).where(auditWhere(filters)).toSQL());
}
