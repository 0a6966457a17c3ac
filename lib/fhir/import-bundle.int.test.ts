/**
 * FHIR import against a real database (SQLite, and MariaDB when TEST_MYSQL_URL is set): imports all
 * the Synthea sample bundles and checks the rows against counts computed from the JSON and
 * MANIFEST.csv, one patient field by field, vital-sign unit conversion, idempotent re-import,
 * changes applied on re-import, NPI/conditional practitioner references across bundles, a broken
 * bundle among good ones, and a bundle failing mid-way leaving nothing behind.
 * The tests run in order and build on each other's data.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { findExternalId } from '@/db/repositories/external-ids';
import { createPatient, formatPatientNumber } from '@/db/repositories/patients';
import { createUser } from '@/db/repositories/users';
import { FhirImportError, importBundle } from './import-bundle';
import { importPath } from './import-path';

const DATA = process.env.FHIR_SAMPLE_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'data', 'fhir-r4');
const NPI = 'http://hl7.org/fhir/sid/us-npi';
/** LOINC codes the record stores (the brief's list): panels and single measurements. */
const STORED_VITALS = ['85354-9', '55284-4', '8310-5', '8331-1', '29463-7', '8302-2', '8867-4', '9279-1', '2708-6', '59408-5'];

// ---------- what the sample data holds, computed from the files ----------
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
const raw = new Map(files.map((f) => [f, fs.readFileSync(path.join(DATA, f), 'utf8')]));
const bundles = new Map(files.map((f) => [f, JSON.parse(raw.get(f) as string) as Json]));
const all = (type: string): Json[] => [...bundles.values()].flatMap((b) => b.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === type));
const loincOf = (r: Json): string | undefined => r.code?.coding?.find((c: Json) => c.system === 'http://loinc.org')?.code;
const manifest = (() => {
  const [head, ...rows] = fs.readFileSync(path.join(DATA, 'MANIFEST.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])) as Record<string, string>);
})();
const sum = (col: string) => manifest.reduce((n, r) => n + Number(r[col]), 0);
const encountersWithVital = (codes: string[]) => new Set(all('Observation').filter((o) => codes.includes(loincOf(o) ?? '')).map((o) => o.encounter.reference)).size;

const expected = {
  files: files.length,
  patients: manifest.length,
  encounters: sum('Encounter'),
  conditions: sum('Condition'),
  medications: sum('MedicationRequest'),
  allergies: sum('AllergyIntolerance'),
  practitionerResources: all('Practitioner').length,
  doctors: new Set(all('Practitioner').map((p) => p.identifier.find((i: Json) => i.system === NPI).value)).size,
  vitals: all('Observation').filter((o) => STORED_VITALS.includes(loincOf(o) ?? '')).length,
  withoutParticipant: all('Encounter').filter((e) => !e.participant?.length).length,
};

// ---------- helpers ----------
const tmpDirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fhir-import-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

let reidentifiedCount = 0;
/**
 * A copy of a sample bundle with every UUID replaced by a fresh one (NPIs unchanged): a new patient,
 * born some days earlier than the sample's (else the same name and birth date would be refused as a
 * possible duplicate of the sample's patient). `samePerson`: the birth date kept (the same person
 * under new ids).
 */
function reidentified(file: string, opts: { samePerson?: boolean } = {}): Json {
  const ids = new Map<string, string>();
  const b = JSON.parse((raw.get(file) as string).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (u) => {
    if (!ids.has(u)) ids.set(u, crypto.randomUUID());
    return ids.get(u) as string;
  }));
  if (!opts.samePerson) {
    reidentifiedCount += 1;
    for (const p of resourcesOf(b, 'Patient')) {
      if (typeof p.birthDate === 'string' && p.birthDate.length === 10) {
        p.birthDate = new Date(Date.parse(`${p.birthDate}T00:00:00Z`) - reidentifiedCount * 3 * 86_400_000).toISOString().slice(0, 10);
      }
    }
  }
  return b;
}
const resourcesOf = (b: Json, type: string): Json[] => b.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === type);

