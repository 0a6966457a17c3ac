/**
 * A large clinic for benchmarks: `npm run db:seed -- --patients 100000 [--records 1000000] [--doctors 50]`.
 *
 * Fast on both databases: ids are assigned here (after reading each table's current max id), so rows go
 * in as multi-row INSERTs (db/repositories/bulk-load.ts, a few hundred rows a statement), each batch of statements in one
 * transaction, with no round trip per row. Patient numbers are allocated as one block. Patients have no
 * accounts; records (walk-in visits, no appointment) spread over the last two years, each with 1–2
 * ICD-10 diagnoses, vitals and usually prescription lines. Adds to whatever the database holds; run it
 * while the app is stopped (a row the app inserts meanwhile could take an id assigned here).
 */
import {
  insertDoctorsBulk, insertPatientsBulk, insertRecordsBulk, linkBulkVisits, maxIds,
  type NewDiagnosisRow, type NewMedicalRecordRow, type NewPatientRow, type NewPractitionerRow, type NewPrescriptionRow, type NewUserRow,
} from '@/db/repositories/bulk-load';
import { allocateSequence } from '@/db/repositories/sequences';
import { formatPatientNumber } from '@/db/repositories/patients';
import type { Sex } from '@/core/vocabulary';
import { foldName } from '@/core/text';
import { addDays, clinicInstant, clinicToday, clinicZone } from '@/core/time';
import { DOCTOR_SPECIALTIES } from './data';
import {
  TOWNS, buildVisit, kenyanMobile, pickAge, pickAllergies, pickBirthOffsetDays, pickBloodType,
  pickCondition, pickEmergencyContact, pickMedicalHistory, pickPerson, pickSex, personName,
} from './generate';
import { createRng } from './random';

