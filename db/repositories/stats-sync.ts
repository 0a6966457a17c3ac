/**
 * Write-time sync of the dashboard's summary tables (see stats-tables.ts for the tables and the visit
 * rule): state-based and idempotent. `syncRecordVisit(id)` / `syncAppointmentVisit(id)` read the
 * entity as it is now, compare with its `stats_visits` row, and apply the difference (insert, update or
 * delete the row; add or subtract its diagnoses in `stats_diagnoses_daily`). The repositories call them
 * after every write that can change a visit (record created, lines replaced, amended, entered in error;
 * appointment created or status changed), so every path — pages, API, FHIR import, seeds — keeps the
 * tables right without knowing about them. On MySQL a sync first locks the entity's row and then the
 * patients' rows (`SELECT … FOR UPDATE` by primary key), so two transactions syncing one entity or one
 * patient run one after the other, and reads the rest at READ COMMITTED (db/index.ts), i.e. what the
 * previous holder committed; SQLite runs one writing transaction at a time. Daily counts change by
 * atomic increments (which commute), applied in key order.
 * Patient registrations (`stats_patients_daily`) and a patient's sex and date of birth on their visits
 * are kept here too.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { lockingRead } from '../dialect';
import type { Sex } from '../../core/vocabulary';
import { clinicDayKey, clinicZone } from '../../core/time';
import { VISIT_RECORD_STATUSES, addCounts, ageBandIndex, diagnosisKey, type DxKey } from './stats-tables';

type Source = 'record' | 'appointment';
interface Fact {
  visitDay: number;
  doctorId: number;
  patientId: number;
  sex: Sex;
  ageBand: number | null;
  dxKeys: string;
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

/** The `createdAt` of patient user `patientId`'s profile, its row locked (before changing it). */
export async function lockPatientCreatedAt(patientId: number): Promise<Date | undefined> {
  const db = await q();
  const p = tables.patients;
  const [row] = await lockingRead(db.select({ createdAt: p.createdAt }).from(p).where(eq(p.userId, patientId)).limit(1));
  return row?.createdAt;
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
 * Moves the visits of patient `fromId` to patient `toId` in the statistics (a merge of two records of
 * one person): both patients' profile rows locked in id order, their `stats_visits` rows re-pointed,
 * the survivor's `prev_day` chain recomputed over the union, and the sex and age band re-read from the
 * survivor's profile. Daily counts per doctor and per diagnosis do not depend on the patient and stay.
 * Joins the caller's transaction (or opens one).
 */
export async function movePatientVisits(fromId: number, toId: number): Promise<void> {
  await withTransaction(async () => {
    const db = await q();
    const s = tables.statsVisits;
    await lockPatients([fromId, toId]);
    await db.update(s).set({ patientId: toId }).where(eq(s.patientId, fromId));
    await resequencePatient(toId);
    await syncPatientVisits(toId);
  });
}
