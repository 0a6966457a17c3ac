/**
 * Reading medical records with their lines, for the record pages (lib/records: read one, list, patient
 * history, the amendment trail): one record in full, role-filterable pages, the patient-history page
 * and its query plan, and a record's lifecycle audit events (which hold its earlier versions). The
 * writes that change a record after it is charted are in record-lifecycle.ts.
 *
 * "Current" rule (see lib/records/amend-medical-record.ts): a record row is one visit and always its
 * current version; earlier versions live in the `record.amend` audit events of that row. So lists and
 * counts take every row whose status is not `entered-in-error` — no version filtering is needed.
 */
import { aliasedTable, and, asc, count, desc, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import { q, tables, type PortableDb } from '../index';
import { explainQuery } from '../dialect';
import type { RecordStatus } from '../../core/vocabulary';
import type { MedicalRecordRow } from './records';

export type DiagnosisRow = typeof tables.diagnoses.$inferSelect;
export type PrescriptionRow = typeof tables.prescriptions.$inferSelect;

/** A record with its names, the patient's date of birth (for age-aware vital flags) and its lines in order. */
export type RecordDetail = MedicalRecordRow & {
  doctorName: string;
  patientName: string;
  patientDateOfBirth: string | null;
  diagnoses: DiagnosisRow[];
  prescriptions: PrescriptionRow[];
};

/** The statuses that count as a visit (everything but entered-in-error). */
export const CURRENT_RECORD_STATUSES: readonly RecordStatus[] = ['final', 'amended'];

/**
 * Attaches names, the patient's date of birth and the lines to a page of record rows: four small
 * queries by id for the whole page. The page query itself reads `medical_records` alone, so the
 * planner has only its indexes to choose from (joined to `users`, MariaDB may start from the doctor
 * and sort the patient's records instead of walking `records_patient_created_idx`).
 */
async function withDetails(db: PortableDb, records: MedicalRecordRow[]): Promise<RecordDetail[]> {
  if (!records.length) return [];
  const { users, patients, diagnoses: d, prescriptions: p } = tables;
  const ids = records.map((x) => x.id);
  const userIds = [...new Set(records.flatMap((x) => [x.doctorId, x.patientId]))];
  const patientIds = [...new Set(records.map((x) => x.patientId))];
  const [names, births, dx, rx] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)),
    db.select({ userId: patients.userId, dateOfBirth: patients.dateOfBirth }).from(patients).where(inArray(patients.userId, patientIds)),
    db.select().from(d).where(inArray(d.recordId, ids)).orderBy(asc(d.recordId), asc(d.position)),
    db.select().from(p).where(inArray(p.recordId, ids)).orderBy(asc(p.recordId), asc(p.position)),
  ]);
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const birthOf = new Map(births.map((b) => [b.userId, b.dateOfBirth ?? null]));
  return records.map((record) => ({
    ...record,
    doctorName: nameOf.get(record.doctorId) ?? '',
    patientName: nameOf.get(record.patientId) ?? '',
    patientDateOfBirth: birthOf.get(record.patientId) ?? null,
    diagnoses: dx.filter((x) => x.recordId === record.id),
    prescriptions: rx.filter((x) => x.recordId === record.id),
  }));
}

/** Record `id` with its names and lines (any status), or undefined. */
export async function findRecordDetail(id: number): Promise<RecordDetail | undefined> {
  const db = await q();
  const rows = await db.select().from(tables.medicalRecords).where(eq(tables.medicalRecords.id, id)).limit(1);
  const [detail] = await withDetails(db, rows);
  return detail;
}

export interface RecordFilter {
  patientId?: number;
  doctorId?: number;
  appointmentId?: number;
  /** Only records of patients linked to this doctor: an appointment or a record together, in any status. */
  linkedToDoctorId?: number;
  /** Statuses to include (default: the current ones, final and amended). */
  statuses?: readonly RecordStatus[];
}

