/**
 * The dashboard's summary tables, kept up to date in the same transaction as the writes that change
 * them (see `stats_visits` and `stats_diagnoses_daily` in db/schema/sqlite.ts).
 *
 * The visit rule (lib/dashboard/get-dashboard-stats.ts): a visit is a medical record with status
 * final/amended, dated by the clinic day of its created_at, or a completed appointment with no such
 * record linked by appointment_id, dated by the clinic day of its start. Entered-in-error records never
 * count; cancelled appointments never count.
 *
 * Sync is state-based and idempotent: `syncRecordVisit(id)` / `syncAppointmentVisit(id)` read the
 * entity as it is now, compare with its `stats_visits` row, and apply the difference (insert, update or
 * delete the row; add or subtract its diagnoses in `stats_diagnoses_daily`). The repositories call them
 * after every write that can change a visit (record created, lines replaced, amended, entered in error;
 * appointment created or status changed), so every path — pages, API, FHIR import, seeds — keeps the
 * tables right without knowing about them. On MySQL a sync first locks the entity's row and then the
 * patients' rows (`SELECT … FOR UPDATE` by primary key), so two transactions syncing one entity or one
 * patient run one after the other, and reads the rest at READ COMMITTED (db/index.ts), i.e. what the
 * previous holder committed; SQLite runs one writing transaction at a time. Daily counts change by
 * atomic increments (which commute), applied in key order.
 * `rebuildVisitStats()` recomputes everything (databases that had records before these tables).
 */
import { and, asc, count, eq, gt, gte, inArray, isNull, lt, or, sql, sum, type AnyColumn, type SQL } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { explainQuery, insertMany, lockingRead, upsertMany } from '../dialect';
import type { Sex } from '../../core/vocabulary';
import { AGE_BANDS, ageBand } from '../../core/age-bands';
import { ageOn, clinicDayKey, clinicZone, dayKeyToIso } from '../../core/time';

/** Record statuses that make a record a visit. */
export const VISIT_RECORD_STATUSES = ['final', 'amended'] as const;

type Source = 'record' | 'appointment';
type DxKey = [system: string, code: string];
interface Fact {
  visitDay: number;
  doctorId: number;
  patientId: number;
  sex: Sex;
  ageBand: number | null;
  dxKeys: string;
}

/** The key a diagnosis row counts under: (system, code), or ('text', '') for free text. */
export function diagnosisKey(system: string, code: string | null | undefined): DxKey {
  return system === 'text' || !code ? ['text', ''] : [system, code];
}

/** Index into AGE_BANDS of the age on clinic day `dayKey` of someone born on `dateOfBirth`, or null. */
export function ageBandIndex(dateOfBirth: string | null | undefined, dayKey: number): number | null {
  if (!dateOfBirth) return null;
  return AGE_BANDS.indexOf(ageBand(Math.max(0, ageOn(dateOfBirth, dayKeyToIso(dayKey)))));
}

/** The visit row of an entity (read after the entity's row is locked). */
async function findFact(source: Source, sourceId: number) {
  const db = await q();
  const s = tables.statsVisits;
  const [row] = await db.select().from(s).where(and(eq(s.source, source), eq(s.sourceId, sourceId))).limit(1);
  return row;
}

/** Locks the patient rows of `ids` in id order (no two syncs lock two patients in opposite orders). */
async function lockPatients(ids: Array<number | undefined>) {
  for (const id of [...new Set(ids.filter((x): x is number => x !== undefined))].sort((a, b) => a - b)) await patientDemographics(id);
}

/** The patient's sex and date of birth, their profile row locked (one sync per patient at a time). */
async function patientDemographics(patientId: number): Promise<{ sex: Sex; dateOfBirth: string | null }> {
  const db = await q();
  const p = tables.patients;
  const [row] = await lockingRead(db.select({ sex: p.sex, dateOfBirth: p.dateOfBirth }).from(p).where(eq(p.userId, patientId)).limit(1));
  return { sex: row?.sex ?? 'unknown', dateOfBirth: row?.dateOfBirth ?? null };
}

type CountTable = typeof tables.statsDiagnosesDaily | typeof tables.statsVisitsDaily | typeof tables.statsPatientsDaily;

