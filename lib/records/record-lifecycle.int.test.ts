/**
 * The record lifecycle on both databases: amending keeps the record's id and writes version n+1,
 * the old version stays readable with who/when and lists show only the current one; entered-in-error
 * hides a record from lists and counts but keeps it; only the author or an admin may change a record;
 * reasons are required; bad input writes nothing; a 500-visit history pages through its index.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, q, tables } from '@/db';
import { insertMany } from '@/db/dialect';
import { createAppointment } from '@/db/repositories/appointments';
import { countRecordsBetween, findMedicalRecordById, listPatientRecordsPage, type NewMedicalRecord } from '@/db/repositories/records';
import { explainPatientHistoryQuery, listRecordEvents } from '@/db/repositories/record-reads';
import { findUserById } from '@/db/repositories/users';
import { actorOf, type CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import { amendMedicalRecord } from './amend-medical-record';
import { chartVisit } from './chart-visit';
import { getMedicalRecord } from './get-medical-record';
import { getPatientHistory } from './get-patient-history';
import { listMedicalRecords } from './list-medical-records';
import { markEnteredInError } from './mark-entered-in-error';
import { amendRecordSchema, markEnteredInErrorSchema } from './schemas';
import { chartVisitSchema } from './schemas';
import { serializeMedicalRecord, serializeMedicalRecordWithHistory } from './serialize';

async function current(id: number): Promise<CurrentUser> {
  const u = (await findUserById(id))!;
  return { id: u.id, name: u.name, email: u.email, role: u.role, via: 'session', mustChangePassword: false };
}
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e: unknown) => e as AppError);

/** A doctor, a patient linked by an appointment, an admin, and a charted visit (version 1). */
async function chartedVisit(extra: Record<string, unknown> = {}) {
  const [doctor, patient, admin] = [await current((await makeUser('doctor')).id), await current((await makeUser('patient')).id), await current((await makeUser('admin')).id)];
  const start = new Date(Date.now() - 600_000); // started 10 minutes ago: chartable at any hour (an hour ahead is tomorrow after 23:00 clinic time)
  const appointmentId = await createAppointment({ patientId: patient.id, doctorId: doctor.id, startAt: start, endAt: new Date(start.getTime() + 1_200_000), status: 'confirmed', createdAt: new Date(), updatedAt: new Date() });
  const input = chartVisitSchema.parse({
    patient_id: patient.id, appointment_id: appointmentId, symptoms: 'Fever for 3 days',
    diagnoses: [{ system: 'ICD-10', code: 'B54' }],
    prescriptions: [{ medicine: 'Artemether/lumefantrine', strength: '20/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days' }],
    vital_signs: { systolic_mmhg: 150, diastolic_mmhg: 95, temperature_c: 38.6, weight_kg: 61.5 },
    notes: 'Review in a week.',
    ...extra,
  });
  const record = await chartVisit({ user: doctor, actor: actorOf(doctor), input });
  return { doctor, patient, admin, appointmentId, record };
}

async function auditRows(recordOrPatient: { entityId?: number; patientId?: number; action: string }) {
  const db = await q();
  const e = tables.auditEvents;
  return db.select().from(e).where(and(
    eq(e.action, recordOrPatient.action),
    recordOrPatient.entityId !== undefined ? eq(e.entityId, recordOrPatient.entityId) : undefined,
    recordOrPatient.patientId !== undefined ? eq(e.patientId, recordOrPatient.patientId) : undefined,
  ));
}

const YEAR = { from: new Date(Date.now() - 365 * 86_400_000), to: new Date(Date.now() + 86_400_000) };

