/**
 * The demo clinic: contents, demo logins, today's work for the demo doctor, no double booking,
 * working hours and occupancy cells coherent with the appointments (also when today is a weekend),
 * idempotence and determinism. Runs on SQLite and MariaDB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { getDatabase, openMysql, openSqlite, q, tables, useDatabase, type Database } from '@/db';
import { listDoctorAppointments } from '@/db/repositories/appointments';
import { listWorkingHours } from '@/db/repositories/availability';
import { findUserByEmail } from '@/db/repositories/users';
import { APPOINTMENT_STATUSES, BLOOD_TYPES } from '@/core/vocabulary';
import { verifyPassword, hashPassword } from '@/lib/auth/password';
import { foldName } from '@/core/text';
import { cellsFor } from '@/core/appointment-cells';
import { slotProblem } from '@/lib/appointments/availability';
import { clinicDayRange } from '@/core/time';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoIfEmpty } from './demo';

const now = new Date('2026-03-04T09:30:00Z'); // a Wednesday, 12:30 in Nairobi

async function countOf(table: typeof tables.users | typeof tables.patients | typeof tables.appointments | typeof tables.medicalRecords | typeof tables.diagnoses) {
  const db = await q();
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row.n);
}

/** Pairs of appointments (same `key`) whose times overlap. */
function overlaps(rows: { id: number; key: number; startAt: Date; endAt: Date }[]) {
  const byKey = new Map<number, typeof rows>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const bad: [number, number][] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    for (let i = 1; i < list.length; i++) if (list[i].startAt < list[i - 1].endAt) bad.push([list[i - 1].id, list[i].id]);
  }
  return bad;
}

/** Every active appointment has exactly its cells (doctor and patient, per 5-minute cell); others have none. */
async function expectCellsMatchActiveAppointments() {
  const db = await q();
  const { appointments: a, appointmentCells: c } = tables;
  const all = await db.select().from(a);
  const cells = await db.select().from(c);
  const byAppointment = new Map<number, typeof cells>();
  for (const cell of cells) byAppointment.set(cell.appointmentId, [...(byAppointment.get(cell.appointmentId) ?? []), cell]);
  let active = 0;
  for (const appt of all) {
    const mine = (byAppointment.get(appt.id) ?? []).map((x) => `${x.party}|${x.partyId}|${x.cellStart.toISOString()}`).sort();
    if (appt.status === 'pending' || appt.status === 'confirmed') {
      active++;
      const expected = cellsFor(appt.startAt, appt.endAt).flatMap((t) => [
        `doctor|${appt.doctorId}|${t.toISOString()}`, `patient|${appt.patientId}|${t.toISOString()}`,
      ]).sort();
      expect(mine, `appointment ${appt.id}`).toEqual(expected);
    } else {
      expect(mine, `appointment ${appt.id} (${appt.status})`).toEqual([]);
    }
  }
  expect(active).toBeGreaterThan(0);
  expect(cells.length).toBe([...byAppointment.values()].reduce((n, l) => n + l.length, 0));
}

/** Every active appointment still to start is a valid slot of its doctor at `at` (hours, grid, length). */
async function expectUpcomingAppointmentsValid(at: Date) {
  const db = await q();
  const a = tables.appointments;
  const upcoming = (await db.select().from(a).where(inArray(a.status, ['pending', 'confirmed']))).filter((x) => x.startAt > at);
  expect(upcoming.length).toBeGreaterThan(0);
  for (const x of upcoming) expect(await slotProblem(x.doctorId, x.startAt, x.endAt, at), `appointment ${x.id}`).toBeNull();
}