function filterWhere(f: RecordFilter, db: PortableDb): SQL | undefined {
  const { medicalRecords: r, appointments: a } = tables;
  const mine = aliasedTable(r, 'mine');
  const statuses = f.statuses?.length ? f.statuses : CURRENT_RECORD_STATUSES;
  return and(
    f.patientId !== undefined ? eq(r.patientId, f.patientId) : undefined,
    f.doctorId !== undefined ? eq(r.doctorId, f.doctorId) : undefined,
    f.appointmentId !== undefined ? eq(r.appointmentId, f.appointmentId) : undefined,
    f.linkedToDoctorId !== undefined
      ? or(
        inArray(r.patientId, db.select({ id: a.patientId }).from(a).where(eq(a.doctorId, f.linkedToDoctorId))),
        inArray(r.patientId, db.select({ id: mine.patientId }).from(mine).where(eq(mine.doctorId, f.linkedToDoctorId))),
      )
      : undefined,
    statuses.length === 1 ? eq(r.status, statuses[0]) : inArray(r.status, [...statuses]),
  );
}

/**
 * One page of records matching `filter`, newest first (created_at, then id), with names and lines;
 * plus the total count.
 */
export async function listRecordsPage(filter: RecordFilter, page: { limit: number; offset: number }) {
  const db = await q();
  const r = tables.medicalRecords;
  const where = filterWhere(filter, db);
  const [rows, [total]] = await Promise.all([
    db.select().from(r).where(where).orderBy(desc(r.createdAt), desc(r.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(r).where(where),
  ]);
  return { count: Number(total.n), rows: await withDetails(db, rows) };
}

/** The patient-history page query (not entered-in-error, newest first): one builder for the list and its plan. */
function patientHistoryWhere(patientId: number) {
  const r = tables.medicalRecords;
  return and(eq(r.patientId, patientId), ne(r.status, 'entered-in-error'));
}
function patientHistoryQuery(db: PortableDb, patientId: number, page: { limit: number; offset: number }) {
  const r = tables.medicalRecords;
  return db.select().from(r).where(patientHistoryWhere(patientId)).orderBy(desc(r.createdAt), desc(r.id)).limit(page.limit).offset(page.offset);
}

/**
 * One page of patient `patientId`'s visits (records not entered-in-error), newest first, with names
 * and lines; plus the count. Served by the (patient_id, created_at) index `records_patient_created_idx`
 * (see `explainPatientHistoryQuery`): the page is read in index order, never sorted, whatever the number of visits.
 */
export async function listPatientHistoryPage(patientId: number, page: { limit: number; offset: number }) {
  const db = await q();
  const [rows, [total]] = await Promise.all([
    patientHistoryQuery(db, patientId, page),
    db.select({ n: count() }).from(tables.medicalRecords).where(patientHistoryWhere(patientId)),
  ]);
  return { count: Number(total.n), rows: await withDetails(db, rows) };
}

/**
 * The database's plan for the first patient-history page of `patientId`, as text (one line per plan
 * row): SQLite's `EXPLAIN QUERY PLAN` details, or MySQL/MariaDB `EXPLAIN` rows as `table type key`.
 * For tests and diagnostics: the plan must use `records_patient_created_idx`.
 */
export async function explainPatientHistoryQuery(patientId: number): Promise<string> {
  const db = await q();
  return explainQuery(patientHistoryQuery(db, patientId, { limit: 20, offset: 0 }).toSQL());
}

/**
 * The audit events of record `recordId` with `actions` (oldest first), each with its actor's name:
 * `record.amend` events carry the earlier versions (`details.previous`).
 */
export async function listRecordEvents(recordId: number, actions: readonly string[]) {
  const db = await q();
  const { auditEvents: e, users } = tables;
  const rows = await db.select({ event: e, actorName: users.name }).from(e)
    .leftJoin(users, eq(users.id, e.actorUserId))
    .where(and(eq(e.entity, 'medical_record'), eq(e.entityId, recordId), inArray(e.action, [...actions])))
    .orderBy(asc(e.at), asc(e.id));
  return rows.map(({ event, actorName }) => ({ ...event, actorName: actorName ?? null }));
}
