/**
 * The dashboard's visit statistics computed live from the records and appointments — the reference
 * the summary tables (db/repositories/stats-tables.ts) must agree with. Used by tests (summary = live
 * after any sequence of writes) and by the benchmark as its baseline; the app reads the summaries.
 *
 * The visit rule in SQL: a visit is a medical record with status final/amended (dated by its
 * created_at), or a completed appointment (dated by its start_at) with no final/amended record linked
 * by appointment_id. Entered-in-error records never count and never hide their appointment;
 * cancelled appointments never count. Clinic-time buckets come from the caller as UTC boundaries.
 */
import { and, count, eq, gte, inArray, isNotNull, lt, min, notExists, sql } from 'drizzle-orm';
import { q, tables } from '../index';
import type { RecordStatus, Sex } from '../../core/vocabulary';
import { BY_BUCKET, bucketExpr } from './stats-queries';
import { VISIT_RECORD_STATUSES as VISIT_STATUSES } from './stats-tables';

const VISIT_RECORD_STATUSES: RecordStatus[] = [...VISIT_STATUSES];

type Range = { from: Date; to: Date };

function recordVisitWhere({ from, to }: Range) {
  const r = tables.medicalRecords;
  return and(gte(r.createdAt, from), lt(r.createdAt, to), inArray(r.status, VISIT_RECORD_STATUSES));
}

/** Completed appointments starting in the range with no final/amended record linked to them. */
async function appointmentVisitWhere({ from, to }: Range) {
  const db = await q();
  const { appointments: a, medicalRecords: r } = tables;
  return and(
    gte(a.startAt, from), lt(a.startAt, to), eq(a.status, 'completed'),
    notExists(db.select({ one: sql`1` }).from(r).where(and(eq(r.appointmentId, a.id), inArray(r.status, VISIT_RECORD_STATUSES)))),
  );
}

/**
 * Visits per bucket: `bounds` are ascending UTC instants (n+1 boundaries for n buckets); returns n counts.
 * Records and appointment-only visits are grouped in SQL separately and summed.
 */
export async function countVisitsByBucket(bounds: Date[]): Promise<number[]> {
  const out = new Array<number>(Math.max(bounds.length - 1, 0)).fill(0);
  if (bounds.length < 2) return out;
  const db = await q();
  const { medicalRecords: r, appointments: a } = tables;
  const range = { from: bounds[0], to: bounds[bounds.length - 1] };
  const rb = bucketExpr(r.createdAt, bounds);
  const ab = bucketExpr(a.startAt, bounds);
  const [rows1, rows2] = await Promise.all([
    db.select({ b: rb, n: count() }).from(r).where(recordVisitWhere(range)).groupBy(BY_BUCKET),
    db.select({ b: ab, n: count() }).from(a).where(await appointmentVisitWhere(range)).groupBy(BY_BUCKET),
  ]);
  for (const row of [...rows1, ...rows2]) {
    if (row.b === null || row.b === undefined) continue;
    out[Number(row.b)] += Number(row.n);
  }
  return out;
}

/** Visits per doctor in the range, `[{ doctorId, name, visits }]`, most visits first (then name, id). */
export async function countVisitsPerDoctor(range: Range) {
  const db = await q();
  const { medicalRecords: r, appointments: a, users } = tables;
  const [rows1, rows2] = await Promise.all([
    db.select({ doctorId: r.doctorId, n: count() }).from(r).where(recordVisitWhere(range)).groupBy(r.doctorId),
    db.select({ doctorId: a.doctorId, n: count() }).from(a).where(await appointmentVisitWhere(range)).groupBy(a.doctorId),
  ]);
  const visits = new Map<number, number>();
  for (const row of [...rows1, ...rows2]) visits.set(row.doctorId, (visits.get(row.doctorId) ?? 0) + Number(row.n));
  const ids = [...visits.keys()];
  const names = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  return ids.map((doctorId) => ({ doctorId, name: nameOf.get(doctorId) ?? '', visits: visits.get(doctorId) ?? 0 }))
    .sort((x, y) => y.visits - x.visits || x.name.localeCompare(y.name) || x.doctorId - y.doctorId);
}

/**
 * Patients with at least one visit in the range: `[{ patientId, firstVisitAt, dateOfBirth, sex }]`
 * (one row per patient, grouped in SQL per source; first visit = earliest of both sources).
 */
