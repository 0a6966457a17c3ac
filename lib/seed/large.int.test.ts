/**
 * The large-clinic seed on a small scale: exact counts, unique patient numbers, records with diagnoses
 * over the last two years, and ids that keep working for ordinary inserts afterwards. SQLite and MariaDB.
 */
import { count, countDistinct, eq, gt, lt, max, min, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { createPatientWithUser } from '@/db/repositories/patients';
import { seedLarge } from './large';

const now = new Date('2026-03-04T09:30:00Z');

async function totals() {
  const db = await q();
  const { users, patients, practitioners, medicalRecords, diagnoses } = tables;
  const [[u], [p], [pr], [r], [d]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count(), numbers: countDistinct(patients.patientNumber) }).from(patients),
    db.select({ n: count() }).from(practitioners),
    db.select({ n: count(), first: min(medicalRecords.createdAt), last: max(medicalRecords.createdAt) }).from(medicalRecords),
    db.select({ n: count(), records: countDistinct(diagnoses.recordId) }).from(diagnoses),
  ]);
  return {
    users: Number(u.n), patients: Number(p.n), patientNumbers: Number(p.numbers), doctors: Number(pr.n),
    records: Number(r.n), firstRecord: r.first, lastRecord: r.last, diagnoses: Number(d.n), recordsWithDiagnoses: Number(d.records),
  };
}

describe('large seed', () => {
  it('creates exactly the requested patients and records, with unique patient numbers', async () => {
    const result = await seedLarge({ patients: 500, records: 2000, doctors: 5, now, chunk: 200, batch: 700 });
    expect(result).toMatchObject({ patients: 500, records: 2000, doctors: 5, firstPatientNumber: 'EH-000001', lastPatientNumber: 'EH-000500' });
    const t = await totals();
    expect(t).toMatchObject({ users: 505, patients: 500, patientNumbers: 500, doctors: 5, records: 2000, recordsWithDiagnoses: 2000 });
    expect(t.diagnoses).toBe(result.diagnoses);
    expect(t.diagnoses).toBeGreaterThanOrEqual(2000);
    expect(t.diagnoses).toBeLessThanOrEqual(4000);
    // Within the last two years, never in the future.
    expect(t.lastRecord!.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(t.firstRecord!.getTime()).toBeGreaterThanOrEqual(now.getTime() - 731 * 86_400_000);

    const db = await q();
    const { users, patients, medicalRecords } = tables;
    // Patients have no accounts; records point at patient users and doctor users.
    const [withAccounts] = await db.select({ n: count() }).from(users).where(sql`${users.email} is not null or ${users.passwordHash} is not null`);
    expect(Number(withAccounts.n)).toBe(0);
    const [orphans] = await db.select({ n: count() }).from(medicalRecords)
      .leftJoin(patients, eq(patients.userId, medicalRecords.patientId)).where(sql`${patients.id} is null`);
    expect(Number(orphans.n)).toBe(0);
    const [young] = await db.select({ n: count() }).from(patients).where(gt(patients.dateOfBirth, '2021-03-04'));
    const [old] = await db.select({ n: count() }).from(patients).where(lt(patients.dateOfBirth, '1961-03-04'));
    expect(Number(young.n)).toBeGreaterThan(0);
    expect(Number(old.n)).toBeGreaterThan(0);
  });

  it('adds to existing data: ids and patient numbers continue, ordinary inserts still work', async () => {
    const result = await seedLarge({ patients: 120, records: 300, doctors: 2, now });
    expect(result).toMatchObject({ firstPatientNumber: 'EH-000501', lastPatientNumber: 'EH-000620' });
    const t = await totals();
    expect(t).toMatchObject({ users: 627, patients: 620, patientNumbers: 620, doctors: 7, records: 2300 });

    const at = new Date();
    const created = await createPatientWithUser(
      { name: 'After Seed', nameFolded: 'after seed', isActive: true, dateJoined: at, mustChangePassword: false, sessionVersion: 1, updatedAt: at },
      { sex: 'female', allergies: [], createdAt: at, updatedAt: at },
    );
    expect(created.patientNumber).toBe('EH-000621');
    expect(created.userId).toBeGreaterThan(627);
  });
});
