/** A printed visit: what it shows, who may print it, and that prints by staff are audited as chart reads. */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { createMedicalRecord } from '@/db/repositories/records';
import { updatePatientByUserId } from '@/db/repositories/patients';
import { findUserById } from '@/db/repositories/users';
import { actorOf, type CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import { resetEnv } from '@/core/env';
import { getChartingContext } from './get-charting-context';
import { getMedicalRecord } from './get-medical-record';
import { getPatientHistory } from './get-patient-history';
import { getPrintableVisit } from './get-printable-visit';
import { markEnteredInError } from './mark-entered-in-error';

async function current(id: number): Promise<CurrentUser> {
  const u = (await findUserById(id))!;
  return { id: u.id, name: u.name, email: u.email, role: u.role, via: 'session', mustChangePassword: false };
}
async function printReads(recordId: number, actorId: number) {
  const db = await q();
  const a = tables.auditEvents;
  const rows = await db.select().from(a).where(and(eq(a.action, 'chart.view'), eq(a.entity, 'medical_record'), eq(a.entityId, recordId), eq(a.actorUserId, actorId)));
  return rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>);
}
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e: unknown) => e as AppError);

/** A doctor, their patient (born 1988-04-09, female, allergic to penicillin) and one visit with a coded diagnosis and a medicine. */
async function visitFixture() {
  const [doctor, patient] = await Promise.all([makeUser('doctor', { name: 'Dr Achieng Print' }), makeUser('patient', { name: 'Zoë Wanjiru' })]);
  await updatePatientByUserId(patient.id, { dateOfBirth: '1988-04-09', sex: 'female', allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }] });
  const at = new Date('2026-11-20T07:30:00Z');
  const recordId = await createMedicalRecord(
    { patientId: patient.id, doctorId: doctor.id, symptoms: 'Fever for two days', notes: 'Doctor-only note', temperatureC: 38.9, status: 'final', version: 1, createdAt: at, updatedAt: at },
    [{ system: 'ICD-10', code: 'B54', display: 'Unspecified malaria', rank: 'primary', certainty: 'confirmed' }],
    [{ medicine: 'Artemether/lumefantrine', strength: '20/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days', instructions: 'with food' }],
  );
  return { doctor, patient, recordId, at };
}

