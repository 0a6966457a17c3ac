/**
 * The admin dashboard's reads (lib/dashboard/get-dashboard-stats.ts): patients, visits and diagnoses
 * from the summary tables (stats-tables.ts), by clinic day, and the one live aggregate, appointments
 * by status (an indexed range count over the range's appointments); with their query plans.
 */
import { and, count, eq, gte, inArray, isNull, lt, or, sql, sum, type AnyColumn, type SQL } from 'drizzle-orm';
import { q, tables } from '../index';
import { explainQuery } from '../dialect';
import type { AppointmentStatus, Sex } from '../../core/vocabulary';

type Db = Awaited<ReturnType<typeof q>>;

/** Clinic days `[fromDay, toDay)` as yyyymmdd keys. */
export type DayRange = { fromDay: number; toDay: number };

/** Patients registered before day `toDay`, and those registered in `[fromDay, toDay)`. */
export async function countPatientsInDays(days: DayRange): Promise<{ total: number; new: number }> {
  const rows = await patientsQuery(await q(), days);
  let total = 0;
  let fresh = 0;
  for (const r of rows) {
    total += Number(r.n ?? 0);
    if (Number(r.inRange) === 1) fresh += Number(r.n ?? 0);
  }
  return { total, new: fresh };
}

function patientsQuery(db: Db, days: DayRange) {
  const t = tables.statsPatientsDaily;
  const inRange = sql<number>`CASE WHEN ${t.registeredDay} >= ${days.fromDay} THEN 1 ELSE 0 END`.as('in_range');
  return db.select({ inRange, n: sum(t.n) }).from(t).where(lt(t.registeredDay, days.toDay)).groupBy(sql`${sql.identifier('in_range')}`);
}

/**
 * `CASE` mapping `col` to the index of its bucket (bucket i is `[bounds[i], bounds[i+1])`; null outside),
 * nested as a binary search so each row costs ~log2(buckets) comparisons instead of one per bucket.
 * Bounds are day keys here, UTC instants in the live reference (db/repositories/stats-live.ts).
 */
export function bucketExpr(col: AnyColumn, bounds: Array<number | Date>) {
  const build = (lo: number, hi: number): SQL => {
    if (hi - lo === 1) return sql.raw(String(lo));
    const mid = Math.floor((lo + hi) / 2);
    return sql`CASE WHEN ${lt(col, bounds[mid])} THEN ${build(lo, mid)} ELSE ${build(mid, hi)} END`;
  };
  const n = bounds.length - 1;
  return sql<number | null>`CASE WHEN ${lt(col, bounds[0])} OR ${gte(col, bounds[n])} THEN NULL ELSE ${build(0, n)} END`.as('bucket');
}
/** Grouping by the select's alias: both dialects accept it, and the long CASE is not repeated. */
export const BY_BUCKET = sql`${sql.identifier('bucket')}`;

function visitsByBucketQuery(db: Db, bounds: number[]) {
  const t = tables.statsVisitsDaily;
  return db.select({ b: bucketExpr(t.visitDay, bounds), n: sum(t.n) }).from(t)
    .where(and(gte(t.visitDay, bounds[0]), lt(t.visitDay, bounds[bounds.length - 1]))).groupBy(BY_BUCKET);
}

/** Visits per bucket: `bounds` are n+1 ascending day keys for n buckets `[bounds[i], bounds[i+1])`; returns n counts. */
export async function countVisitsByDayBuckets(bounds: number[]): Promise<number[]> {
  const out = new Array<number>(Math.max(bounds.length - 1, 0)).fill(0);
  if (bounds.length < 2) return out;
  const rows = await visitsByBucketQuery(await q(), bounds);
  for (const row of rows) if (row.b !== null && row.b !== undefined) out[Number(row.b)] += Number(row.n ?? 0);
  return out;
}

function visitsPerDoctorQuery(db: Db, days: DayRange) {
  const t = tables.statsVisitsDaily;
  return db.select({ doctorId: t.doctorId, n: sum(t.n) }).from(t)
    .where(and(gte(t.visitDay, days.fromDay), lt(t.visitDay, days.toDay))).groupBy(t.doctorId);
}

