/**
 * The dashboard's summary tables (db/repositories/stats-*.ts) against the live computation over
 * the records and appointments (db/repositories/stats-live.ts), on SQLite and MariaDB: after a seeded
 * random sequence of writes through the repositories — records created, amended (lines replaced),
 * entered in error; appointments created in every status, completed, cancelled, linked to records;
 * patients' sex and date of birth changed — both give the same visits per day/week/month, per doctor,
 * diagnoses per code and patients seen by sex and age band, for several ranges. A rebuild from scratch
 * gives the same tables. The read queries use their indexes (query plans).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { getDatabase, q, tables } from '@/db';
import { createAppointment, updateAppointment, updateAppointmentIfStatus } from '@/db/repositories/appointments';
import { markRecordEnteredInError, updateRecordIfVersion } from '@/db/repositories/record-lifecycle';
import { createMedicalRecord, replaceRecordLines, type NewDiagnosis } from '@/db/repositories/records';
import { updatePatientByUserId } from '@/db/repositories/patients';
import * as live from '@/db/repositories/stats-live';
import {
  countDiagnosesInDays, countPatientsInDays, countPatientsSeenInDays, countVisitsByDayBuckets, countVisitsPerDoctorInDays,
  explainVisitStatsQueries,
} from '@/db/repositories/stats-queries';
import { rebuildVisitStats } from '@/db/repositories/stats-rebuild';
import { createRng } from '@/lib/seed/random';
import { seedLarge } from '@/lib/seed/large';
import { makeUser } from '@/lib/testing/factories';
import { ageOn, clinicInstant, clinicZone, isoToDayKey } from '@/core/time';
import { AGE_BANDS, ageBand } from '@/core/age-bands';
import { buckets } from './get-dashboard-stats';
import { ensureVisitStats } from './ensure-visit-stats';

const START = '2025-10-01';
const DAYS = 75;
const dx = (system: NewDiagnosis['system'], code: string | null, display: string): NewDiagnosis =>
  ({ system, code, display, rank: 'primary', certainty: 'confirmed' });
const CODES: NewDiagnosis[] = [
  dx('ICD-10', 'J06.9', 'Acute upper respiratory infection'), dx('ICD-10', 'I10', 'Essential hypertension'),
  dx('ICD-10', 'B54', 'Malaria'), dx('ICD-10', 'E11.9', 'Type 2 diabetes'), dx('SNOMED-CT', '54150009', 'URI'),
  dx('SNOMED-CT', 'I10', 'Same string, other system'), dx('text', null, 'tired'), dx('ICD-10', null, 'uncoded'),
];

async function snapshot() {
  const db = await q();
  const visits = await db.select().from(tables.statsVisits);
  const daily = await db.select().from(tables.statsDiagnosesDaily);
  const perDoctor = await db.select().from(tables.statsVisitsDaily);
  const registered = await db.select().from(tables.statsPatientsDaily);
  return {
    registered: registered.filter((d) => d.n !== 0).sort((a, b) => a.registeredDay - b.registeredDay),
    perDoctor: perDoctor.filter((d) => d.n !== 0).sort((a, b) => a.visitDay - b.visitDay || a.doctorId - b.doctorId),
    visits: visits.map(({ id: _id, ...v }) => v).sort((a, b) => a.source.localeCompare(b.source) || a.sourceId - b.sourceId),
    daily: daily.filter((d) => d.n !== 0).sort((a, b) => a.visitDay - b.visitDay || a.system.localeCompare(b.system) || a.code.localeCompare(b.code)),
  };
}

/** Summary vs live for clinic dates [from, to] by `granularity`. */
async function compare(from: string, to: string, granularity: 'day' | 'week' | 'month') {
  const zone = clinicZone();
  const f = DateTime.fromISO(from, { zone });
  const end = DateTime.fromISO(to, { zone }).plus({ days: 1 });
  const { bounds } = buckets(f, end, granularity);
  const dayBounds = bounds.map((b) => isoToDayKey(DateTime.fromJSDate(b, { zone }).toISODate() as string));
  const days = { fromDay: dayBounds[0], toDay: dayBounds[dayBounds.length - 1] };
  const range = { from: f.toJSDate(), to: end.toJSDate() };

  expect(await countVisitsByDayBuckets(dayBounds)).toEqual(await live.countVisitsByBucket(bounds));
  expect(await countPatientsInDays(days)).toEqual(await live.countPatientsTotalAndNew(range));
  expect(await countVisitsPerDoctorInDays(days)).toEqual(await live.countVisitsPerDoctor(range));

  const summaryDx = await countDiagnosesInDays(days, 1000);
  const liveDx = await live.countDiagnoses(range, 1000);
  expect({ ...summaryDx, coded: summaryDx.coded.map(({ display: _d, ...c }) => c) })
    .toEqual({ ...liveDx, coded: liveDx.coded.map(({ display: _d, ...c }) => c) });

  const seen = new Map<string, number>();
  for (const g of await countPatientsSeenInDays(days)) seen.set(`${g.sex}|${g.ageBand === null ? '?' : AGE_BANDS[g.ageBand]}`, g.patients);
  const expected = new Map<string, number>();
  for (const p of await live.listPatientsSeen(range)) {
    const band = p.dateOfBirth ? ageBand(ageOn(p.dateOfBirth, DateTime.fromJSDate(p.firstVisitAt, { zone }).toISODate() as string)) : '?';
    const k = `${p.sex}|${band}`;
    expected.set(k, (expected.get(k) ?? 0) + 1);
  }
  expect(Object.fromEntries([...seen].sort())).toEqual(Object.fromEntries([...expected].sort()));
  return summaryDx.total;
}