describe('printable visit', () => {
  const saved = { name: process.env.CLINIC_NAME, address: process.env.CLINIC_ADDRESS };
  beforeEach(() => {
    process.env.CLINIC_NAME = 'Mji Health Centre';
    process.env.CLINIC_ADDRESS = 'Moi Avenue 12, Nairobi';
    resetEnv();
  });
  afterEach(() => {
    for (const [k, v] of [['CLINIC_NAME', saved.name], ['CLINIC_ADDRESS', saved.address]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnv();
  });

  it('holds the clinic, the patient identity and allergies, the doctor, the visit date, coded diagnoses and full medicine lines; not the doctor\'s notes', async () => {
    const { doctor, patient, recordId, at } = await visitFixture();
    const me = await current(patient.id);
    const v = await getPrintableVisit({ user: me, actor: actorOf(me), recordId, doc: 'prescription' });
    expect(v.clinic).toEqual({ name: 'Mji Health Centre', address: 'Moi Avenue 12, Nairobi' });
    expect(v.patient).toMatchObject({ id: patient.id, name: 'Zoë Wanjiru', dateOfBirth: '1988-04-09', sex: 'female', ageAtVisit: 38 });
    expect(v.patient.patientNumber).toMatch(/\S/);
    expect(v.patient.allergies).toEqual([{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }]);
    expect(v.doctor).toEqual({ id: doctor.id, name: 'Dr Achieng Print', specialty: 'General practice' });
    expect(v.record).toMatchObject({ id: recordId, status: 'final', version: 1, visitAt: at });
    expect(v.diagnoses).toEqual([expect.objectContaining({ system: 'ICD-10', code: 'B54', display: 'Unspecified malaria', rank: 'primary' })]);
    expect(v.prescriptions).toEqual([expect.objectContaining({ medicine: 'Artemether/lumefantrine', strength: '20/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days', instructions: 'with food' })]);
    expect(v.freePrescription).toBe('');
    expect(v.vitals.temperatureC).toBe(38.9);
    expect(v.symptoms).toBe('Fever for two days');
    expect(JSON.stringify(v)).not.toContain('Doctor-only note');
  });

  it('prints a free-text prescription when the visit has no medicine lines, and no address when none is set', async () => {
    delete process.env.CLINIC_ADDRESS;
    resetEnv();
    const [doctor, patient] = await Promise.all([makeUser('doctor'), makeUser('patient')]);
    const now = new Date();
    const recordId = await createMedicalRecord({ patientId: patient.id, doctorId: doctor.id, notes: 'Seen.\n\nPrescription: Paracetamol 1 g three times a day for 3 days', status: 'final', version: 1, createdAt: now, updatedAt: now });
    const u = await current(doctor.id);
    const v = await getPrintableVisit({ user: u, actor: actorOf(u), recordId, doc: 'summary' });
    expect(v.clinic.address).toBeNull();
    expect(v.prescriptions).toEqual([]);
    expect(v.freePrescription).toBe('Paracetamol 1 g three times a day for 3 days');
    expect(v.patient.dateOfBirth).toBeNull();
  });

  it('the patient prints their own visit (not audited); a linked doctor and an admin too (audited as a print); another patient and an unlinked doctor are refused', async () => {
    const { doctor, patient, recordId } = await visitFixture();
    const [admin, stranger, otherDoctor] = await Promise.all([makeUser('admin'), makeUser('patient'), makeUser('doctor')]);

    const self = await current(patient.id);
    await getPrintableVisit({ user: self, actor: actorOf(self), recordId, doc: 'summary' });
    expect(await printReads(recordId, patient.id)).toHaveLength(0);

    for (const [viewer, doc] of [[doctor, 'prescription'], [admin, 'summary']] as const) {
      const u = await current(viewer.id);
      const v = await getPrintableVisit({ user: u, actor: actorOf(u), recordId, doc });
      expect(v.patient.id).toBe(patient.id);
      expect(await printReads(recordId, viewer.id)).toEqual([expect.objectContaining({ via: 'print', doc, version: 1 })]);
    }

    for (const viewer of [stranger, otherDoctor]) {
      const u = await current(viewer.id);
      expect((await caught(getPrintableVisit({ user: u, actor: actorOf(u), recordId, doc: 'summary' }))).code).toBe('forbidden');
      expect(await printReads(recordId, viewer.id)).toHaveLength(0);
    }
    const a = await current(admin.id);
    expect((await caught(getPrintableVisit({ user: a, actor: actorOf(a), recordId: 999_999_999, doc: 'summary' }))).code).toBe('not_found');
  });

  it('a visit entered in error is not printed, even by its doctor (404)', async () => {
    const { doctor, patient, recordId } = await visitFixture();
    const d = await current(doctor.id);
    await markEnteredInError({ user: d, actor: actorOf(d), recordId, reason: 'wrong patient' });
    for (const u of [d, await current(patient.id)]) {
      expect((await caught(getPrintableVisit({ user: u, actor: actorOf(u), recordId, doc: 'prescription' }))).code).toBe('not_found');
    }
  });

  it('the record page, the patient\'s records and the chart form know who the patient is (name, number, date of birth, sex)', async () => {
    const { doctor, patient, recordId } = await visitFixture();
    const d = await current(doctor.id);
    const me = await current(patient.id);
    const identity = { id: patient.id, name: 'Zoë Wanjiru', dateOfBirth: '1988-04-09', sex: 'female', patientNumber: expect.stringMatching(/\S/) };
    expect((await getMedicalRecord({ user: d, actor: actorOf(d), recordId })).patient).toEqual(identity);
    expect((await getPatientHistory({ user: me, actor: actorOf(me), patientId: patient.id, page: { limit: 20, offset: 0 } })).patient).toMatchObject(identity);
    expect((await getChartingContext({ user: d, patientId: patient.id })).patient).toMatchObject(identity);
  });
});