/** The unique key of a daily count table (what `addCounts` adds up under). */
function countKey(t: CountTable): unknown[] {
  if ('system' in t) return [t.visitDay, t.system, t.code];
  if ('doctorId' in t) return [t.visitDay, t.doctorId];
  return [t.registeredDay];
}

/**
 * Adds each row's `n` (negative to subtract) to a daily count table, in multi-row upserts: the one
 * way every count changes (one visit, a bulk load, a rebuild). Rows are applied in the caller's order.
 */
async function addCounts<T extends CountTable>(t: T, rows: Array<T['$inferInsert']>) {
  await upsertMany(t, rows, countKey(t), (incoming) => ({ n: sql`${t.n} + ${incoming(t.n)}` }));
}

/**
 * Sets `prev_day` of each visit of patient `patientId` to the day of the visit before it in
 * (visit_day, source, source_id) order (null for the first). The caller holds the patient's lock.
 */
async function resequencePatient(patientId: number) {
  const db = await q();
  const s = tables.statsVisits;
  const facts = await db.select({ id: s.id, visitDay: s.visitDay, prevDay: s.prevDay }).from(s)
    .where(eq(s.patientId, patientId)).orderBy(asc(s.visitDay), asc(s.source), asc(s.sourceId));
  let prev: number | null = null;
  for (const f of facts) {
    if (f.prevDay !== prev) await db.update(s).set({ prevDay: prev }).where(eq(s.id, f.id));
    prev = f.visitDay;
  }
}

/** Adds `sign` × each key's occurrences to `stats_diagnoses_daily` for `day`. */
async function addDiagnosisCounts(day: number, keys: DxKey[], sign: 1 | -1) {
  if (!keys.length) return;
  const tally = new Map<string, { visitDay: number; system: string; code: string; n: number }>();
  for (const [system, code] of keys) {
    const id = JSON.stringify([system, code]);
    tally.set(id, { visitDay: day, system, code, n: (tally.get(id)?.n ?? 0) + sign });
  }
  // In key order, so two transactions touching the same codes lock them in the same order.
  await addCounts(tables.statsDiagnosesDaily, [...tally].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row));
}

/**
 * Sets every visit's `prev_day` (see `resequencePatient`) in one pass in (patient, day, source, id) order,
 * writing only the rows that change, 500 a statement: after bulk loads (which insert visits with no
 * prev_day). Run with no other writer (a seed, a rebuild).
 */
export async function recomputePrevDays(batch = 20_000): Promise<number> {
  const s = tables.statsVisits;
  let changed = 0;
  let afterPatient = 0;
  for (;;) {
    const db = await q();
    // Whole patients per batch: the rows of the batch's last patient are read again in the next one,
    // unless that patient alone fills the batch (then all their rows are read now).
    let rows: Array<typeof s.$inferSelect> = await db.select().from(s).where(gt(s.patientId, afterPatient))
      .orderBy(asc(s.patientId), asc(s.visitDay), asc(s.source), asc(s.sourceId)).limit(batch);
    if (!rows.length) break;
    const lastPatient = rows[rows.length - 1].patientId;
    if (rows.length === batch) {
      const whole = rows.filter((r) => r.patientId !== lastPatient);
      rows = whole.length ? whole : await db.select().from(s).where(eq(s.patientId, lastPatient))
        .orderBy(asc(s.visitDay), asc(s.source), asc(s.sourceId));
    }
    const updates: Array<typeof s.$inferInsert> = [];
    let patient = -1;
    let prev: number | null = null;
    for (const r of rows) {
      if (r.patientId !== patient) { patient = r.patientId; prev = null; }
      if (r.prevDay !== prev) updates.push({ ...r, prevDay: prev });
      prev = r.visitDay;
    }
    afterPatient = rows[rows.length - 1].patientId;
    await withTransaction(() => upsertMany(s, updates, [s.id], (incoming) => ({ prevDay: incoming(s.prevDay) })));
    changed += updates.length;
  }
  return changed;
}

