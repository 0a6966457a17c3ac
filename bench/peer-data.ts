/**
 * E-Health's side of the peer comparison, written before the server starts (bulk writers run alone):
 * the demo clinic as `npm start` seeds it, the large seed at the peer's sizes (`npm run db:seed --
 * --patients 1000 --records 20000 --doctors 10`), the demo patient topped up to 512 visits (the
 * "heavy" patient of the history endpoint), and the demo doctor given 2 000 more appointments in
 * distinct 30-minute slots from 180 days ago to 60 days ahead (past ones completed or cancelled, future
 * ones pending, confirmed or cancelled, as the peer's seed lays them out), with API bearer tokens for
 * the demo admin and that doctor. A SQLite file (`tempSqlite`) or a fresh MySQL database.
 */
import crypto from 'node:crypto';
import { closeDatabase, openMysql, useDatabase, withTransaction } from '../db';
import { createAppointment, listDoctorAppointments } from '../db/repositories/appointments';
import { insertRecordsBulk, linkBulkVisits, maxIds, type NewDiagnosisRow, type NewMedicalRecordRow, type NewPrescriptionRow } from '../db/repositories/bulk-load';
import { findPatientByUserId } from '../db/repositories/patients';
import { listPatientHistoryPage } from '../db/repositories/record-reads';
import { findUserByEmail, listUsersByRole } from '../db/repositories/users';
import type { AppointmentStatus, Sex } from '../core/vocabulary';
import { addDays, ageOn, clinicInstant, clinicToday, clinicZone } from '../core/time';
import { prepareDatabase } from '../lib/clinic/prepare-database';
import { issueApiToken } from '../lib/auth/tokens';
import { buildVisit, pickCondition } from '../lib/seed/generate';
import { seedLarge } from '../lib/seed/large';
import { createRng } from '../lib/seed/random';
import { DEMO_LOGINS } from '../lib/seed/demo';
import { tempSqlite } from './lib';
import { PEER_SEED } from './peer-django';

/** The history endpoint's patient has this many visits (the peer's patient1 has 512). */
export const HEAVY_RECORDS = 512;
/** Appointments added for the demo doctor (the peer gives each of its 10 doctors 20 000 / 10). */
export const DOCTOR_APPOINTMENTS = 2000;
const SLOT_MS = 30 * 60_000;

export interface EhealthData {
  /** DATABASE_URL for the server. */
  url: string;
  /** The SQLite file (the bare server reads it), undefined on MySQL. */
  sqliteFile?: string;
  adminToken: string;
  doctorToken: string;
  doctorId: number;
  /** User id of the heavy patient (what `patient_id` means in E-Health's API). */
  heavyPatientId: number;
  remove(): Promise<void>;
}

