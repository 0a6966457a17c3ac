/**
 * The repository contract on both databases: insert-and-id, instants with milliseconds (the tests run
 * in a non-UTC TZ), date-only, JSON, booleans, unicode names, case-insensitive email uniqueness as the
 * app defines it, constraint errors classified, and the lists the portals show.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, q, tables } from './index';
import { classifyDbError } from './dialect';
import { createAppointment, listDoctorAppointments, listPatientUpcoming } from './repositories/appointments';
import { createMedicalRecord, listPatientRecords, countRecordsBetween } from './repositories/records';
import { createPatientWithUser, findPatientByUserId } from './repositories/patients';
import { createUser, findUserByEmail, findUserById } from './repositories/users';
import { allocateSequence } from './repositories/sequences';
import { foldName, normalizeEmail } from '@/core/text';

const now = () => new Date();
const baseUser = (name: string, email: string | null = null) => ({ name, nameFolded: foldName(name), email, isActive: true, dateJoined: now(), mustChangePassword: false, sessionVersion: 1, updatedAt: now() });

describe('repositories', () => {
  it('round-trips instants to the millisecond, dates, JSON, booleans and unicode exactly', async () => {
    const joined = new Date('2026-03-29T01:30:00.123Z'); // a DST night in Europe, in a non-UTC test TZ
    const { userId } = await createPatientWithUser(
      { ...baseUser("Ngozi Ọkọńkwọ-N'Diaye 😀"), dateJoined: joined },
      { dateOfBirth: '2000-02-29', sex: 'female', bloodType: 'AB-', allergies: [{ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' }], createdAt: joined, updatedAt: joined },
    );
    const u = await findUserById(userId);
    expect(u?.dateJoined.toISOString()).toBe('2026-03-29T01:30:00.123Z');
    expect(u?.name).toBe("Ngozi Ọkọńkwọ-N'Diaye 😀");
    expect(u?.isActive).toBe(true);
    expect(u?.email).toBeNull();
    const p = await findPatientByUserId(userId);
    expect(p).toMatchObject({ dateOfBirth: '2000-02-29', bloodType: 'AB-', allergies: [{ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' }] });
  });

  it('keeps emails unique case-insensitively once normalised; many account-less patients may have none', async () => {
    const email = normalizeEmail('  Amina.Wanjiru@Example.ORG ') as string;
    await createUser({ ...baseUser('Amina Wanjiru', email), role: 'doctor' });
    const dup = await createUser({ ...baseUser('Other', normalizeEmail('AMINA.WANJIRU@example.org')), role: 'doctor' }).catch((e: unknown) => e);
    expect(classifyDbError(dup)).toBe('unique');
    expect((await findUserByEmail('amina.wanjiru@example.org'))?.name).toBe('Amina Wanjiru');
    await createUser({ ...baseUser('No Email One'), role: 'patient' });
    await createUser({ ...baseUser('No Email Two'), role: 'patient' });
  });

  it('classifies foreign-key and not-null violations', async () => {
    const fk = await createAppointment({ patientId: 99_999_999, doctorId: 99_999_998, startAt: now(), endAt: now(), status: 'pending', createdAt: now(), updatedAt: now() }).catch((e: unknown) => e);
    expect(classifyDbError(fk)).toBe('foreign_key');
    const db = await q();
    const nn = await db.insert(tables.users).values({ ...baseUser('x'), name: null as unknown as string, role: 'patient' }).catch((e: unknown) => e);
    expect(classifyDbError(nn)).toBe('not_null');
  });

  it('allocates sequence blocks without overlap', async () => {
    const a = await allocateSequence('test_seq', 10);
    const b = await allocateSequence('test_seq', 1);
    expect(b).toBe(a + 10);
  });

  it('lists a doctor\'s day in time order and a patient\'s upcoming and past visits', async () => {
    const doctor = await createUser({ ...baseUser('Dr Kofi Mensah', `kofi.${Date.now()}@x.org`), role: 'doctor' });
    const { userId: patient } = await createPatientWithUser(baseUser('Fatuma Hassan'), { sex: 'female', allergies: [], createdAt: now(), updatedAt: now() });
    const day = new Date('2031-05-05T00:00:00.000Z');
    const at = (h: number, m = 0) => new Date(day.getTime() + (h * 60 + m) * 60_000);
    for (const [h, status] of [[9, 'confirmed'], [7, 'pending'], [8, 'cancelled']] as const) {
      await createAppointment({ patientId: patient, doctorId: doctor, startAt: at(h), endAt: at(h, 20), status, reason: `r${h}`, createdAt: now(), updatedAt: now() });
    }
    const list = await listDoctorAppointments(doctor, at(0), at(24));
    expect(list.map((a) => a.reason)).toEqual(['r7', 'r8', 'r9']);
    expect(list[0]).toMatchObject({ patientName: 'Fatuma Hassan', doctorName: 'Dr Kofi Mensah', status: 'pending' });
    const upcoming = await listPatientUpcoming(patient, at(0), ['pending', 'confirmed']);
    expect(upcoming.map((a) => a.reason)).toEqual(['r7', 'r9']);

    const rec = await createMedicalRecord(
      { patientId: patient, doctorId: doctor, symptoms: 'fever', systolicMmHg: 150, diastolicMmHg: 95, temperatureC: 38.6, weightKg: 61.5, status: 'final', version: 1, createdAt: at(9, 5), updatedAt: at(9, 5) },
      [{ system: 'ICD-10', code: 'B54', display: 'Unspecified malaria', rank: 'primary', certainty: 'confirmed' }, { system: 'text', display: 'Dehydration', rank: 'secondary', certainty: 'provisional' }],
      [{ medicine: 'Artemether/lumefantrine', strength: '20/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days' }],
    );
    await createMedicalRecord({ patientId: patient, doctorId: doctor, status: 'entered-in-error', version: 1, createdAt: at(10), updatedAt: at(10) });
    const records = await listPatientRecords(patient);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: rec, temperatureC: 38.6, weightKg: 61.5, doctorName: 'Dr Kofi Mensah' });
    expect(records[0].diagnoses.map((d) => d.code ?? d.display)).toEqual(['B54', 'Dehydration']);
    expect(await countRecordsBetween(at(0), at(24))).toBe(1);
    const db = await q();
    const lines = await db.select().from(tables.prescriptions).where(eq(tables.prescriptions.recordId, rec));
    expect(lines[0]).toMatchObject({ medicine: 'Artemether/lumefantrine', position: 0 });
  });

  it('a failed multi-statement write leaves nothing (record without its lines)', async () => {
    const doctor = await createUser({ ...baseUser('Dr Rollback', `rb.${Date.now()}@x.org`), role: 'doctor' });
    const { userId: patient } = await createPatientWithUser(baseUser('Rollback Patient'), { sex: 'male', allergies: [], createdAt: now(), updatedAt: now() });
    const err = await createMedicalRecord(
      { patientId: patient, doctorId: doctor, symptoms: 'rollback-marker', status: 'final', version: 1, createdAt: now(), updatedAt: now() },
      [{ system: 'ICD-10', code: 'X', display: null as unknown as string, rank: 'primary', certainty: 'confirmed' }],
    ).catch((e: unknown) => e);
    expect(classifyDbError(err)).toBe('not_null');
    const db = await q();
    expect(await db.select().from(tables.medicalRecords).where(eq(tables.medicalRecords.symptoms, 'rollback-marker'))).toHaveLength(0);
    expect((await getDatabase()).dialect).toMatch(/sqlite|mysql/);
  });
});

describe('classifyDbError across module copies', () => {
  it('recognises a DrizzleQueryError from another copy of drizzle-orm by its shape', () => {
    const foreign = Object.assign(new Error('Failed query: insert … params: secret@example.org'), { query: 'insert into users …', params: ['secret'], cause: Object.assign(new Error('UNIQUE constraint failed: users.email'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }) });
    expect(classifyDbError(foreign)).toBe('unique');
    const mysqlDup = Object.assign(new Error('Failed query'), { query: 'insert into users …', params: ['secret'], cause: Object.assign(new Error("Duplicate entry 'x'"), { errno: 1062 }) });
    expect(classifyDbError(mysqlDup)).toBe('unique');
  });
});

describe('sequences under concurrency', () => {
  it('concurrent first allocations of a new counter, nested in outer transactions, all succeed with distinct values', async () => {
    const { withTransaction } = await import('./index');
    const name = `fresh_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => withTransaction(async () => {
      await createUser({ ...baseUser('Seq Racer'), role: 'patient' });
      return allocateSequence(name);
    })));
    const values = results.map((r) => (r.status === 'fulfilled' ? r.value : String((r as PromiseRejectedResult).reason)));
    expect(values.sort()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1).sort());
  });
});