describe('dashboard summary tables', () => {
  beforeAll(async () => {
    // A bulk load first (its statistics are added set-wise, batch by batch).
    await seedLarge({ patients: 40, records: 300, doctors: 2, batch: 70, now: new Date('2025-12-14T12:00:00Z') });
    const rng = createRng(20261130);
    const doctors = [(await makeUser('doctor')).id, (await makeUser('doctor')).id, (await makeUser('doctor')).id];
    const patients: number[] = [];
    const sexes = ['male', 'female', 'other', 'unknown'] as const;
    for (let i = 0; i < 14; i++) {
      const id = (await makeUser('patient')).id;
      await updatePatientByUserId(id, { sex: rng.pick([...sexes]), dateOfBirth: rng.int(0, 4) === 0 ? null : `${rng.int(1940, 2024)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}` });
      patients.push(id);
    }
    // An instant on day `d` of the window, anywhere in the clinic day (late evenings cross UTC midnight).
    const instant = (d: number) => {
      const date = DateTime.fromISO(START).plus({ days: d }).toISODate() as string;
      return clinicInstant(date, `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`);
    };
    const records: Array<{ id: number; version: number }> = [];
    const appts: number[] = [];
    const lines = () => Array.from({ length: rng.int(0, 3) }, () => rng.pick(CODES));
    for (let step = 0; step < 240; step++) {
      const op = rng.int(0, 9);
      const patientId = rng.pick(patients);
      const doctorId = rng.pick(doctors);
      if (op <= 2) {
        const at = instant(rng.int(0, DAYS - 1));
        const appointmentId = appts.length && rng.int(0, 2) === 0 ? rng.pick(appts) : null;
        const status = rng.pick(['final', 'final', 'amended', 'entered-in-error'] as const);
        records.push({ id: await createMedicalRecord({ patientId, doctorId, appointmentId, status, version: 1, createdAt: at, updatedAt: at }, lines()), version: 1 });
      } else if (op <= 4) {
        const at = instant(rng.int(0, DAYS - 1));
        const status = rng.pick(['pending', 'confirmed', 'completed', 'cancelled', 'no-show'] as const);
        appts.push(await createAppointment({ patientId, doctorId, startAt: at, endAt: new Date(at.getTime() + 20 * 60_000), status, createdAt: at, updatedAt: at }));
      } else if (op === 5 && appts.length) {
        const id = rng.pick(appts);
        await updateAppointmentIfStatus(id, rng.pick(['pending', 'confirmed'] as const), { status: 'completed' });
        await updateAppointment(rng.pick(appts), { status: rng.pick(['completed', 'cancelled', 'confirmed'] as const) });
      } else if (op === 6 && records.length) {
        const r = rng.pick(records);
        if (await updateRecordIfVersion(r.id, r.version, { version: r.version + 1, status: 'amended' })) {
          r.version += 1;
          await replaceRecordLines(r.id, lines(), []);
        }
      } else if (op === 7 && records.length) {
        await markRecordEnteredInError(rng.pick(records).id, 'wrong patient', new Date());
      } else if (op === 8) {
        await updatePatientByUserId(patientId, { sex: rng.pick([...sexes]), dateOfBirth: rng.int(0, 3) === 0 ? null : `${rng.int(1940, 2024)}-12-31` });
        // A registration date corrected (e.g. a paper file's date entered later).
        if (rng.int(0, 1) === 0) await updatePatientByUserId(rng.pick(patients), { createdAt: instant(rng.int(0, DAYS - 1)) });
      } else if (op === 9 && appts.length) {
        // A completed appointment moved to another day (an edit of a past visit's time), keeping its length.
        const id = rng.pick(appts);
        const startAt = instant(rng.int(0, DAYS - 1));
        await updateAppointment(id, { startAt, endAt: new Date(startAt.getTime() + 20 * 60_000) });
      }
    }
  });

  it('stay right under concurrent writes to the same patients and records', async () => {
    const doctorId = (await makeUser('doctor')).id;
    const pats = [(await makeUser('patient')).id, (await makeUser('patient')).id];
    const day = (i: number) => clinicInstant(`2025-11-${String(10 + (i % 5)).padStart(2, '0')}`, '10:00');
    const ids = await Promise.all(Array.from({ length: 16 }, (_, i) =>
      createMedicalRecord({ patientId: pats[i % 2], doctorId, status: 'final', version: 1, createdAt: day(i), updatedAt: day(i) }, [CODES[i % CODES.length]])));
    await Promise.all([
      ...ids.slice(0, 6).map((id) => markRecordEnteredInError(id, 'duplicate', new Date())),
      ...ids.slice(6, 12).map(async (id) => {
        if (await updateRecordIfVersion(id, 1, { version: 2, status: 'amended' })) await replaceRecordLines(id, [CODES[0], CODES[6]], []);
      }),
      updatePatientByUserId(pats[0], { sex: 'female', dateOfBirth: '1980-05-05' }),
    ]);
    const before = await snapshot();
    await rebuildVisitStats();
    expect(await snapshot()).toEqual(before);
  });

  it('agree with the live computation for whole, partial and edge ranges by day, week and month', async () => {
    const total = await compare('2025-10-01', '2025-12-14', 'day');
    expect(total).toBeGreaterThan(30); // the workload did count diagnoses
    await compare('2025-10-01', '2025-12-14', 'week');
    await compare('2025-10-15', '2025-11-20', 'month');
    await compare('2025-11-03', '2025-11-09', 'day');
    await compare('2023-12-01', '2025-12-14', 'month'); // the bulk load's two years
  });

  it('are rebuilt from scratch to the same rows', async () => {
    const before = await snapshot();
    expect(before.visits.length).toBeGreaterThan(30);
    await rebuildVisitStats({ batch: 17 });
    expect(await snapshot()).toEqual(before);
  });

  it('are built once, at start-up, on a database that held records before them', async () => {
    const before = await snapshot();
    const database = await getDatabase();
    // As after the migration that created them: empty summaries next to existing records.
    for (const t of ['stats_visits', 'stats_visits_daily', 'stats_diagnoses_daily', 'stats_patients_daily']) await database.unsafeExec(`DELETE FROM ${t}`);
    expect((await snapshot()).visits).toEqual([]);
    expect(await ensureVisitStats()).toEqual({ rebuilt: true, visits: before.visits.length });
    expect(await snapshot()).toEqual(before);
    expect(await ensureVisitStats()).toEqual({ rebuilt: false, visits: 0 });
  });

  it('count an ICD-10 code typed in lower case with the same code (stored upper case)', async () => {
    const doctorId = (await makeUser('doctor')).id;
    const patientId = (await makeUser('patient')).id;
    const at = clinicInstant('2026-01-10', '10:00');
    for (const code of ['i10', 'I10', ' i10 ']) {
      await createMedicalRecord({ patientId, doctorId, status: 'final', version: 1, createdAt: at, updatedAt: at }, [dx('ICD-10', code, 'Essential hypertension')]);
    }
    const { coded } = await countDiagnosesInDays({ fromDay: 20260110, toDay: 20260111 });
    expect(coded.map(({ system, code, count }) => ({ system, code, count }))).toEqual([{ system: 'ICD-10', code: 'I10', count: 3 }]);
  });

  it('are read through their indexes', async () => {
    const plans = await explainVisitStatsQueries({ fromDay: 20251001, toDay: 20251101 });
    const dialect = (await getDatabase()).dialect;
    for (const [name, plan] of Object.entries(plans)) {
      if (dialect === 'sqlite') {
        expect(plan, name).toMatch(/USING (COVERING )?INDEX (stats_visits_first_idx|stats_visits_daily_uq|stats_diagnoses_daily_uq|stats_patients_daily_uq)/);
        expect(plan, name).not.toMatch(/SCAN (stats_visits|stats_visits_daily|stats_diagnoses_daily|stats_patients_daily)(?! USING)/);
      } else {
        expect(plan, name).toMatch(/key=(stats_visits_first_idx|stats_visits_daily_uq|stats_diagnoses_daily_uq|stats_patients_daily_uq)/);
        expect(plan, name).not.toMatch(/(stats_visits|stats_visits_daily|stats_diagnoses_daily|stats_patients_daily) ALL /);
      }
    }
  });
});