/** Fills the process-wide database (migrated, empty); returns the tokens and ids. */
async function fill(log: (line: string) => void): Promise<Omit<EhealthData, 'url' | 'sqliteFile' | 'remove'>> {
  const started = performance.now();
  await prepareDatabase({ seedDemo: true });
  const demoUsers = (await maxIds()).user;
  const large = await seedLarge({ patients: PEER_SEED.patients, records: PEER_SEED.records, doctors: PEER_SEED.doctors });
  log(`E-Health: demo clinic + large seed (${large.patients} patients, ${large.records} records, ${large.doctors} doctors) in ${large.seconds.toFixed(1)} s`);

  const email = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!.email;
  const admin = await findUserByEmail(email('admin'));
  const doctor = await findUserByEmail(email('doctor'));
  const patient = await findUserByEmail(email('patient'));
  if (!admin || !doctor || !patient) throw new Error('the demo logins are missing after seeding');

  // The heavy patient: the demo patient, topped up to HEAVY_RECORDS visits with the demo doctor.
  const profile = await findPatientByUserId(patient.id);
  const have = await countVisits(patient.id);
  const add = Math.max(0, HEAVY_RECORDS - have);
  if (add > 0) {
    const rng = createRng(512);
    const ids = await maxIds();
    const sex: Sex = (profile?.sex as Sex | null | undefined) ?? 'female';
    const age = profile?.dateOfBirth ? ageOn(profile.dateOfBirth) : 40;
    const now = Date.now();
    const earliest = Math.max(patient.dateJoined.getTime(), now - 730 * 86_400_000);
    const records: NewMedicalRecordRow[] = [];
    const dx: NewDiagnosisRow[] = [];
    const rx: NewPrescriptionRow[] = [];
    const times = Array.from({ length: add }, () => earliest + Math.floor(rng.next() * (now - 60_000 - earliest))).sort((a, b) => a - b);
    for (const t of times) {
      const visit = buildVisit(rng, age, sex, pickCondition(rng, age, sex));
      const id = ++ids.record;
      const at = new Date(t);
      records.push({
        id, patientId: patient.id, doctorId: doctor.id, appointmentId: null, symptoms: visit.symptoms, notes: visit.notes,
        ...visit.vitals, status: 'final', version: 1, createdAt: at, updatedAt: at,
      });
      visit.diagnoses.forEach((d, position) => dx.push({ ...d, id: ++ids.diagnosis, recordId: id, position }));
      visit.prescriptions.forEach((x, position) => rx.push({ ...x, id: ++ids.prescription, recordId: id, position }));
    }
    await insertRecordsBulk(records, dx, rx);
    await linkBulkVisits();
  }

  // The demo doctor's 2 000 appointments with large-seed patients (none of whom has another appointment).
  const zone = clinicZone();
  const today = clinicToday(new Date(), zone);
  const now = Date.now();
  const existing = await listDoctorAppointments(doctor.id, clinicInstant(addDays(today, -181), '00:00', zone), clinicInstant(addDays(today, 62), '00:00', zone));
  const free: number[] = [];
  for (let d = -180; d <= 60; d++) {
    const day = addDays(today, d);
    for (let m = 8 * 60; m <= 16 * 60 + 30; m += 30) {
      const start = clinicInstant(day, `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, zone).getTime();
      // Skip the slot around "now" (neither past nor future) and any slot the demo already uses.
      if (start < now && start + SLOT_MS > now) continue;
      if (existing.some((a) => a.startAt.getTime() < start + SLOT_MS && a.endAt.getTime() > start)) continue;
      free.push(start);
    }
  }
  const rng = createRng(2000);
  const slots = rng.sample(free, Math.min(DOCTOR_APPOINTMENTS, free.length)).sort((a, b) => a - b);
  const patients = (await listUsersByRole('patient', 100_000)).filter((u) => u.id > demoUsers).map((u) => u.id);
  if (!patients.length) throw new Error('no large-seed patients to book');
  await withTransaction(async () => {
    for (const start of slots) {
      const past = start < now;
      const status: AppointmentStatus = past
        ? (rng.chance(0.82) ? 'completed' : 'cancelled')
        : rng.weighted([['pending', 45], ['confirmed', 45], ['cancelled', 10]] as const);
      const createdAt = new Date(Math.min(start - rng.int(1, 14) * 86_400_000, now - 60_000));
      await createAppointment({
        patientId: rng.pick(patients), doctorId: doctor.id, startAt: new Date(start), endAt: new Date(start + SLOT_MS), status,
        reason: rng.pick(['Follow-up', 'Check-up', 'Fever', 'Cough', 'Blood pressure review', 'Back pain']), notes: null,
        cancellationReason: status === 'cancelled' ? 'Patient asked to cancel' : null, createdById: doctor.id, createdAt,
        updatedAt: status === 'completed' ? new Date(start + SLOT_MS) : createdAt,
      });
    }
  });
  const [adminToken, doctorToken] = [(await issueApiToken(admin)).token, (await issueApiToken(doctor)).token];
  log(`E-Health: heavy patient ${patient.id} (+${add} visits → ${HEAVY_RECORDS}), doctor ${doctor.id} +${slots.length} appointments; data ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { adminToken, doctorToken, doctorId: doctor.id, heavyPatientId: patient.id };
}

/** Visits in the patient's history (what the history endpoint counts). */
async function countVisits(patientUserId: number): Promise<number> {
  return (await listPatientHistoryPage(patientUserId, { limit: 1, offset: 0 })).count;
}

/**
 * A fresh E-Health database filled for the comparison: a temp SQLite file, or, when `mysqlBase`
 * (`mysql://root@127.0.0.1:3306`) is given, a new database `ehealth_bench_<random>` on that server
 * (local servers only), dropped by `remove()`.
 */
export async function prepareEhealth(log: (line: string) => void, mysqlBase?: string): Promise<EhealthData> {
  if (!mysqlBase) {
    let filled: Awaited<ReturnType<typeof fill>> | undefined;
    const db = await tempSqlite(async () => { filled = await fill(log); });
    return { ...filled!, url: db.url, sqliteFile: db.file, remove: async () => db.remove() };
  }
  const u = new URL(mysqlBase);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(u.hostname)) throw new Error(`refusing non-local database server ${u.hostname}`);
  const name = `ehealth_bench_${crypto.randomBytes(4).toString('hex')}`;
  const mysql = await import('mysql2/promise');
  const adminConn = await mysql.createConnection({ uri: mysqlBase });
  await adminConn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await adminConn.end();
  const drop = async () => {
    const c = await mysql.createConnection({ uri: mysqlBase });
    await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await c.end();
  };
  u.pathname = `/${name}`;
  const url = u.toString();
  try {
    const db = await openMysql(url);
    await db.migrate();
    useDatabase(db);
    try {
      const filled = await fill(log);
      return { ...filled, url, remove: drop };
    } finally {
      await closeDatabase();
    }
  } catch (e) {
    await drop().catch(() => {});
    throw e;
  }
}