export async function listPatientsSeen(range: Range): Promise<Array<{ patientId: number; firstVisitAt: Date; dateOfBirth: string | null; sex: Sex }>> {
  const db = await q();
  const { medicalRecords: r, appointments: a, patients: p } = tables;
  // Demographics joined in the grouped query (no id list: a year's patients may exceed SQLite's
  // bound-variable limit).
  const [rows1, rows2] = await Promise.all([
    db.select({ patientId: r.patientId, at: min(r.createdAt), dateOfBirth: p.dateOfBirth, sex: p.sex }).from(r)
      .leftJoin(p, eq(p.userId, r.patientId)).where(recordVisitWhere(range)).groupBy(r.patientId, p.dateOfBirth, p.sex),
    db.select({ patientId: a.patientId, at: min(a.startAt), dateOfBirth: p.dateOfBirth, sex: p.sex }).from(a)
      .leftJoin(p, eq(p.userId, a.patientId)).where(await appointmentVisitWhere(range)).groupBy(a.patientId, p.dateOfBirth, p.sex),
  ]);
  const seen = new Map<number, { patientId: number; firstVisitAt: Date; dateOfBirth: string | null; sex: Sex }>();
  for (const row of [...rows1, ...rows2]) {
    if (row.at === null || row.at === undefined) continue;
    // min() over an instant column may come back raw (ms on SQLite, a string on MySQL): normalise.
    const at = toDate(row.at);
    const cur = seen.get(row.patientId);
    if (!cur || at < cur.firstVisitAt) {
      seen.set(row.patientId, { patientId: row.patientId, firstVisitAt: at, dateOfBirth: row.dateOfBirth ?? null, sex: row.sex ?? 'unknown' });
    }
  }
  return [...seen.values()];
}

function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v);
  if (typeof v === 'string') {
    if (/^\d+$/.test(v)) return new Date(Number(v));
    // MySQL datetime(3) text is UTC (pool timezone 'Z').
    return new Date(v.includes('T') || v.endsWith('Z') ? v : `${v.replace(' ', 'T')}Z`);
  }
  throw new Error(`not an instant: ${String(v)}`);
}

/**
 * Diagnoses on the range's visit records (final/amended, created in the range): the `limit` most
 * frequent coded groups by (system, code) — ICD-10 apart from SNOMED-CT and any other system —
 * plus the number of all diagnosis rows and of free-text ones (system 'text' or no code).
 */
export async function countDiagnoses(range: Range, limit = 10) {
  const db = await q();
  const { diagnoses: d, medicalRecords: r } = tables;
  // One grouped pass over the range's diagnoses (at most one row per distinct code); the split into
  // coded / free text, the totals and the top `limit` are taken from it here, sorted the same on both
  // databases (count desc, then system and code by code point).
  const groups = await db.select({ system: d.system, code: d.code, display: min(d.display), n: count() }).from(d)
    .innerJoin(r, eq(r.id, d.recordId)).where(recordVisitWhere(range)).groupBy(d.system, d.code);
  let total = 0;
  let freeText = 0;
  const coded: Array<{ system: string; code: string; display: string; count: number }> = [];
  for (const g of groups) {
    const n = Number(g.n);
    total += n;
    if (g.system === 'text' || !g.code) freeText += n;
    else coded.push({ system: g.system, code: g.code, display: g.display ?? '', count: n });
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  coded.sort((x, y) => y.count - x.count || cmp(x.system, y.system) || cmp(x.code, y.code));
  return { coded: coded.slice(0, limit), total, freeText };
}

/**
 * Patients registered before `to`, and those registered in `[from, to)`. A record merged into another
 * (the same person registered twice) does not count: the survivor stands for the person.
 */
export async function countPatientsTotalAndNew({ from, to }: Range): Promise<{ total: number; new: number }> {
  const db = await q();
  const { patients: p, users: u } = tables;
  const notMerged = notExists(db.select({ one: sql`1` }).from(u).where(and(eq(u.id, p.userId), isNotNull(u.mergedIntoId))));
  const [[total], [fresh]] = await Promise.all([
    db.select({ n: count() }).from(p).where(and(lt(p.createdAt, to), notMerged)),
    db.select({ n: count() }).from(p).where(and(gte(p.createdAt, from), lt(p.createdAt, to), notMerged)),
  ]);
  return { total: Number(total.n), new: Number(fresh.n) };
}