describe('amending', () => {
  it('writes version 2 on the same id; version 1 stays readable with who and when; lists and counts show one visit', async () => {
    const { doctor, patient, admin, record } = await chartedVisit();
    const before = await countRecordsBetween(YEAR.from, YEAR.to);
    const input = amendRecordSchema.parse({
      diagnoses: [{ system: 'ICD-10', code: 'j06.9' }, { system: 'text', display: 'Dehydration, mild', certainty: 'provisional' }],
      vital_signs: { systolic_mmhg: 128, diastolic_mmhg: 82, temperature_f: 100.4 },
      reason: 'Malaria RDT came back negative',
    });
    const later = new Date(Date.now() + 60_000);
    const { record: amended, changed } = await amendMedicalRecord({ user: admin, actor: actorOf(admin), recordId: record.id, input, now: later });
    expect(changed).toBe(true);
    expect(amended).toMatchObject({ id: record.id, version: 2, status: 'amended', statusReason: 'Malaria RDT came back negative', systolicMmHg: 128, temperatureC: 38, temperatureEnteredF: true, weightKg: null, doctorId: doctor.id });
    expect(amended.createdAt.getTime()).toBe(record.createdAt.getTime()); // the visit keeps its date
    expect(amended.diagnoses.map((d) => [d.code, d.rank])).toEqual([['J06.9', 'primary'], [null, 'secondary']]);
    expect(amended.prescriptions).toHaveLength(1); // left out → kept
    expect(amended.symptoms).toBe('Fever for 3 days');

    const { versions } = await getMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id });
    expect(versions.map((v) => [v.version, v.current, v.writtenBy.id])).toEqual([[1, false, doctor.id], [2, true, admin.id]]);
    expect(versions[0].writtenAt.getTime()).toBe(record.createdAt.getTime());
    expect(versions[0].writtenBy.name).toBe(doctor.name);
    expect(versions[1].writtenAt.getTime()).toBeGreaterThanOrEqual(record.createdAt.getTime());
    expect(versions[1].reason).toBe('Malaria RDT came back negative');
    expect(versions[0].content.diagnoses.map((d) => d.code)).toEqual(['B54']);
    expect(versions[0].content.vitals).toMatchObject({ systolicMmHg: 150, diastolicMmHg: 95, temperatureC: 38.6, weightKg: 61.5 });
    const api = serializeMedicalRecordWithHistory(amended, versions);
    expect(api).toMatchObject({ id: record.id, status: 'amended', version: 2, diagnosis: expect.stringMatching(/^Acute upper respiratory infection.*; Dehydration, mild$/) });
    expect(api.history).toHaveLength(1);
    expect(api.history[0]).toMatchObject({ version: 1, status: 'final', written_by: { id: doctor.id }, diagnosis: expect.stringMatching(/malaria/i), vital_signs: { systolic_mmhg: 150, flags: { systolic_mmhg: 'high' } } });

    // One visit everywhere: the chart's page, the history, the API list, the counts.
    expect((await listPatientRecordsPage(patient.id, { limit: 20, offset: 0 })).count).toBe(1);
    const history = await getPatientHistory({ user: patient, actor: actorOf(patient), patientId: patient.id, page: { limit: 20, offset: 0 } });
    expect(history.count).toBe(1);
    expect(history.rows[0]).toMatchObject({ id: record.id, version: 2 });
    expect((await listMedicalRecords({ user: admin, actor: actorOf(admin), filter: { patientId: patient.id }, page: { limit: 20, offset: 0 } })).count).toBe(1);
    expect(await countRecordsBetween(YEAR.from, YEAR.to)).toBe(before);

    // A second amendment by the author: version 3, both earlier versions kept in order.
    await amendMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id, input: amendRecordSchema.parse({ notes: 'Review in 3 days.', version: 2 }) });
    const again = await getMedicalRecord({ user: admin, actor: actorOf(admin), recordId: record.id });
    expect(again.versions.map((v) => [v.version, v.writtenBy.id])).toEqual([[1, doctor.id], [2, admin.id], [3, doctor.id]]);
    expect(again.versions[1].content.notes).toBe('Review in a week.');
    expect(again.record.notes).toBe('Review in 3 days.');
  });

  it('an amendment that changes nothing writes nothing; a stale version is a 409', async () => {
    const { doctor, record } = await chartedVisit();
    const same = await amendMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id, input: amendRecordSchema.parse({ symptoms: 'Fever for 3 days', diagnosis: serializeMedicalRecord((await getMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id })).record).diagnosis }) });
    expect(same.changed).toBe(false);
    expect((await findMedicalRecordById(record.id))?.version).toBe(1);
    expect(await listRecordEvents(record.id, ['record.amend'])).toHaveLength(0);
    const stale = await caught(amendMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id, input: amendRecordSchema.parse({ symptoms: 'x', version: 7 }) }));
    expect(stale.code).toBe('conflict');
    expect((await findMedicalRecordById(record.id))?.symptoms).toBe('Fever for 3 days');
  });

  it('bad input writes nothing: an unknown ICD-10 code is a 400 by field, impossible vitals fail the schema', async () => {
    const { doctor, record } = await chartedVisit();
    const e = await caught(amendMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id, input: amendRecordSchema.parse({ symptoms: 'changed', diagnoses: [{ system: 'ICD-10', code: 'ZZZ.99' }] }) }));
    expect(e.code).toBe('validation_error');
    expect(e.fields?.['diagnoses.0.code']?.[0]).toMatch(/not an ICD-10 code/);
    const vitals = amendRecordSchema.safeParse({ vital_signs: { systolic_mmhg: 80, diastolic_mmhg: 90 } });
    expect(vitals.success).toBe(false);
    const after = await findMedicalRecordById(record.id);
    expect(after).toMatchObject({ version: 1, status: 'final', symptoms: 'Fever for 3 days' });
    const db = await q();
    expect((await db.select().from(tables.diagnoses).where(eq(tables.diagnoses.recordId, record.id))).map((d) => d.code)).toEqual(['B54']);
    expect(await listRecordEvents(record.id, ['record.amend'])).toHaveLength(0);
  });

  it('only the doctor who wrote it or an admin may amend or mark it', async () => {
    const { patient, record } = await chartedVisit();
    const linkedDoctor = await current((await makeUser('doctor')).id);
    const start = new Date(Date.now() + 7_200_000);
    await createAppointment({ patientId: patient.id, doctorId: linkedDoctor.id, startAt: start, endAt: new Date(start.getTime() + 1_200_000), status: 'pending', createdAt: new Date(), updatedAt: new Date() });
    const stranger = await current((await makeUser('doctor')).id);
    const input = amendRecordSchema.parse({ symptoms: 'changed' });
    for (const u of [linkedDoctor, stranger, patient]) {
      expect((await caught(amendMedicalRecord({ user: u, actor: actorOf(u), recordId: record.id, input }))).code, u.role).toBe('forbidden');
      expect((await caught(markEnteredInError({ user: u, actor: actorOf(u), recordId: record.id, reason: 'wrong patient' }))).code, u.role).toBe('forbidden');
    }
    expect((await caught(amendMedicalRecord({ user: linkedDoctor, actor: actorOf(linkedDoctor), recordId: 999_999_999, input }))).code).toBe('not_found');
    expect(await findMedicalRecordById(record.id)).toMatchObject({ version: 1, status: 'final', symptoms: 'Fever for 3 days' });
  });
});

