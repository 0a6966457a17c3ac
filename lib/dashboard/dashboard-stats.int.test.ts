/**
 * The dashboard statistics on a small hand-computed data set (clinic zone Africa/Nairobi, UTC+3, no
 * DST), range 2025-12-01 … 2025-12-14 (Mon 1 Dec to Sun 14 Dec) — UTC [2025-11-30T21:00Z, 2025-12-14T21:00Z).
 *
 * Patients (profile created · sex · date of birth):
 *   P1 2025-11-01 · female · 1990-06-15      P2 2025-12-03 · male · 2020-12-02
 *   P3 2025-12-10 · unknown · none           P4 now (2026, after the range) · other · 1950-01-01
 *   P5 2025-06-01 · male · 1970-03-03
 * Doctors: D1 "Dr Alpha", D2 "Dr Beta".
 * Appointments (clinic start · status):
 *   A1 P1/D1 12-01 09:00 completed, record R1        A2 P3/D2 12-09 10:00 completed, no record
 *   A3 P4/D1 12-05 11:00 cancelled                    A4 P5/D2 12-06 11:00 no-show
 *   A5 P1/D2 12-12 14:00 confirmed                    A6 P3/D1 12-13 09:00 pending
 *   A7 P1/D1 12-08 09:00 completed, its only record R4 is entered-in-error
 *   A9 P5/D1 11-30 23:00 clinic (20:00Z) cancelled — before the range
 * Records (created · status · diagnoses):
 *   R1 P1/D1 (A1) 12-01 09:30 final    ICD-10 J06.9, text "tired"
 *   R2 P2/D2      2025-12-01T23:30Z = 12-02 02:30 clinic, amended    ICD-10 J06.9, SNOMED-CT 54150009
 *   R3 P1/D1      12-10 10:00 final    ICD-10 I10, ICD-10 J06.9, SNOMED-CT "I10" (same code string, other system)
 *   R4 P1/D1 (A7) 12-08 09:20 entered-in-error   ICD-10 I10
 *   R5 P2/D1      12-14 23:00 final    text "headache"
 *   R6 P1/D1      2025-12-14T21:00Z = 12-15 00:00 clinic, final (after the range)   ICD-10 I10
 *   R7 P5/D1      2025-11-30T20:59Z = 11-30 23:59 clinic, final (before the range)  ICD-10 J06.9
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { createAppointment } from '@/db/repositories/appointments';
import { createMedicalRecord, type NewDiagnosis } from '@/db/repositories/records';
import { updatePatientByUserId } from '@/db/repositories/patients';
import { findUserById } from '@/db/repositories/users';
import type { CurrentUser } from '@/lib/auth/current-user';
import { makeUser } from '@/lib/testing/factories';
import { clinicInstant } from '@/core/time';
import { getDashboardStats, resolveRange } from './get-dashboard-stats';

const asUser = async (id: number): Promise<CurrentUser> => {
  const u = (await findUserById(id))!;
  return { id: u.id, name: u.name, email: u.email, role: u.role, via: 'session', mustChangePassword: false };
};
const at = (date: string, hhmm: string) => clinicInstant(date, hhmm);
const dx = (system: NewDiagnosis['system'], code: string | null, display: string): NewDiagnosis =>
  ({ system, code, display, rank: 'primary', certainty: 'confirmed' });

let admin: CurrentUser;
let d1: number, d2: number;

beforeAll(async () => {
  admin = await asUser((await makeUser('admin')).id);
  d1 = (await makeUser('doctor', { name: 'Dr Alpha' })).id;
  d2 = (await makeUser('doctor', { name: 'Dr Beta' })).id;
  const patient = async (createdAt: Date, sex: 'male' | 'female' | 'other' | 'unknown', dateOfBirth: string | null) => {
    const id = (await makeUser('patient')).id;
    await updatePatientByUserId(id, { createdAt, sex, dateOfBirth });
    return id;
  };
  const p1 = await patient(at('2025-11-01', '10:00'), 'female', '1990-06-15');
  const p2 = await patient(at('2025-12-03', '10:00'), 'male', '2020-12-02');
  const p3 = await patient(at('2025-12-10', '10:00'), 'unknown', null);
  const p4 = await patient(new Date(), 'other', '1950-01-01');
  const p5 = await patient(at('2025-06-01', '10:00'), 'male', '1970-03-03');

  const appt = (patientId: number, doctorId: number, startAt: Date, status: 'pending' | 'confirmed' | 'completed' | 'cancelled' | 'no-show') =>
    createAppointment({ patientId, doctorId, startAt, endAt: new Date(startAt.getTime() + 20 * 60_000), status, createdAt: startAt, updatedAt: startAt });
  const a1 = await appt(p1, d1, at('2025-12-01', '09:00'), 'completed');
  await appt(p3, d2, at('2025-12-09', '10:00'), 'completed'); // A2
  await appt(p4, d1, at('2025-12-05', '11:00'), 'cancelled'); // A3
  await appt(p5, d2, at('2025-12-06', '11:00'), 'no-show'); // A4
  await appt(p1, d2, at('2025-12-12', '14:00'), 'confirmed'); // A5
  await appt(p3, d1, at('2025-12-13', '09:00'), 'pending'); // A6
  const a7 = await appt(p1, d1, at('2025-12-08', '09:00'), 'completed');
  await appt(p5, d1, new Date('2025-11-30T20:00:00Z'), 'cancelled'); // A9

  const rec = (patientId: number, doctorId: number, appointmentId: number | null, createdAt: Date, status: 'final' | 'amended' | 'entered-in-error', d: NewDiagnosis[]) =>
    createMedicalRecord({ patientId, doctorId, appointmentId, status, version: 1, createdAt, updatedAt: createdAt }, d);
  const J069 = dx('ICD-10', 'J06.9', 'Acute upper respiratory infection, unspecified');
  const I10 = dx('ICD-10', 'I10', 'Essential (primary) hypertension');
  await rec(p1, d1, a1, at('2025-12-01', '09:30'), 'final', [J069, dx('text', null, 'tired')]); // R1
  await rec(p2, d2, null, new Date('2025-12-01T23:30:00Z'), 'amended', [J069, dx('SNOMED-CT', '54150009', 'Upper respiratory infection')]); // R2
  await rec(p1, d1, null, at('2025-12-10', '10:00'), 'final', [I10, J069, dx('SNOMED-CT', 'I10', 'Same code string, other system')]); // R3
  await rec(p1, d1, a7, at('2025-12-08', '09:20'), 'entered-in-error', [I10]); // R4
  await rec(p2, d1, null, at('2025-12-14', '23:00'), 'final', [dx('text', null, 'headache')]); // R5
  await rec(p1, d1, null, new Date('2025-12-14T21:00:00Z'), 'final', [I10]); // R6
  await rec(p5, d1, null, new Date('2025-11-30T20:59:00Z'), 'final', [J069]); // R7
});

const RANGE = { from: '2025-12-01', to: '2025-12-14' };

describe('getDashboardStats on the hand-computed data set', () => {
  it('patients: total registered by the end of the range, new within it', async () => {
    const s = await getDashboardStats({ user: admin, ...RANGE });
    // total: P1, P2, P3, P5 (P4 registered after the range) = 4; new: P2 (12-03), P3 (12-10) = 2
    expect(s.patients).toEqual({ total: 4, new: 2 });
    expect(s.range).toEqual({ from: '2025-12-01', to: '2025-12-14', granularity: 'day', timeZone: 'Africa/Nairobi' });
  });

  it('visits: records final/amended + completed appointments without a counting record, once each, in clinic days', async () => {
    const s = await getDashboardStats({ user: admin, ...RANGE, granularity: 'day' });
    // R1 (A1 not again) 12-01, R2 12-02 (23:30Z on 12-01 is 02:30 on 12-02 in Nairobi), A7 12-08 (R4 is
    // entered-in-error), A2 12-09 (no record), R3 12-10, R5 12-14 23:00. Not: A3 cancelled, R4, R6 (12-15),
    // R7 (11-30) → 6.
    expect(s.visits.total).toBe(6);
    expect(s.visits.series).toHaveLength(14);
    const nonZero = Object.fromEntries(s.visits.series.filter((x) => x.visits).map((x) => [x.period, x.visits]));
    expect(nonZero).toEqual({ '2025-12-01': 1, '2025-12-02': 1, '2025-12-08': 1, '2025-12-09': 1, '2025-12-10': 1, '2025-12-14': 1 });
    expect(s.visits.series[0].period).toBe('2025-12-01');
    expect(s.visits.series[13].period).toBe('2025-12-14');
  });

  it('a 366-day range by day puts the same visits in the same days (the bucket CASE at full size)', async () => {
    const s = await getDashboardStats({ user: admin, from: '2025-06-01', to: '2026-06-01', granularity: 'day' });
    expect(s.visits.series).toHaveLength(366);
    // the six visits above, plus R6 (12-15 clinic) and R7 (11-30 clinic), now inside the range → 8
    const nonZero = Object.fromEntries(s.visits.series.filter((x) => x.visits).map((x) => [x.period, x.visits]));
    expect(nonZero).toEqual({ '2025-11-30': 1, '2025-12-01': 1, '2025-12-02': 1, '2025-12-08': 1, '2025-12-09': 1, '2025-12-10': 1, '2025-12-14': 1, '2025-12-15': 1 });
    expect(s.visits.total).toBe(8);
  });

  it('visits per Monday week and per month', async () => {
    const w = await getDashboardStats({ user: admin, ...RANGE, granularity: 'week' });
    // week of Mon 12-01: R1, R2 = 2; week of Mon 12-08: A7, A2, R3, R5 = 4
    expect(w.visits.series).toEqual([{ period: '2025-12-01', visits: 2 }, { period: '2025-12-08', visits: 4 }]);
    const m = await getDashboardStats({ user: admin, ...RANGE, granularity: 'month' });
    expect(m.visits.series).toEqual([{ period: '2025-12', visits: 6 }]);
    // A range starting mid-week: the first bucket is labelled by its Monday but counts only days in range.
    const mid = await getDashboardStats({ user: admin, from: '2025-12-02', to: '2025-12-09', granularity: 'week' });
    // 12-02 … 12-07: R2 = 1; 12-08 … 12-09: A7, A2 = 2
    expect(mid.visits.series).toEqual([{ period: '2025-12-01', visits: 1 }, { period: '2025-12-08', visits: 2 }]);
  });

  it('appointments by status and the rates', async () => {
    const s = await getDashboardStats({ user: admin, ...RANGE });
    // starting in range: A1, A2, A7 completed; A3 cancelled; A4 no-show; A5 confirmed; A6 pending (A9 is 11-30) → 7
    expect(s.appointments.byStatus).toEqual({ pending: 1, confirmed: 1, completed: 3, cancelled: 1, no_show: 1 });
    // no-show rate = no_show / (completed + no_show) = 1 / 4
    expect(s.appointments.noShowRate).toBe(0.25);
    // cancellation rate = cancelled / all = 1 / 7 = 0.142857… → 0.1429
    expect(s.appointments.cancellationRate).toBe(0.1429);
  });

  it('top diagnoses: grouped by system and code, free text apart, shares of all diagnosis rows', async () => {
    const s = await getDashboardStats({ user: admin, ...RANGE });
    // rows on R1, R2, R3, R5: 2 + 2 + 3 + 1 = 8 (R4 entered-in-error, R6 and R7 outside the range)
    // ICD-10 J06.9: R1, R2, R3 = 3 → 3/8; ICD-10 I10: R3 = 1 → 1/8 (3 if R4 and R6 leaked in);
    // SNOMED-CT 54150009: R2 = 1; SNOMED-CT "I10": R3 = 1 (apart from ICD-10 I10); free text: R1, R5 = 2 → 2/8
    expect(s.topDiagnoses.coded).toEqual([
      { system: 'ICD-10', code: 'J06.9', display: 'Acute upper respiratory infection, unspecified', count: 3, share: 0.375 },
      { system: 'ICD-10', code: 'I10', display: 'Essential (primary) hypertension', count: 1, share: 0.125 },
      { system: 'SNOMED-CT', code: '54150009', display: 'Upper respiratory infection', count: 1, share: 0.125 },
      { system: 'SNOMED-CT', code: 'I10', display: 'Same code string, other system', count: 1, share: 0.125 },
    ]);
    expect(s.topDiagnoses.freeText).toEqual({ count: 2, share: 0.25 });
  });

  it('visits per doctor', async () => {
    const s = await getDashboardStats({ user: admin, ...RANGE });
    // D1: R1, A7, R3, R5 = 4; D2: R2, A2 = 2
    expect(s.visitsPerDoctor).toEqual([{ doctorId: d1, name: 'Dr Alpha', visits: 4 }, { doctorId: d2, name: 'Dr Beta', visits: 2 }]);
  });

  it('patients seen by sex and by age band at the (clinic) visit date', async () => {
    const s = await getDashboardStats({ user: admin, ...RANGE });
    // seen: P1 (R1, A7, R3), P2 (R2, R5), P3 (A2) = 3; P4 (cancelled only) and P5 (no-show, R7 outside) not
    expect(s.patientsSeen.total).toBe(3);
    expect(s.patientsSeen.bySex).toEqual({ female: 1, male: 1, other: 0, unknown: 1 });
    // P1 born 1990-06-15, first visit 12-01 → 35 → 25-44. P2 born 2020-12-02, first visit R2 on 12-02 in
    // clinic time → 5 → 5-14 (the UTC date 12-01 would give 4). P3 has no date of birth → ageUnknown.
    expect(s.patientsSeen.byAgeBand).toEqual([
      { band: '0-4', count: 0 }, { band: '5-14', count: 1 }, { band: '15-24', count: 0 },
      { band: '25-44', count: 1 }, { band: '45-64', count: 0 }, { band: '65+', count: 0 },
    ]);
    expect(s.patientsSeen.ageUnknown).toBe(1);
  });

  it('an empty range answers zeros and null rates', async () => {
    const s = await getDashboardStats({ user: admin, from: '2024-01-01', to: '2024-01-03' });
    expect(s.visits).toEqual({ total: 0, series: [{ period: '2024-01-01', visits: 0 }, { period: '2024-01-02', visits: 0 }, { period: '2024-01-03', visits: 0 }] });
    expect(s.appointments.noShowRate).toBeNull();
    expect(s.appointments.cancellationRate).toBeNull();
    expect(s.topDiagnoses).toEqual({ coded: [], freeText: { count: 0, share: 0 } });
  });
});

describe('range and role checks', () => {
  it('defaults to the last 30 clinic days; at most 366 days; from ≤ to', () => {
    // 2025-12-14T22:00Z is already 15 Dec in Nairobi
    const r = resolveRange({}, new Date('2025-12-14T22:00:00Z'));
    expect([r.from.toISODate(), r.to.toISODate()]).toEqual(['2025-11-16', '2025-12-15']);
    expect(resolveRange({ from: '2024-01-01', to: '2024-12-31' }).to.toISODate()).toBe('2024-12-31'); // 366 days (leap year)
    expect(() => resolveRange({ from: '2024-01-01', to: '2025-01-01' })).toThrow(/too long/);
    expect(() => resolveRange({ from: '2025-12-02', to: '2025-12-01' })).toThrow(/empty/);
    expect(() => resolveRange({ from: '2025-02-30', to: '2025-03-01' })).toThrow();
    expect(() => resolveRange({ from: '1 Dec', to: '2025-03-01' })).toThrow();
  });

  it('is for admins only', async () => {
    await expect(getDashboardStats({ user: await asUser(d1), ...RANGE })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getDashboardStats({ user: null, ...RANGE })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