async function applyFact(source: Source, sourceId: number, old: Fact | undefined, next: Fact | null) {
  const db = await q();
  const s = tables.statsVisits;
  if (old && next && old.visitDay === next.visitDay && old.doctorId === next.doctorId && old.patientId === next.patientId
    && old.sex === next.sex && old.ageBand === next.ageBand && old.dxKeys === next.dxKeys) return;
  if (old) {
    await addDiagnosisCounts(old.visitDay, JSON.parse(old.dxKeys) as DxKey[], -1);
    await addCounts(tables.statsVisitsDaily, [{ visitDay: old.visitDay, doctorId: old.doctorId, n: -1 }]);
  }
  if (next) {
    await addDiagnosisCounts(next.visitDay, JSON.parse(next.dxKeys) as DxKey[], 1);
    await addCounts(tables.statsVisitsDaily, [{ visitDay: next.visitDay, doctorId: next.doctorId, n: 1 }]);
  }
  const where = and(eq(s.source, source), eq(s.sourceId, sourceId));
  if (old && next) await db.update(s).set(next).where(where);
  else if (old) await db.delete(s).where(where);
  else if (next) await db.insert(s).values({ source, sourceId, ...next });
  if (old && (!next || old.visitDay !== next.visitDay || old.patientId !== next.patientId)) await resequencePatient(old.patientId);
  if (next && (!old || old.visitDay !== next.visitDay || old.patientId !== next.patientId)) await resequencePatient(next.patientId);
}

/**
 * Brings the statistics of medical record `recordId` (and of its appointment, which a visit record
 * hides) up to date with the record as it is now. Joins the caller's transaction (or opens one).
 */
export async function syncRecordVisit(recordId: number, zone = clinicZone()): Promise<void> {
  await withTransaction(async () => {
    const db = await q();
    const { medicalRecords: r, diagnoses: d } = tables;
    const [rec] = await lockingRead(db.select({
      status: r.status, createdAt: r.createdAt, doctorId: r.doctorId, patientId: r.patientId, appointmentId: r.appointmentId,
    }).from(r).where(eq(r.id, recordId)).limit(1));
    const old = await findFact('record', recordId);
    await lockPatients([old?.patientId, rec?.patientId]);
    let next: Fact | null = null;
    if (rec && (VISIT_RECORD_STATUSES as readonly string[]).includes(rec.status)) {
      const lines = await db.select({ system: d.system, code: d.code }).from(d).where(eq(d.recordId, recordId)).orderBy(asc(d.position), asc(d.id));
      const who = await patientDemographics(rec.patientId);
      const visitDay = clinicDayKey(rec.createdAt, zone);
      next = {
        visitDay, doctorId: rec.doctorId, patientId: rec.patientId, sex: who.sex,
        ageBand: ageBandIndex(who.dateOfBirth, visitDay), dxKeys: JSON.stringify(lines.map((l) => diagnosisKey(l.system, l.code))),
      };
    }
    await applyFact('record', recordId, old, next);
    if (rec?.appointmentId) await syncAppointmentVisit(rec.appointmentId, zone);
  });
}

/**
 * Brings the statistics of appointment `appointmentId` up to date: a visit while it is completed and
 * has no final/amended record. Joins the caller's transaction (or opens one).
 */
export async function syncAppointmentVisit(appointmentId: number, zone = clinicZone()): Promise<void> {
  await withTransaction(async () => {
    const db = await q();
    const { appointments: a, medicalRecords: r } = tables;
    const [appt] = await lockingRead(db.select({ status: a.status, startAt: a.startAt, doctorId: a.doctorId, patientId: a.patientId })
      .from(a).where(eq(a.id, appointmentId)).limit(1));
    const old = await findFact('appointment', appointmentId);
    await lockPatients([old?.patientId, appt?.patientId]);
    let next: Fact | null = null;
    if (appt?.status === 'completed') {
      const hiding = await db.select({ id: r.id }).from(r)
        .where(and(eq(r.appointmentId, appointmentId), inArray(r.status, [...VISIT_RECORD_STATUSES])));
      if (hiding.length === 0) {
        const who = await patientDemographics(appt.patientId);
        const visitDay = clinicDayKey(appt.startAt, zone);
        next = { visitDay, doctorId: appt.doctorId, patientId: appt.patientId, sex: who.sex, ageBand: ageBandIndex(who.dateOfBirth, visitDay), dxKeys: '[]' };
      }
    }
    await applyFact('appointment', appointmentId, old, next);
  });
}