export interface SeedLargeOptions {
  patients: number;
  /** Medical records to create (default 10 × patients). */
  records?: number;
  /** New doctors (with practitioner rows, no accounts) who see the records (default 50, at least 1). */
  doctors?: number;
  now?: Date;
  zone?: string;
  /** Rows per INSERT statement (default 500). */
  chunk?: number;
  /** Rows per transaction (default 10 000). */
  batch?: number;
  /** Generator seed (default fixed, so the same options give the same data on an empty database). */
  seed?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface SeedLargeResult {
  doctors: number;
  patients: number;
  records: number;
  diagnoses: number;
  prescriptions: number;
  firstPatientNumber: string | null;
  lastPatientNumber: string | null;
  seconds: number;
}

const DAY_MS = 86_400_000;
/** Records fall within the last two years; patients registered within the last three. */
const RECORD_DAYS = 730;
const REGISTRATION_DAYS = 1095;
/** Clinic hours from 08:00: 540 minutes. */
const WORK_MINUTES = 540;

/** Builds the large clinic; see the file comment. */
export async function seedLarge(opts: SeedLargeOptions): Promise<SeedLargeResult> {
  const patientCount = Math.max(0, Math.floor(opts.patients));
  const recordCount = Math.max(0, Math.floor(opts.records ?? patientCount * 10));
  const doctorCount = Math.max(1, Math.floor(opts.doctors ?? 50));
  const chunk = opts.chunk ?? 500;
  const batch = Math.max(chunk, opts.batch ?? 10_000);
  const log = opts.log ?? (() => {});
  const now = opts.now ?? new Date();
  const zone = opts.zone ?? clinicZone();
  const today = clinicToday(now, zone);
  const rng = createRng(opts.seed ?? 0x1a46e);
  const started = performance.now();
  if (recordCount > 0 && patientCount === 0) throw new Error('records need patients: give --patients');

  // Clinic 08:00 of each of the last REGISTRATION_DAYS days (index = days ago), in UTC ms.
  const dayStart = new Float64Array(REGISTRATION_DAYS + 1);
  for (let d = 0; d <= REGISTRATION_DAYS; d++) dayStart[d] = clinicInstant(addDays(today, -d), '08:00', zone).getTime();
  const nowMs = now.getTime();
  /** An instant in clinic hours `daysAgo` days ago, never after now. */
  const instantDaysAgo = (daysAgo: number) => {
    const t = dayStart[daysAgo] + rng.int(0, WORK_MINUTES - 1) * 60_000 + rng.int(0, 59_999);
    return t <= nowMs ? t : Math.min(nowMs, t - DAY_MS);
  };

  const ids = await maxIds();

  // Doctors first: one small transaction.
  const doctorUserIds: number[] = [];
  const staffSince = new Date(dayStart[REGISTRATION_DAYS]);
  {
    const userRows: NewUserRow[] = [];
    const practitionerRows: NewPractitionerRow[] = [];
    for (let i = 0; i < doctorCount; i++) {
      const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
      const name = personName(rng, sex);
      const id = ++ids.user;
      doctorUserIds.push(id);
      userRows.push({
        id, email: null, name, nameFolded: foldName(name), role: 'doctor', phone: kenyanMobile(rng), isActive: true,
        dateJoined: staffSince, passwordHash: null, mustChangePassword: false, sessionVersion: 1, updatedAt: staffSince,
      });
      practitionerRows.push({ id: ++ids.practitioner, userId: id, specialty: DOCTOR_SPECIALTIES[i % DOCTOR_SPECIALTIES.length], bookable: true, slotMinutes: 20 });
    }
    await insertDoctorsBulk(userRows, practitionerRows, chunk);
  }
  log(`doctors   ${doctorCount} created`);

  // Patients: users + profiles, numbers from one allocated block.
  const firstNumber = patientCount > 0 ? await allocateSequence('patient_number', patientCount) : 0;
  const patientUserIds = new Float64Array(patientCount);
  const registeredDaysAgo = new Int16Array(patientCount);
  const registeredAt = new Float64Array(patientCount);
  const ages = new Int16Array(patientCount);
  const sexes: Sex[] = new Array(patientCount);
  const patientProgress = progressPrinter('patients', patientCount, log);
  for (let from = 0; from < patientCount; from += batch) {
    const to = Math.min(patientCount, from + batch);
    const userRows: NewUserRow[] = [];
    const patientRows: NewPatientRow[] = [];
    for (let i = from; i < to; i++) {
      const sex = pickSex(rng);
      const person = pickPerson(rng, sex);
      const name = person.name;
      const age = pickAge(rng);
      const daysAgo = rng.int(0, REGISTRATION_DAYS);
      const at = new Date(instantDaysAgo(daysAgo));
      const id = ++ids.user;
      patientUserIds[i] = id;
      registeredDaysAgo[i] = daysAgo;
      registeredAt[i] = at.getTime();
      ages[i] = age;
      sexes[i] = sex;
      userRows.push({
        id, email: null, name, nameFolded: foldName(name), role: 'patient', phone: rng.chance(age < 12 ? 0.2 : 0.95) ? kenyanMobile(rng) : null,
        address: rng.pick(TOWNS), isActive: true, dateJoined: at, passwordHash: null, mustChangePassword: false,
        sessionVersion: 1, updatedAt: at,
      });
      patientRows.push({
        id: ++ids.patient, userId: id, patientNumber: formatPatientNumber(firstNumber + i),
        dateOfBirth: addDays(today, -pickBirthOffsetDays(rng, age)), sex, bloodType: pickBloodType(rng),
        allergies: pickAllergies(rng), medicalHistory: pickMedicalHistory(rng, age, sex),
        ...pickEmergencyContact(rng, { age, sex, person }), createdAt: at, updatedAt: at,
      });
    }
    await insertPatientsBulk(userRows, patientRows, chunk);
    patientProgress(to, (to - from) * 2);
  }

  // Records with their diagnoses and prescription lines.
  let dxCount = 0, rxCount = 0;
  const recordProgress = progressPrinter('records', recordCount, log);
  for (let from = 0; from < recordCount; from += batch) {
    const to = Math.min(recordCount, from + batch);
    const recordRows: NewMedicalRecordRow[] = [];
    const dxRows: NewDiagnosisRow[] = [];
    const rxRows: NewPrescriptionRow[] = [];
    for (let i = from; i < to; i++) {
      const p = rng.int(0, patientCount - 1);
      const daysAgo = rng.int(0, Math.min(registeredDaysAgo[p], RECORD_DAYS));
      const at = new Date(Math.max(instantDaysAgo(daysAgo), registeredAt[p]));
      const age = Math.max(0, ages[p] - Math.floor(daysAgo / 365));
      const condition = pickCondition(rng, age, sexes[p]);
      const visit = buildVisit(rng, age, sexes[p], condition);
      const recordId = ++ids.record;
      recordRows.push({
        id: recordId, patientId: patientUserIds[p], doctorId: rng.pick(doctorUserIds), appointmentId: null,
        symptoms: visit.symptoms, notes: visit.notes, ...visit.vitals, status: 'final', version: 1, createdAt: at, updatedAt: at,
      });
      visit.diagnoses.forEach((d, position) => dxRows.push({ ...d, id: ++ids.diagnosis, recordId, position }));
      visit.prescriptions.forEach((x, position) => rxRows.push({ ...x, id: ++ids.prescription, recordId, position }));
    }
    await insertRecordsBulk(recordRows, dxRows, rxRows, chunk);
    dxCount += dxRows.length;
    rxCount += rxRows.length;
    recordProgress(to, recordRows.length + dxRows.length + rxRows.length);
  }
  // The batches added their visits to the dashboard's summary tables; link each patient's visits in order.
  if (recordCount) await linkBulkVisits();

  const seconds = (performance.now() - started) / 1000;
  const total = doctorCount * 2 + patientCount * 2 + recordCount + dxCount + rxCount;
  log(`done: ${fmt(total)} rows in ${seconds.toFixed(1)} s (${fmt(Math.round(total / seconds))} rows/s)`);
  return {
    doctors: doctorCount, patients: patientCount, records: recordCount, diagnoses: dxCount, prescriptions: rxCount,
    firstPatientNumber: patientCount ? formatPatientNumber(firstNumber) : null,
    lastPatientNumber: patientCount ? formatPatientNumber(firstNumber + patientCount - 1) : null,
    seconds,
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Progress lines for one phase: at most one every 2 s (and the last), with the phase's rows/s so far. */
function progressPrinter(what: string, total: number, log: (line: string) => void) {
  const started = performance.now();
  let rows = 0;
  let lastPrint = 0;
  return (done: number, batchRows: number) => {
    rows += batchRows;
    const nowMs = performance.now();
    if (done < total && nowMs - lastPrint < 2000) return;
    lastPrint = nowMs;
    const s = (nowMs - started) / 1000;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    log(`${what.padEnd(9)} ${fmt(done).padStart(11)} / ${fmt(total)} (${String(pct).padStart(3)}%)  ${fmt(Math.round(rows / Math.max(s, 1e-6))).padStart(7)} rows/s  ${s.toFixed(0).padStart(4)} s`);
  };
}