describe('entered in error', () => {
  it('hides the record from lists and counts, keeps the row, and shows it by id to its author and admins only', async () => {
    const { doctor, patient, admin, record } = await chartedVisit();
    const before = await countRecordsBetween(YEAR.from, YEAR.to);
    const marked = await markEnteredInError({ user: doctor, actor: actorOf(doctor), recordId: record.id, reason: '  Charted on the wrong patient ' });
    expect(marked).toMatchObject({ id: record.id, status: 'entered-in-error', statusReason: 'Charted on the wrong patient', version: 1 });
    expect(await countRecordsBetween(YEAR.from, YEAR.to)).toBe(before - 1);
    expect(await findMedicalRecordById(record.id)).toBeDefined(); // kept
    expect(marked.diagnoses).toHaveLength(1); // lines kept
    expect((await listPatientRecordsPage(patient.id, { limit: 20, offset: 0 })).count).toBe(0);
    expect((await getPatientHistory({ user: patient, actor: actorOf(patient), patientId: patient.id, page: { limit: 20, offset: 0 } })).count).toBe(0);
    expect((await listMedicalRecords({ user: admin, actor: actorOf(admin), filter: { patientId: patient.id }, page: { limit: 20, offset: 0 } })).count).toBe(0);
    const listed = await listMedicalRecords({ user: doctor, actor: actorOf(doctor), filter: { status: 'entered-in-error' }, page: { limit: 20, offset: 0 } });
    expect(listed.rows.map((r) => r.id)).toContain(record.id);

    const seen = await getMedicalRecord({ user: admin, actor: actorOf(admin), recordId: record.id });
    expect(seen.enteredInError).toMatchObject({ by: { id: doctor.id }, reason: 'Charted on the wrong patient' });
    expect(serializeMedicalRecord(seen.record)).toMatchObject({ status: 'entered_in_error', status_reason: 'Charted on the wrong patient' });
    expect((await getMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id })).record.status).toBe('entered-in-error');
    expect((await caught(getMedicalRecord({ user: patient, actor: actorOf(patient), recordId: record.id }))).code).toBe('not_found');

    expect((await caught(amendMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id, input: amendRecordSchema.parse({ symptoms: 'x' }) }))).code).toBe('conflict');
    expect((await caught(markEnteredInError({ user: admin, actor: actorOf(admin), recordId: record.id, reason: 'again' }))).code).toBe('conflict');
    const events = await listRecordEvents(record.id, ['record.entered_in_error']);
    expect(events).toHaveLength(1);
    expect(events[0].details).toMatchObject({ reason: 'Charted on the wrong patient', previousStatus: 'final' });
  });

  it('needs a reason', async () => {
    const { doctor, record } = await chartedVisit();
    expect(markEnteredInErrorSchema.safeParse({}).success).toBe(false);
    expect(markEnteredInErrorSchema.safeParse({ reason: '   ' }).success).toBe(false);
    const e = await caught(markEnteredInError({ user: doctor, actor: actorOf(doctor), recordId: record.id, reason: ' ' }));
    expect(e.code).toBe('validation_error');
    expect(e.fields?.reason).toBeDefined();
    expect((await findMedicalRecordById(record.id))?.status).toBe('final');
  });
});