/** Visits per doctor in the days, `[{ doctorId, name, visits }]`, most visits first (then name, id). */
export async function countVisitsPerDoctorInDays(days: DayRange) {
  const db = await q();
  const { users } = tables;
  const rows = (await visitsPerDoctorQuery(db, days)).map((x) => ({ doctorId: x.doctorId, n: Number(x.n ?? 0) })).filter((x) => x.n > 0);
  const ids = rows.map((x) => x.doctorId);
  const names = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  return rows.map((x) => ({ doctorId: x.doctorId, name: nameOf.get(x.doctorId) ?? '', visits: x.n }))
    .sort((x, y) => y.visits - x.visits || x.name.localeCompare(y.name) || x.doctorId - y.doctorId);
}

function patientsSeenQuery(db: Db, days: DayRange) {
  const s = tables.statsVisits;
  return db.select({ sex: s.sex, band: s.ageBand, n: count() }).from(s)
    .where(and(gte(s.visitDay, days.fromDay), lt(s.visitDay, days.toDay), or(isNull(s.prevDay), lt(s.prevDay, days.fromDay))))
    .groupBy(s.sex, s.ageBand);
}

/**
 * Distinct patients with a visit in the days, counted by sex and by age band (index into AGE_BANDS,
 * null = unknown date of birth) at their first visit in the days: `[{ sex, ageBand, patients }]`.
 * A patient's first visit in the days is the one whose previous visit (`prev_day`) is before them.
 */
export async function countPatientsSeenInDays(days: DayRange): Promise<Array<{ sex: Sex; ageBand: number | null; patients: number }>> {
  const rows = await patientsSeenQuery(await q(), days);
  return rows.map((x) => ({ sex: x.sex, ageBand: x.band === null || x.band === undefined ? null : Number(x.band), patients: Number(x.n) }));
}

function diagnosesQuery(db: Db, days: DayRange) {
  const s = tables.statsDiagnosesDaily;
  return db.select({ system: s.system, code: s.code, n: sum(s.n) }).from(s)
    .where(and(gte(s.visitDay, days.fromDay), lt(s.visitDay, days.toDay))).groupBy(s.system, s.code);
}

/**
 * Diagnoses on the days' visits: the `limit` most frequent coded (system, code) groups — ICD-10 apart
 * from SNOMED-CT and any other system — with a display text, the number of all diagnosis rows and of
 * free-text ones. Sorted by count desc, then system and code by code point, on both databases.
 */
export async function countDiagnosesInDays(days: DayRange, limit = 10) {
  const db = await q();
  const d = tables.diagnoses;
  const groups = await diagnosesQuery(db, days);
  let total = 0;
  let freeText = 0;
  const coded: Array<{ system: string; code: string; count: number }> = [];
  for (const g of groups) {
    const n = Number(g.n ?? 0);
    if (n <= 0) continue;
    total += n;
    if (g.system === 'text') freeText += n;
    else coded.push({ system: g.system, code: g.code, count: n });
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  coded.sort((x, y) => y.count - x.count || cmp(x.system, y.system) || cmp(x.code, y.code));
  const top = await Promise.all(coded.slice(0, limit).map(async (c) => {
    const [row] = await db.select({ display: d.display }).from(d).where(and(eq(d.system, c.system as never), eq(d.code, c.code))).limit(1);
    return { ...c, display: row?.display ?? '' };
  }));
  return { coded: top, total, freeText };
}

/**
 * The query plans of the dashboard's summary reads over `days` (see `explainQuery`), by name: each
 * must range-scan `stats_visits` / `stats_diagnoses_daily` through an index on the day.
 */
export async function explainVisitStatsQueries(days: DayRange): Promise<Record<string, string>> {
  const db = await q();
  const bounds = [days.fromDay, days.toDay];
  return {
    visitsByBucket: await explainQuery(visitsByBucketQuery(db, bounds).toSQL()),
    visitsPerDoctor: await explainQuery(visitsPerDoctorQuery(db, days).toSQL()),
    patientsSeen: await explainQuery(patientsSeenQuery(db, days).toSQL()),
    diagnoses: await explainQuery(diagnosesQuery(db, days).toSQL()),
    patients: await explainQuery(patientsQuery(db, days).toSQL()),
  };
}

type Range = { from: Date; to: Date };

/** Appointments starting in the range `[from, to)` (instants), counted per status. */
export async function countAppointmentsByStatus({ from, to }: Range): Promise<Partial<Record<AppointmentStatus, number>>> {
  const db = await q();
  const a = tables.appointments;
  const rows = await db.select({ status: a.status, n: count() }).from(a)
    .where(and(gte(a.startAt, from), lt(a.startAt, to))).groupBy(a.status);
  return Object.fromEntries(rows.map((x) => [x.status, Number(x.n)]));
}