/** Adds `delta` patient registrations on the clinic day of `at` to `stats_patients_daily`. */
export async function addPatientRegistration(at: Date, delta: 1 | -1, zone = clinicZone()): Promise<void> {
  await addCounts(tables.statsPatientsDaily, [{ registeredDay: clinicDayKey(at, zone), n: delta }]);
}

/** Adds bulk-loaded patients' registrations (their `createdAt`s) in a few statements (seeds, rebuilds). */
export async function addPatientRegistrationsMany(createdAts: Date[], zone = clinicZone()): Promise<void> {
  const perDay = new Map<number, number>();
  for (const at of createdAts) {
    const day = clinicDayKey(at, zone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  await addCounts(tables.statsPatientsDaily, [...perDay].map(([registeredDay, n]) => ({ registeredDay, n })));
}

/** The `createdAt` of patient user `patientId`'s profile, its row locked (before changing it). */
export async function lockPatientCreatedAt(patientId: number): Promise<Date | undefined> {
  const db = await q();
  const p = tables.patients;
  const [row] = await lockingRead(db.select({ createdAt: p.createdAt }).from(p).where(eq(p.userId, patientId)).limit(1));
  return row?.createdAt;
}

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

/** Re-reads the sex and date of birth of patient `patientId` into their visits' statistics (after a profile change). */
export async function syncPatientVisits(patientId: number): Promise<void> {
  await withTransaction(async () => {
    const db = await q();
    const s = tables.statsVisits;
    const who = await patientDemographics(patientId);
    const facts = await db.select({ id: s.id, visitDay: s.visitDay, sex: s.sex, ageBand: s.ageBand }).from(s).where(eq(s.patientId, patientId));
    for (const f of facts) {
      const band = ageBandIndex(who.dateOfBirth, f.visitDay);
      if (f.sex !== who.sex || f.ageBand !== band) await db.update(s).set({ sex: who.sex, ageBand: band }).where(eq(s.id, f.id));
    }
  });
}

/**
 * Adds the statistics of the (new, not yet counted) records with ids in `[fromId, toId]` in a few
 * set-wise statements: for bulk loads (the large seed) inside the loader's transaction. Records linked
 * to appointments are synced one by one (they may hide an appointment visit).
 */
export async function addRecordVisitsInIdRange(fromId: number, toId: number, zone = clinicZone()): Promise<number> {
  const db = await q();
  const { medicalRecords: r, diagnoses: d, patients: p } = tables;
  const recs = await db.select({
    id: r.id, createdAt: r.createdAt, doctorId: r.doctorId, patientId: r.patientId, appointmentId: r.appointmentId,
    sex: p.sex, dateOfBirth: p.dateOfBirth,
  }).from(r).leftJoin(p, eq(p.userId, r.patientId))
    .where(and(gte(r.id, fromId), lt(r.id, toId + 1), inArray(r.status, [...VISIT_RECORD_STATUSES])));
  if (!recs.length) return 0;
  const lines = await db.select({ recordId: d.recordId, system: d.system, code: d.code }).from(d)
    .where(and(gte(d.recordId, fromId), lt(d.recordId, toId + 1))).orderBy(asc(d.recordId), asc(d.position), asc(d.id));
  const byRecord = new Map<number, DxKey[]>();
  for (const l of lines) {
    const list = byRecord.get(l.recordId) ?? [];
    list.push(diagnosisKey(l.system, l.code));
    byRecord.set(l.recordId, list);
  }
  const facts: Array<typeof tables.statsVisits.$inferInsert> = [];
  const daily = new Map<string, { visitDay: number; system: string; code: string; n: number }>();
  const perDoctor = new Map<string, { visitDay: number; doctorId: number; n: number }>();
  const linked: number[] = [];
  for (const rec of recs) {
    if (rec.appointmentId) { linked.push(rec.id); continue; }
    const visitDay = clinicDayKey(rec.createdAt, zone);
    const keys = byRecord.get(rec.id) ?? [];
    facts.push({
      source: 'record', sourceId: rec.id, visitDay, doctorId: rec.doctorId, patientId: rec.patientId, sex: rec.sex ?? 'unknown',
      ageBand: ageBandIndex(rec.dateOfBirth, visitDay), dxKeys: JSON.stringify(keys),
    });
    const dk = `${visitDay}|${rec.doctorId}`;
    const cur = perDoctor.get(dk) ?? { visitDay, doctorId: rec.doctorId, n: 0 };
    cur.n += 1;
    perDoctor.set(dk, cur);
    for (const [system, code] of keys) {
      const k = `${visitDay}|${system}|${code}`;
      const cur = daily.get(k) ?? { visitDay, system, code, n: 0 };
      cur.n += 1;
      daily.set(k, cur);
    }
  }
  await insertMany(tables.statsVisits, facts);
  await addCounts(tables.statsDiagnosesDaily, [...daily.values()]);
  await addCounts(tables.statsVisitsDaily, [...perDoctor.values()]);
  for (const id of linked) await syncRecordVisit(id, zone);
  return recs.length;
}

/**
 * Recomputes both summary tables from the records and appointments (a repair, and the first start of
 * a database that held records before them). Runs in batches of `batch` records, each in a
 * transaction; returns the number of visits counted.
 */
export async function rebuildVisitStats(opts: { batch?: number; zone?: string; log?: (line: string) => void } = {}): Promise<number> {
  const batch = opts.batch ?? 20_000;
  const zone = opts.zone ?? clinicZone();
  const db = await q();
  await withTransaction(async () => {
    const tx = await q();
    await tx.delete(tables.statsVisits);
    await tx.delete(tables.statsDiagnosesDaily);
    await tx.delete(tables.statsVisitsDaily);
    await tx.delete(tables.statsPatientsDaily);
  });
  const p = tables.patients;
  for (let afterId = 0; ;) {
    const rows = await db.select({ id: p.id, createdAt: p.createdAt }).from(p).where(gt(p.id, afterId)).orderBy(asc(p.id)).limit(batch);
    if (!rows.length) break;
    await withTransaction(() => addPatientRegistrationsMany(rows.map((x) => x.createdAt), zone));
    afterId = rows[rows.length - 1].id;
  }
  const r = tables.medicalRecords;
  const [{ maxId }] = await db.select({ maxId: sql<number | null>`max(${r.id})` }).from(r);
  let visits = 0;
  for (let from = 1; from <= Number(maxId ?? 0); from += batch) {
    visits += await withTransaction(() => addRecordVisitsInIdRange(from, from + batch - 1, zone));
    opts.log?.(`records up to id ${Math.min(from + batch - 1, Number(maxId))}: ${visits} visits`);
  }
  // Completed appointments without a visit record (those with one were synced above).
  const a = tables.appointments;
  let after = 0;
  for (;;) {
    const ids = await db.select({ id: a.id }).from(a)
      .where(and(eq(a.status, 'completed'), gt(a.id, after))).orderBy(asc(a.id)).limit(batch);
    if (!ids.length) break;
    await withTransaction(async () => {
      for (const { id } of ids) await syncAppointmentVisit(id, zone);
    });
    after = ids[ids.length - 1].id;
  }
  await recomputePrevDays(batch);
  const [{ n }] = await db.select({ n: count() }).from(tables.statsVisits);
  return Number(n);
}

// ── Reads (lib/dashboard/get-dashboard-stats.ts) ───────────────────────────────────────────────────

type Db = Awaited<ReturnType<typeof q>>;

/** Clinic days `[fromDay, toDay)` as yyyymmdd keys. */
export type DayRange = { fromDay: number; toDay: number };


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

/** Number of medical records plus completed appointments (0: nothing the summaries could miss). */
export async function countMedicalRecordsAndCompletedAppointments(): Promise<number> {
  const db = await q();
  const { medicalRecords: r, appointments: a } = tables;
  const [[records], [appts]] = await Promise.all([
    db.select({ n: count() }).from(r),
    db.select({ n: count() }).from(a).where(eq(a.status, 'completed')),
  ]);
  return Number(records.n) + Number(appts.n);
}