describe('reads are audited', () => {
  it('every read by someone other than the patient writes chart.view with who and which patient', async () => {
    const { doctor, patient, admin, record } = await chartedVisit();
    await getMedicalRecord({ user: patient, actor: actorOf(patient), recordId: record.id });
    await getPatientHistory({ user: patient, actor: actorOf(patient), patientId: patient.id, page: { limit: 20, offset: 0 } });
    expect(await auditRows({ action: 'chart.view', patientId: patient.id })).toHaveLength(0);
    await getMedicalRecord({ user: doctor, actor: actorOf(doctor), recordId: record.id });
    await getPatientHistory({ user: admin, actor: actorOf(admin), patientId: patient.id, page: { limit: 20, offset: 0 } });
    await listMedicalRecords({ user: doctor, actor: actorOf(doctor), page: { limit: 20, offset: 0 } });
    const rows = await auditRows({ action: 'chart.view', patientId: patient.id });
    expect(rows.map((r) => [r.actorUserId, (r.details as { via: string }).via]).sort()).toEqual([[admin.id, 'history'], [doctor.id, 'list'], [doctor.id, 'record']].sort());
    expect(rows.find((r) => (r.details as { via: string }).via === 'record')).toMatchObject({ entity: 'medical_record', entityId: record.id });
    expect(rows.every((r) => r.at instanceof Date)).toBe(true);
  });
});

describe('a 500-visit history', () => {
  it('pages through the newest 20 first and reaches the oldest on page 25, using the (patient_id, created_at) index', async () => {
    const [doctor, patient] = [await makeUser('doctor'), await makeUser('patient')];
    const base = Date.UTC(2020, 0, 1);
    const rows: NewMedicalRecord[] = Array.from({ length: 500 }, (_, i) => ({
      patientId: patient.id, doctorId: doctor.id, symptoms: `visit ${i}`, status: 'final', version: 1,
      createdAt: new Date(base + i * 86_400_000), updatedAt: new Date(base + i * 86_400_000),
    }));
    await insertMany(tables.medicalRecords, rows, 250);
    const me = await current(patient.id);
    const page = (n: number) => getPatientHistory({ user: me, actor: actorOf(me), patientId: patient.id, page: { limit: 20, offset: (n - 1) * 20 } });
    const first = await page(1);
    expect(first.count).toBe(500);
    expect(first.rows.map((r) => r.symptoms)).toEqual(Array.from({ length: 20 }, (_, i) => `visit ${499 - i}`));
    const last = await page(25);
    expect(last.rows.map((r) => r.symptoms)).toEqual(Array.from({ length: 20 }, (_, i) => `visit ${19 - i}`));
    expect((await page(26)).rows).toHaveLength(0);

    const plan = await explainPatientHistoryQuery(patient.id);
    if ((await getDatabase()).dialect === 'sqlite') {
      expect(plan).toMatch(/medical_records USING (COVERING )?INDEX records_patient_created_idx/);
      expect(plan).not.toMatch(/TEMP B-TREE/); // read in index order, not sorted
    } else {
      expect(plan).toMatch(/medical_records \w+ key=records_patient_created_idx/);
      expect(plan).not.toMatch(/filesort/i);
    }
  });
});
