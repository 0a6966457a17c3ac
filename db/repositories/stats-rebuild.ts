/**
 * The dashboard's summary tables (stats-tables.ts) filled set-wise rather than one write at a time:
 * bulk loads (the large seed, via bulk-load.ts), and `rebuildVisitStats()`, which recomputes
 * everything (a repair, and databases that had records before these tables). Run with no other writer.
 */
import { and, asc, count, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { insertMany, upsertMany } from '../dialect';
import { clinicDayKey, clinicZone } from '../../core/time';
import { VISIT_RECORD_STATUSES, addCounts, ageBandIndex, diagnosisKey, type DxKey } from './stats-tables';
import { syncAppointmentVisit, syncRecordVisit } from './stats-sync';

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

/** Adds bulk-loaded patients' registrations (their `createdAt`s) in a few statements (seeds, rebuilds). */
export async function addPatientRegistrationsMany(createdAts: Date[], zone = clinicZone()): Promise<void> {
  const perDay = new Map<number, number>();
  for (const at of createdAts) {
    const day = clinicDayKey(at, zone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  await addCounts(tables.statsPatientsDaily, [...perDay].map(([registeredDay, n]) => ({ registeredDay, n })));
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
    // Records merged into another (users.merged_into_id) do not count as patients.
    const rows = await db.select({ id: p.id, createdAt: p.createdAt, mergedIntoId: tables.users.mergedIntoId }).from(p)
      .innerJoin(tables.users, eq(tables.users.id, p.userId)).where(gt(p.id, afterId)).orderBy(asc(p.id)).limit(batch);
    if (!rows.length) break;
    await withTransaction(() => addPatientRegistrationsMany(rows.filter((x) => x.mergedIntoId === null).map((x) => x.createdAt), zone));
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