async function rowCounts() {
  const db = await q();
  const t = tables;
  const n = (rows: { n: number }[]) => Number(rows[0].n);
  return {
    users: n(await db.select({ n: count() }).from(t.users)),
    patients: n(await db.select({ n: count() }).from(t.patients)),
    practitioners: n(await db.select({ n: count() }).from(t.practitioners)),
    appointments: n(await db.select({ n: count() }).from(t.appointments)),
    records: n(await db.select({ n: count() }).from(t.medicalRecords)),
    diagnoses: n(await db.select({ n: count() }).from(t.diagnoses)),
    prescriptions: n(await db.select({ n: count() }).from(t.prescriptions)),
    externalIds: n(await db.select({ n: count() }).from(t.externalIds)),
  };
}

async function userIdOf(system: string, resourceType: string, id: string): Promise<number | undefined> {
  return (await findExternalId(system, resourceType, id))?.entityId;
}

async function recordOfEncounter(encounterId: string) {
  const link = await findExternalId('urn:uuid', 'Encounter', encounterId);
  if (!link) return undefined;
  const db = await q();
  const [r] = await db.select().from(tables.medicalRecords).where(eq(tables.medicalRecords.id, link.entityId));
  return r;
}

async function importAudits(outcome: 'success' | 'failure') {
  const db = await q();
  const a = tables.auditEvents;
  return db.select().from(a).where(and(eq(a.action, 'fhir.import'), eq(a.outcome, outcome))).orderBy(asc(a.id));
}

const ASA = 'Asa_Hermiston_4384bf23-1dc3-48ca-8c84-89fbaff201ae.json';
const ASA_ID = 'c79b748f-a792-4aea-bca5-c7c9c5b188cd';
/** Asa's wellness visit of 2012-09-19 with height, weight and a blood-pressure panel. */
const ASA_CHECKUP = 'c591c1d9-5aa4-42a7-80ee-d9f11c3f65ad';