/** Runs `fn` against a second fresh database of the same kind as the test database. */
async function withFreshDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const main = await getDatabase();
  let scratch: Database;
  let drop: () => Promise<void>;
  if (main.dialect === 'mysql') {
    const base = process.env.TEST_MYSQL_URL as string;
    const name = `ehealth_test_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
    const mysql = await import('mysql2/promise');
    const admin = await mysql.createConnection({ uri: base });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    scratch = await openMysql(u.toString(), 5);
    drop = async () => {
      const c = await mysql.createConnection({ uri: base });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-seed-'));
    scratch = openSqlite(path.join(dir, 'second.sqlite'), { timeoutMs: 20_000 });
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await scratch.migrate();
  useDatabase(scratch);
  try {
    return await fn();
  } finally {
    useDatabase(main);
    await scratch.close();
    await drop();
  }
}

async function patientNamesAndNumbers() {
  const db = await q();
  const { users, patients } = tables;
  return db.select({ name: users.name, number: patients.patientNumber, dob: patients.dateOfBirth, phone: users.phone })
    .from(patients).innerJoin(users, eq(users.id, patients.userId)).orderBy(asc(patients.patientNumber));
}

describe('demo seed', () => {
  // One hash for the whole file (argon2 is slow on purpose).
  const hashP = hashPassword(DEMO_PASSWORD);

  it('seeds an empty database with staff, patients, appointments in every status and charted visits', async () => {
    const result = await seedDemoIfEmpty({ now, passwordHash: await hashP });
    expect(result.seeded).toBe(true);
    const db = await q();
    const { users, practitioners, patients, appointments, medicalRecords, diagnoses, prescriptions, auditEvents } = tables;

    const roles = await db.select({ role: users.role, n: count() }).from(users).groupBy(users.role);
    const byRole = Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]));
    expect(byRole.admin).toBeGreaterThanOrEqual(1);
    expect(byRole.doctor).toBeGreaterThanOrEqual(5);
    expect(byRole.patient).toBeGreaterThanOrEqual(200);

    const docs = await db.select().from(practitioners);
    expect(docs.length).toBe(byRole.doctor);
    expect(docs.every((d) => d.bookable && d.slotMinutes === 20 && d.specialty.length > 0)).toBe(true);

    // Patients: names folded, Kenyan mobiles, ages 0–90, blood types from the 8 values, some allergies.
    const rows = await db.select({ user: users, patient: patients }).from(patients).innerJoin(users, eq(users.id, patients.userId));
    expect(rows.length).toBe(byRole.patient);
    for (const { user, patient } of rows) {
      expect(user.nameFolded).toBe(foldName(user.name));
      if (user.phone) {
        expect(user.phone).toMatch(/^\+2547\d{8}$/);
        expect(isValidPhoneNumber(user.phone)).toBe(true);
      }
      if (patient.bloodType) expect(BLOOD_TYPES).toContain(patient.bloodType);
      expect(patient.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(patient.allergies)).toBe(true);
    }
    const accounts = rows.filter((r) => r.user.email !== null);
    expect(accounts.map((r) => r.user.email)).toEqual(['patient@example.org']);
    expect(rows.filter((r) => r.user.passwordHash === null).length).toBe(rows.length - 1);
    expect(rows.some((r) => /['’]/.test(r.user.name))).toBe(true);
    expect(rows.some((r) => r.user.name !== r.user.name.normalize('NFKD').replace(/\p{M}+/gu, ''))).toBe(true);
    expect(rows.some((r) => r.patient.allergies.length > 0)).toBe(true);
    expect(rows.some((r) => r.patient.medicalHistory)).toBe(true);
    expect(rows.some((r) => r.patient.emergencyContactName && r.patient.emergencyContactPhone)).toBe(true);
    const years = rows.map((r) => 2026 - Number(r.patient.dateOfBirth!.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThanOrEqual(2);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(75);

    const statuses = await db.select({ status: appointments.status, n: count() }).from(appointments).groupBy(appointments.status);
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
    for (const s of APPOINTMENT_STATUSES) expect(byStatus[s] ?? 0, s).toBeGreaterThan(0);
    const cancelled = await db.select().from(appointments).where(eq(appointments.status, 'cancelled'));
    expect(cancelled.every((a) => a.cancellationReason)).toBe(true);

    // Every completed appointment has one record at its start, with vitals and 1–2 ICD-10 diagnoses.
    const records = await db.select().from(medicalRecords);
    expect(records.length).toBe(byStatus.completed);
    const completed = new Map((await db.select().from(appointments).where(eq(appointments.status, 'completed'))).map((a) => [a.id, a]));
    for (const r of records) {
      const a = completed.get(r.appointmentId!);
      expect(a).toBeDefined();
      expect(r.createdAt.getTime()).toBe(a!.startAt.getTime());
      expect(r.temperatureC).toBeGreaterThan(35);
      expect(r.temperatureC).toBeLessThan(41);
      expect(r.weightKg).toBeGreaterThan(2);
      expect(r.heightCm).toBeGreaterThan(40);
      expect(r.spo2Pct).toBeGreaterThanOrEqual(85);
      expect(r.heartRatePerMin).toBeGreaterThan(40);
      expect(r.respiratoryRatePerMin).toBeGreaterThan(8);
    }
    expect(records.some((r) => r.systolicMmHg !== null && r.diastolicMmHg !== null)).toBe(true);
    const dx = await db.select().from(diagnoses);
    const perRecord = new Map<number, number>();
    for (const d of dx) perRecord.set(d.recordId, (perRecord.get(d.recordId) ?? 0) + 1);
    expect(perRecord.size).toBe(records.length);
    expect([...perRecord.values()].every((n) => n >= 1 && n <= 2)).toBe(true);
    expect(dx.every((d) => d.system === 'ICD-10' && d.certainty === 'confirmed' && /^[A-Z]\d\d(\.\d)?$/.test(d.code ?? ''))).toBe(true);
    expect(dx.filter((d) => d.rank === 'primary').length).toBe(records.length);
    expect(new Set(dx.map((d) => d.code)).size).toBeGreaterThanOrEqual(8);
    expect(dx.some((d) => d.code === 'B54')).toBe(true);
    const rx = await db.select().from(prescriptions);
    expect(rx.length).toBeGreaterThan(0);
    expect(rx.every((p) => p.medicine && p.dose && p.route && p.frequency && p.duration)).toBe(true);

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, 'demo.seed'));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorKind).toBe('system');
  });

  it('creates the three demo logins with their roles and the demo password', async () => {
    for (const login of DEMO_LOGINS) {
      const user = await findUserByEmail(login.email);
      expect(user, login.email).toBeDefined();
      expect(user!.role).toBe(login.role);
      expect(user!.isActive).toBe(true);
      expect(login.password).toBe(DEMO_PASSWORD);
      expect(await verifyPassword(user!.passwordHash!, login.password)).toBe(true);
    }
    const patient = await findUserByEmail('patient@example.org');
    const db = await q();
    const [profile] = await db.select().from(tables.patients).where(eq(tables.patients.userId, patient!.id));
    expect(profile.patientNumber).toMatch(/^EH-\d{6}$/);
    // Past visits with records and an upcoming appointment.
    const mine = await db.select().from(tables.appointments).where(eq(tables.appointments.patientId, patient!.id));
    expect(mine.some((a) => a.status === 'completed' && a.endAt <= now)).toBe(true);
    expect(mine.some((a) => (a.status === 'confirmed' || a.status === 'pending') && a.startAt > now)).toBe(true);
    const recs = await db.select().from(tables.medicalRecords).where(eq(tables.medicalRecords.patientId, patient!.id));
    expect(recs.length).toBeGreaterThanOrEqual(2);
    // Other doctors log in with the same password.
    const other = await findUserByEmail('amina.njoroge@example.org');
    expect(other?.role).toBe('doctor');
  });

  it('gives doctor@example.org several appointments today (clinic time), with patient names', async () => {
    const doctor = await findUserByEmail('doctor@example.org');
    const { start, end } = clinicDayRange(now);
    const today = await listDoctorAppointments(doctor!.id, start, end);
    expect(today.length).toBeGreaterThanOrEqual(5);
    expect(today.every((a) => a.patientName.length > 0 && a.doctorName === doctor!.name)).toBe(true);
    // In clinic hours: 08:00–17:00 Nairobi (UTC+3) is 05:00–14:00 UTC.
    for (const a of today) {
      expect(a.startAt.getUTCHours()).toBeGreaterThanOrEqual(5);
      expect(a.endAt.getTime()).toBeLessThanOrEqual(start.getTime() + 17 * 3_600_000);
    }
  });

  it('never double-books a doctor or a patient', async () => {
    const db = await q();
    const a = tables.appointments;
    const active = await db.select({ id: a.id, doctorId: a.doctorId, patientId: a.patientId, startAt: a.startAt, endAt: a.endAt })
      .from(a).where(inArray(a.status, ['pending', 'confirmed']));
    expect(active.length).toBeGreaterThan(0);
    expect(overlaps(active.map((r) => ({ ...r, key: r.doctorId })))).toEqual([]);
    expect(overlaps(active.map((r) => ({ ...r, key: r.patientId })))).toEqual([]);
    // The demo keeps it clean for every status.
    const all = await db.select({ id: a.id, doctorId: a.doctorId, patientId: a.patientId, startAt: a.startAt, endAt: a.endAt }).from(a);
    expect(overlaps(all.map((r) => ({ ...r, key: r.doctorId })))).toEqual([]);
    expect(overlaps(all.map((r) => ({ ...r, key: r.patientId })))).toEqual([]);
  });

  it('gives every doctor working hours: Monday–Friday 08:00–17:00, the demo doctor every day', async () => {
    const db = await q();
    const doctors = await db.select().from(tables.users).where(eq(tables.users.role, 'doctor'));
    const demoDoctor = await findUserByEmail('doctor@example.org');
    for (const d of doctors) {
      const hours = await listWorkingHours(d.id);
      const days = d.id === demoDoctor!.id ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5];
      expect(hours.map((h) => [h.weekday, h.startMinute, h.endMinute]), d.name).toEqual(days.map((w) => [w, 480, 1020]));
    }
  });

  it('writes the occupancy cells of every active appointment, and only those', async () => {
    await expectCellsMatchActiveAppointments();
  });

  it('keeps every upcoming active appointment inside its doctor\'s hours and on the slot grid', async () => {
    await expectUpcomingAppointmentsValid(now);
  });

  it('stays coherent when today is a weekend: only the demo doctor (who works weekends) sees patients today', async () => {
    const saturday = new Date('2026-03-07T07:00:00Z'); // 10:00 in Nairobi
    const passwordHash = await hashP;
    await withFreshDatabase(async () => {
      expect((await seedDemoIfEmpty({ now: saturday, passwordHash })).seeded).toBe(true);
      const db = await q();
      const { start, end } = clinicDayRange(saturday);
      const a = tables.appointments;
      const today = (await db.select().from(a)).filter((x) => x.startAt >= start && x.startAt < end);
      const demoDoctor = await findUserByEmail('doctor@example.org');
      expect(today.length).toBeGreaterThanOrEqual(5);
      expect(today.every((x) => x.doctorId === demoDoctor!.id)).toBe(true);
      await expectCellsMatchActiveAppointments();
      await expectUpcomingAppointmentsValid(saturday);
    });
  });

  it('does nothing the second time', async () => {
    const before = await Promise.all([countOf(tables.users), countOf(tables.appointments), countOf(tables.medicalRecords)]);
    expect(await seedDemoIfEmpty({ now })).toEqual({ seeded: false });
    expect(await Promise.all([countOf(tables.users), countOf(tables.appointments), countOf(tables.medicalRecords)])).toEqual(before);
  });

  it('gives the same patients (names, numbers, birth dates, phones) for the same now on a fresh database', async () => {
    const first = await patientNamesAndNumbers();
    const firstCounts = await Promise.all([countOf(tables.appointments), countOf(tables.medicalRecords), countOf(tables.diagnoses)]);
    const passwordHash = await hashP;
    const second = await withFreshDatabase(async () => {
      expect((await seedDemoIfEmpty({ now, passwordHash })).seeded).toBe(true);
      const counts = await Promise.all([countOf(tables.appointments), countOf(tables.medicalRecords), countOf(tables.diagnoses)]);
      expect(counts).toEqual(firstCounts);
      return patientNamesAndNumbers();
    });
    expect(second).toEqual(first);
    expect(new Set(first.map((p) => p.number)).size).toBe(first.length);
  });

  it('seeds once when two first starts race for an empty database', async () => {
    const users = await countOf(tables.users);
    const passwordHash = await hashP;
    await withFreshDatabase(async () => {
      const results = await Promise.all([seedDemoIfEmpty({ now, passwordHash }), seedDemoIfEmpty({ now, passwordHash })]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      expect(await countOf(tables.users)).toBe(users);
    });
  });
});