describe('FHIR import (sample bundles)', () => {
  let afterFirst: Awaited<ReturnType<typeof rowCounts>>;

  it('imports every bundle of the folder with the counts the bundles hold', async () => {
    // No timing here (speed is the benchmarks' business): on a loaded machine this took 34 s and failed.
    const progress: number[] = [];
    const res = await importPath(DATA, { onProgress: (p) => progress.push(p.done) });

    expect(res.failed.map((e) => e.message)).toEqual([]);
    expect(res.files).toBe(expected.files);
    expect(progress).toEqual(files.map((_, i) => i + 1));
    expect(res.counts).toEqual({
      patients: { created: expected.patients, updated: 0 },
      practitioners: { created: expected.doctors, updated: expected.practitionerResources - expected.doctors },
      encounters: { created: expected.encounters, updated: 0 },
      vitals: { created: expected.vitals, updated: 0 },
      conditions: { created: expected.conditions, updated: 0 },
      medications: { created: expected.medications, updated: 0 },
      allergies: { created: expected.allergies, updated: 0 },
    });
    expect(res.skipped).toBe(0);
    expect(res.unknownPractitioner).toBe(expected.withoutParticipant);

    const db = await q();
    const { users, patients, appointments, medicalRecords: rec } = tables;
    const people = await db.select().from(users);
    const pts = people.filter((u) => u.role === 'patient');
    const docs = people.filter((u) => u.role === 'doctor');
    expect(pts).toHaveLength(expected.patients);
    expect(docs).toHaveLength(expected.doctors + (expected.withoutParticipant ? 1 : 0));
    for (const u of people) {
      expect(u.email).toBeNull();
      expect(u.passwordHash).toBeNull();
      expect(u.mustChangePassword).toBe(false);
      expect(u.sessionVersion).toBe(1);
    }
    expect(pts.every((u) => u.isActive)).toBe(true);

    afterFirst = await rowCounts();
    expect(afterFirst).toMatchObject({
      patients: expected.patients,
      practitioners: expected.doctors + (expected.withoutParticipant ? 1 : 0),
      appointments: expected.encounters,
      records: expected.encounters,
      diagnoses: expected.conditions,
      prescriptions: expected.medications,
    });
    expect((await db.select({ n: count() }).from(appointments).where(eq(appointments.status, 'completed')))[0].n).toBe(expected.encounters);
    expect((await db.select({ n: count() }).from(rec).where(and(eq(rec.status, 'final'), eq(rec.version, 1))))[0].n).toBe(expected.encounters);
    const profiles = await db.select().from(patients);
    expect(profiles.reduce((n, p) => n + p.allergies.length, 0)).toBe(expected.allergies);

    // Vital-sign columns: one record per encounter that measured them; BMI and pain are not stored.
    const records = await db.select().from(rec);
    const filled = (f: keyof (typeof records)[number]) => records.filter((r) => r[f] !== null).length;
    expect(filled('systolicMmHg')).toBe(encountersWithVital(['55284-4', '85354-9']));
    expect(filled('diastolicMmHg')).toBe(encountersWithVital(['55284-4', '85354-9']));
    expect(filled('weightKg')).toBe(encountersWithVital(['29463-7']));
    expect(filled('heightCm')).toBe(encountersWithVital(['8302-2']));
    expect(filled('temperatureC')).toBe(encountersWithVital(['8310-5', '8331-1']));

    // One audit event per bundle, in the bundle's transaction.
    const audits = await importAudits('success');
    expect(audits.map((a) => (a.details as { file: string }).file)).toEqual(files);
    expect(audits.every((a) => a.actorKind === 'import' && a.entity === 'bundle' && a.patientId !== null)).toBe(true);
    expect((audits[0].details as { counts: unknown }).counts).toEqual(res.imported[0].counts);
  });

  it('maps one patient field by field (Asa Hermiston)', async () => {
    const userId = await userIdOf('urn:uuid', 'Patient', ASA_ID);
    expect(userId).toBeTypeOf('number');
    const db = await q();
    const [user] = await db.select().from(tables.users).where(eq(tables.users.id, userId as number));
    expect(user).toMatchObject({
      email: null, passwordHash: null, role: 'patient', isActive: true, mustChangePassword: false, sessionVersion: 1,
      name: 'Asa Hermiston', nameFolded: 'asa hermiston', phone: '+15556777192',
      address: '500 Swift Knoll Apt 56, Peabody, Massachusetts, 01940, US',
    });
    const [profile] = await db.select().from(tables.patients).where(eq(tables.patients.userId, userId as number));
    expect(profile.patientNumber).toMatch(/^EH-\d{6}$/);
    expect(profile).toMatchObject({ dateOfBirth: '1971-03-03', sex: 'male' });
    expect(profile.allergies).toEqual([
      { substance: 'Dander (animal) allergy' },
      { substance: 'Allergy to tree pollen' },
      { substance: 'Allergy to nut' },
      { substance: 'Allergy to peanuts' },
    ]);

    // The first visit: appointment, record, diagnosis, doctor by NPI.
    const visit = await recordOfEncounter('c48a42bd-7b66-4d0e-a417-652a42563934');
    expect(visit).toMatchObject({ patientId: userId, status: 'final', version: 1 });
    expect(visit?.createdAt.toISOString()).toBe('1971-05-09T05:49:32.000Z');
    const [appt] = await db.select().from(tables.appointments).where(eq(tables.appointments.id, visit?.appointmentId as number));
    expect(appt).toMatchObject({ patientId: userId, status: 'completed', reason: 'Encounter for problem: Atopic dermatitis' });
    expect(appt.startAt.toISOString()).toBe('1971-05-09T05:49:32.000Z');
    expect(appt.endAt.toISOString()).toBe('1971-05-09T06:04:32.000Z');
    const doctorId = await userIdOf(NPI, 'Practitioner', '160');
    expect(appt.doctorId).toBe(doctorId);
    expect(visit?.doctorId).toBe(doctorId);
    const [doctor] = await db.select().from(tables.users).where(eq(tables.users.id, doctorId as number));
    expect(doctor).toMatchObject({ name: 'Sharyl Hilpert', role: 'doctor', isActive: true, email: null, passwordHash: null });
    const [prac] = await db.select().from(tables.practitioners).where(eq(tables.practitioners.userId, doctorId as number));
    expect(prac).toMatchObject({ specialty: 'General practice', bookable: false, slotMinutes: 20 });
    const dx = await db.select().from(tables.diagnoses).where(eq(tables.diagnoses.recordId, visit?.id as number));
    expect(dx.map(({ system, code, display, rank, certainty }) => ({ system, code, display, rank, certainty }))).toEqual([
      { system: 'SNOMED-CT', code: '24079001', display: 'Atopic dermatitis', rank: 'primary', certainty: 'confirmed' },
    ]);

    // A coded prescription with dosage.
    const cyclosporine = resourcesOf(bundles.get(ASA) as Json, 'MedicationRequest')
      .find((m) => m.medicationCodeableConcept.coding[0].code === '835900') as Json;
    const rxRecord = await recordOfEncounter(cyclosporine.encounter.reference.slice('urn:uuid:'.length));
    const rx = await db.select().from(tables.prescriptions).where(eq(tables.prescriptions.recordId, rxRecord?.id as number));
    expect(rx.find((l) => l.code === '835900')).toMatchObject({
      medicine: 'cycloSPORINE 50 MG Oral Capsule', codeSystem: 'RxNorm', dose: '1', frequency: 'once a day',
    });

    // Vital signs of the 2012 check-up, already in the record's units (height 181.541… cm, weight 99.585… kg).
    const checkup = await recordOfEncounter(ASA_CHECKUP);
    expect(checkup).toMatchObject({ heightCm: 181.5, weightKg: 99.59, systolicMmHg: 122, diastolicMmHg: 85, temperatureC: null });
  });

  it('imports the same folder again without duplicates and with the same links', async () => {
    const before = await rowCounts();
    const userId = await userIdOf('urn:uuid', 'Patient', ASA_ID);
    const res = await importPath(DATA);
    expect(res.failed).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    expect(before).toEqual(afterFirst);
    for (const k of ['patients', 'encounters', 'vitals', 'conditions', 'medications', 'allergies'] as const) {
      expect(res.counts[k].created).toBe(0);
    }
    expect(res.counts.practitioners).toEqual({ created: 0, updated: expected.practitionerResources });
    expect(res.counts.encounters.updated).toBe(expected.encounters);
    expect(await userIdOf('urn:uuid', 'Patient', ASA_ID)).toBe(userId);
    // Still exactly one shared "Unknown practitioner", found through its external id.
    const db = await q();
    const unknown = await db.select().from(tables.users).where(eq(tables.users.name, 'Unknown practitioner'));
    expect(unknown).toHaveLength(expected.withoutParticipant ? 1 : 0);
    if (unknown.length) {
      expect(unknown[0]).toMatchObject({ role: 'doctor', isActive: false });
      expect(await userIdOf('urn:ehealth', 'Practitioner', 'unknown')).toBe(unknown[0].id);
      const [prac] = await db.select().from(tables.practitioners).where(eq(tables.practitioners.userId, unknown[0].id));
      expect(prac.bookable).toBe(false);
    }
    expect(await importAudits('success')).toHaveLength(2 * expected.files);
  });

  it('applies changes on re-import: name exactly as written, vitals converted from US units, replaced diagnoses', async () => {
    const before = await rowCounts();
    const b = JSON.parse(raw.get(ASA) as string) as Json;
    const patient = resourcesOf(b, 'Patient')[0];
    patient.name[0] = { use: 'official', given: ['Åsa', 'Zoë'], family: "O'Hermíston-Núñez", prefix: ['Mr.'] };
    patient.telecom = [{ system: 'phone', value: 'ask at front desk' }];
    const obs = resourcesOf(b, 'Observation').filter((o) => o.encounter.reference === `urn:uuid:${ASA_CHECKUP}`);
    const byCode = (c: string): Json => obs.find((o) => loincOf(o) === c) as Json;
    byCode('29463-7').valueQuantity = { value: 220.462262, unit: 'lb', system: 'http://unitsofmeasure.org', code: '[lb_av]' };
    byCode('8302-2').valueQuantity = { value: 71.5, unit: 'in', system: 'http://unitsofmeasure.org', code: '[in_i]' };
    const pain = byCode('72514-3'); // becomes a body temperature in °F
    pain.code = { coding: [{ system: 'http://loinc.org', code: '8310-5', display: 'Body temperature' }] };
    pain.valueQuantity = { value: 100.4, unit: '°F', system: 'http://unitsofmeasure.org', code: '[degF]' };
    const bp = byCode('55284-4');
    bp.component.find((c: Json) => c.code.coding[0].code === '8480-6').valueQuantity = { value: 16, unit: 'kPa', system: 'http://unitsofmeasure.org', code: 'kPa' };
    // The first visit's diagnosis is now provisional and coded in ICD-10.
    const cond = resourcesOf(b, 'Condition')[0];
    cond.verificationStatus = { coding: [{ code: 'provisional' }] };
    cond.code = { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'L20.9', display: 'Atopic dermatitis, unspecified' }] };

    const res = await importBundle(b, { file: ASA });
    expect(res.counts.patients).toEqual({ created: 0, updated: 1 });
    expect(res.counts.vitals.created).toBe(1); // the former pain score is a vital sign now
    expect(await rowCounts()).toEqual({ ...before, externalIds: before.externalIds + 1 });

    const db = await q();
    const userId = await userIdOf('urn:uuid', 'Patient', ASA_ID);
    const [user] = await db.select().from(tables.users).where(eq(tables.users.id, userId as number));
    expect(user.name).toBe("Åsa Zoë O'Hermíston-Núñez");
    expect(user.nameFolded).toBe("asa zoe o'hermiston-nunez");
    expect(user.phone).toBe('ask at front desk');
    const checkup = await recordOfEncounter(ASA_CHECKUP);
    expect(checkup).toMatchObject({ weightKg: 100, heightCm: 181.6, temperatureC: 38, systolicMmHg: 120, diastolicMmHg: 85 });
    const visit = await recordOfEncounter('c48a42bd-7b66-4d0e-a417-652a42563934');
    const dx = await db.select().from(tables.diagnoses).where(eq(tables.diagnoses.recordId, visit?.id as number));
    expect(dx.map(({ system, code, display, certainty }) => ({ system, code, display, certainty }))).toEqual([
      { system: 'ICD-10', code: 'L20.9', display: 'Atopic dermatitis, unspecified', certainty: 'provisional' },
    ]);
  });

  it('resolves conditional Practitioner references by NPI across bundles and skips orphans', async () => {
    const before = await rowCounts();
    const b = reidentified(ASA);
    const original = bundles.get(ASA) as Json;
    // No Practitioner entries: the encounters point at `Practitioner?identifier=us-npi|…` instead.
    const npiOf = new Map(resourcesOf(original, 'Practitioner').map((p) => [p.name[0].family, p.identifier[0].value]));
    const practs = new Map(resourcesOf(b, 'Practitioner').map((p) => [`urn:uuid:${p.id}`, p.identifier[0].value]));
    b.entry = b.entry.filter((e: Json) => e.resource.resourceType !== 'Practitioner');
    for (const enc of resourcesOf(b, 'Encounter')) {
      for (const part of enc.participant ?? []) part.individual.reference = `Practitioner?identifier=${NPI}|${practs.get(part.individual.reference)}`;
    }
    const orphan = resourcesOf(b, 'Observation').find((o) => loincOf(o) === '29463-7') as Json;
    delete orphan.encounter;

    const res = await importBundle(b, { file: 'conditional.json' });
    expect(res.counts.practitioners).toEqual({ created: 0, updated: 0 });
    expect(res.counts.patients).toEqual({ created: 1, updated: 0 });
    expect(res.skipped).toEqual([{ resource: `Observation/${orphan.id}`, message: 'no Encounter' }]);
    expect(res.counts.vitals.created).toBe(resourcesOf(b, 'Observation').filter((o) => STORED_VITALS.includes(loincOf(o) ?? '')).length - 1);
    const after = await rowCounts();
    expect(after.practitioners).toBe(before.practitioners);
    expect(after.records - before.records).toBe(resourcesOf(b, 'Encounter').length);

    const firstVisit = resourcesOf(b, 'Encounter')[0];
    const rec = await recordOfEncounter(firstVisit.id);
    expect(rec?.doctorId).toBe(await userIdOf(NPI, 'Practitioner', npiOf.get('Hilpert') as string));
  });

  it('reports a broken bundle among good ones with its file and resource, and imports the rest', async () => {
    const dir = tmpDir();
    const good = reidentified('Blair_Conroy_8de41d0d-0ae7-4cb6-97e2-900b07a1e4f7.json');
    const bad = reidentified('Daisey_Johns_e916a083-8ee6-4df8-acbe-b711fa791253.json');
    const badPatient = resourcesOf(bad, 'Patient')[0];
    badPatient.gender = 'robot';
    const badEncounter = resourcesOf(bad, 'Encounter')[1];
    fs.writeFileSync(path.join(dir, 'a-good.json'), JSON.stringify(good));
    fs.writeFileSync(path.join(dir, 'b-truncated.json'), (raw.get(ASA) as string).slice(0, 5000));
    fs.writeFileSync(path.join(dir, 'c-not-a-bundle.json'), JSON.stringify(badPatient));
    fs.writeFileSync(path.join(dir, 'd-bad-resource.json'), JSON.stringify(bad));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not imported');
    const failuresBefore = (await importAudits('failure')).length;

    const res = await importPath(dir);
    expect(res.files).toBe(4);
    expect(res.imported.map((r) => r.file)).toEqual(['a-good.json']);
    expect(res.failed.map((e) => [e.file, e.resource])).toEqual([
      ['b-truncated.json', undefined],
      ['c-not-a-bundle.json', undefined],
      ['d-bad-resource.json', `Patient/${badPatient.id}`],
    ]);
    expect(res.failed[0].message).toMatch(/invalid JSON/);
    expect(res.failed[1].message).toMatch(/not a FHIR Bundle/);
    expect(res.failed[2].message).toMatch(/gender/);
    expect(res.failed.every((e) => e instanceof FhirImportError)).toBe(true);

    expect(await userIdOf('urn:uuid', 'Patient', resourcesOf(good, 'Patient')[0].id)).toBeTypeOf('number');
    expect(await userIdOf('urn:uuid', 'Patient', badPatient.id)).toBeUndefined();
    expect(await findExternalId('urn:uuid', 'Encounter', badEncounter.id)).toBeUndefined();
    const failures = (await importAudits('failure')).slice(failuresBefore);
    expect(failures.map((a) => (a.details as { file: string }).file)).toEqual(['b-truncated.json', 'c-not-a-bundle.json', 'd-bad-resource.json']);
  });

  it('leaves nothing behind when a bundle fails mid-way', async () => {
    // Two new patients in one bundle; the second one's clinic number is taken, so its insert fails
    // after the practitioners, the first patient, its profile and the number allocation were written.
    const first = reidentified('Tony_Douglas_f6d715f8-94c0-49ad-a46a-4f96dc7a67b4.json');
    const second = reidentified('Jill_Tillman_c4b7d178-c437-4202-9fb0-1b64afb8bc09.json');
    const both = { resourceType: 'Bundle', type: 'transaction', entry: [...first.entry, ...second.entry] };
    const db = await q();
    const seq = async () => (await db.select().from(tables.sequences).where(eq(tables.sequences.name, 'patient_number')))[0].value;
    const now = new Date();
    const blocker = await createUser({ name: 'Number Squatter', nameFolded: 'number squatter', role: 'patient', isActive: true, dateJoined: now, mustChangePassword: false, sessionVersion: 1, updatedAt: now });
    await createPatient({ userId: blocker, patientNumber: formatPatientNumber((await seq()) + 2), sex: 'unknown', allergies: [], createdAt: now, updatedAt: now });

    const before = await rowCounts();
    const seqBefore = await seq();
    const successesBefore = (await importAudits('success')).length;
    const err = await importBundle(both, { file: 'two-patients.json' }).catch((e) => e);
    expect(err).toBeInstanceOf(FhirImportError);
    expect(err.file).toBe('two-patients.json');
    expect(err.resource).toBe(`Patient/${resourcesOf(second, 'Patient')[0].id}`);

    expect(await rowCounts()).toEqual(before);
    expect(await seq()).toBe(seqBefore);
    expect(await userIdOf('urn:uuid', 'Patient', resourcesOf(first, 'Patient')[0].id)).toBeUndefined();
    expect(await findExternalId('urn:uuid', 'Practitioner', resourcesOf(first, 'Practitioner')[0].id)).toBeUndefined();
    expect(await importAudits('success')).toHaveLength(successesBefore);
    const [failure] = (await importAudits('failure')).slice(-1);
    expect(failure.details).toMatchObject({ file: 'two-patients.json', resource: err.resource });

    // Once the number is free again the same bundle imports whole.
    await db.delete(tables.patients).where(eq(tables.patients.userId, blocker));
    await db.delete(tables.users).where(eq(tables.users.id, blocker));
    const ok = await importBundle(both, { file: 'two-patients.json' });
    expect(ok.counts.patients).toEqual({ created: 2, updated: 0 });
    expect(ok.patientUserIds).toHaveLength(2);
  });
  it('refuses a bundle whose unlinked Patient matches a registered patient (listing it), and imports it with confirmNewPatients', async () => {
    const file = 'Tony_Douglas_f6d715f8-94c0-49ad-a46a-4f96dc7a67b4.json';
    const registered = await userIdOf('urn:uuid', 'Patient', resourcesOf(bundles.get(file) as Json, 'Patient')[0].id);
    expect(registered).toBeTypeOf('number');
    const twin = reidentified(file, { samePerson: true }); // the same person under new ids
    const twinRef = `Patient/${resourcesOf(twin, 'Patient')[0].id}`;
    const before = await rowCounts();
    const failuresBefore = (await importAudits('failure')).length;

    const err = await importBundle(twin, { file: 'twin.json' }).catch((e) => e);
    expect(err).toBeInstanceOf(FhirImportError);
    expect(err.resource).toBe(twinRef);
    expect(err.candidates.map((c: { userId: number }) => c.userId)).toEqual([registered]);
    expect(err.message).toMatch(/matches 1 registered patient.*--confirm-new-patients/);
    expect(await rowCounts()).toEqual(before); // nothing of the bundle written
    expect((await importAudits('failure')).slice(failuresBefore).map((a) => (a.details as { file: string }).file)).toEqual(['twin.json']);

    // importPath reports it among the failed files, with the same option to go ahead.
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'twin.json'), JSON.stringify(twin));
    const viaPath = await importPath(dir);
    expect(viaPath.failed.map((e) => [e.file, e.resource, e.candidates.length])).toEqual([['twin.json', twinRef, 1]]);

    const ok = await importPath(dir, { confirmNewPatients: true });
    expect(ok.failed).toEqual([]);
    expect(ok.counts.patients).toEqual({ created: 1, updated: 0 });
    const twinId = await userIdOf('urn:uuid', 'Patient', resourcesOf(twin, 'Patient')[0].id);
    expect(twinId).not.toBe(registered);
    // Once linked by its external id, the bundle imports again without the option (an update).
    const again = await importBundle(twin, { file: 'twin.json' });
    expect(again.counts.patients).toEqual({ created: 0, updated: 1 });
    expect(again.patientUserIds).toEqual([twinId]);
  });
});
