import { and, asc, count, desc, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { insertMany, insertOne } from '../dialect';
import { syncRecordVisit } from './stats-sync';

export type MedicalRecordRow = typeof tables.medicalRecords.$inferSelect;
export type NewMedicalRecord = typeof tables.medicalRecords.$inferInsert;
export type NewDiagnosis = Omit<typeof tables.diagnoses.$inferInsert, 'recordId' | 'position'>;
export type NewPrescription = Omit<typeof tables.prescriptions.$inferInsert, 'recordId' | 'position'>;

/**
 * Creates a medical record with its diagnoses (FHIR Condition) and prescription lines
 * (FHIR MedicationRequest) in one transaction; returns the record id.
 */
export async function createMedicalRecord(
  record: NewMedicalRecord,
  diagnoses: NewDiagnosis[] = [],
  prescriptions: NewPrescription[] = [],
): Promise<number> {
  return withTransaction(async () => {
    const recordId = await insertOne(tables.medicalRecords, record);
    await replaceRecordLines(recordId, diagnoses, prescriptions);
    return recordId;
  });
}

/**
 * Replaces the diagnoses and prescription lines of record `recordId` (inside the caller's transaction)
 * and brings the record's dashboard statistics up to date.
 */
export async function replaceRecordLines(recordId: number, diagnoses: NewDiagnosis[], prescriptions: NewPrescription[]) {
  const db = await q();
  await db.delete(tables.diagnoses).where(eq(tables.diagnoses.recordId, recordId));
  await db.delete(tables.prescriptions).where(eq(tables.prescriptions.recordId, recordId));
  // ICD-10 codes are upper case (WHO ICD-10 tabular list): 'i10' from an import is stored as 'I10', so
  // both databases group them as one code (MySQL compares case-insensitively, SQLite does not).
  if (diagnoses.length) {
    await insertMany(tables.diagnoses, diagnoses.map((d, i) => ({
      ...d, code: d.system === 'ICD-10' && d.code ? d.code.trim().toUpperCase() : d.code, recordId, position: i,
    })));
  }
  if (prescriptions.length) await insertMany(tables.prescriptions, prescriptions.map((p, i) => ({ ...p, recordId, position: i })));
  await syncRecordVisit(recordId);
}

/** Updates the given columns of record `id` (and its dashboard statistics). */
export async function updateMedicalRecord(id: number, values: Partial<NewMedicalRecord>): Promise<void> {
  await withTransaction(async () => {
    const db = await q();
    await db.update(tables.medicalRecords).set({ ...values, updatedAt: new Date() }).where(eq(tables.medicalRecords.id, id));
    await syncRecordVisit(id);
  });
}

/** The record with `id`, or undefined. */
export async function findMedicalRecordById(id: number): Promise<MedicalRecordRow | undefined> {
  const db = await q();
  const [row] = await db.select().from(tables.medicalRecords).where(eq(tables.medicalRecords.id, id)).limit(1);
  return row;
}

/**
 * The latest records of patient `patientId` that are not entered-in-error, newest first,
 * each with its doctor's name and its diagnoses `[{system, code, display, rank}]`.
 */
export async function listPatientRecords(patientId: number, limit = 10) {
  const db = await q();
  const { medicalRecords: r, users, diagnoses: d } = tables;
  const records = await db.select({
    id: r.id, createdAt: r.createdAt, doctorName: users.name, symptoms: r.symptoms, status: r.status,
    systolicMmHg: r.systolicMmHg, diastolicMmHg: r.diastolicMmHg, temperatureC: r.temperatureC, weightKg: r.weightKg,
  }).from(r).innerJoin(users, eq(users.id, r.doctorId))
    .where(and(eq(r.patientId, patientId), ne(r.status, 'entered-in-error')))
    .orderBy(desc(r.createdAt), desc(r.id)).limit(limit);
  const ids = records.map((x) => x.id);
  const dx = ids.length
    ? await db.select({ recordId: d.recordId, system: d.system, code: d.code, display: d.display, rank: d.rank })
      .from(d).where(inArray(d.recordId, ids)).orderBy(asc(d.recordId), asc(d.position))
    : [];
  return records.map((rec) => ({ ...rec, diagnoses: dx.filter((x) => x.recordId === rec.id) }));
}

/** Number of records (not entered-in-error) created in `[from, to)`. */
export async function countRecordsBetween(from: Date, to: Date): Promise<number> {
  const db = await q();
  const r = tables.medicalRecords;
  const [row] = await db.select({ n: count() }).from(r)
    .where(and(gte(r.createdAt, from), lt(r.createdAt, to), ne(r.status, 'entered-in-error')));
  return Number(row.n);
}

/** Creation instants of the records (not entered-in-error) in `[from, to)`, for bucketing in clinic time. */
export async function listRecordInstants(from: Date, to: Date): Promise<Date[]> {
  const db = await q();
  const r = tables.medicalRecords;
  const rows = await db.select({ at: r.createdAt }).from(r)
    .where(and(gte(r.createdAt, from), lt(r.createdAt, to), ne(r.status, 'entered-in-error')));
  return rows.map((x) => x.at);
}

/** Diagnoses of record `recordId` in order. */
export async function listRecordDiagnoses(recordId: number) {
  const db = await q();
  return db.select().from(tables.diagnoses).where(eq(tables.diagnoses.recordId, recordId)).orderBy(asc(tables.diagnoses.position));
}

/** Prescription lines of record `recordId` in order. */
export async function listRecordPrescriptions(recordId: number) {
  const db = await q();
  return db.select().from(tables.prescriptions).where(eq(tables.prescriptions.recordId, recordId)).orderBy(asc(tables.prescriptions.position));
}

/** Whether doctor `doctorId` has written a record for patient `patientId`. */
export async function haveRecordTogether(doctorId: number, patientId: number): Promise<boolean> {
  const db = await q();
  const r = tables.medicalRecords;
  const [row] = await db.select({ id: r.id }).from(r).where(and(eq(r.doctorId, doctorId), eq(r.patientId, patientId))).limit(1);
  return !!row;
}

/**
 * One page of patient `patientId`'s records, newest first (entered-in-error ones included only when
 * `includeEnteredInError`), each with its doctor's name, diagnoses and prescription lines; plus the count.
 */
export async function listPatientRecordsPage(patientId: number, page: { limit: number; offset: number }, includeEnteredInError = false) {
  const db = await q();
  const { medicalRecords: r, users, diagnoses: d, prescriptions: p } = tables;
  const where = and(eq(r.patientId, patientId), includeEnteredInError ? undefined : ne(r.status, 'entered-in-error'));
  // The page reads medical_records alone (so both databases walk the (patient_id, created_at) index
  // without a sort); names and lines come after, by id.
  const [records, [total]] = await Promise.all([
    db.select().from(r).where(where).orderBy(desc(r.createdAt), desc(r.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(r).where(where),
  ]);
  const ids = records.map((x) => x.id);
  const doctorIds = [...new Set(records.map((x) => x.doctorId))];
  const [dx, rx, doctors] = ids.length
    ? await Promise.all([
      db.select().from(d).where(inArray(d.recordId, ids)).orderBy(asc(d.recordId), asc(d.position)),
      db.select().from(p).where(inArray(p.recordId, ids)).orderBy(asc(p.recordId), asc(p.position)),
      db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, doctorIds)),
    ])
    : [[], [], []];
  const names = new Map(doctors.map((x) => [x.id, x.name]));
  return {
    count: Number(total.n),
    rows: records.map((record) => ({
      ...record, doctorName: names.get(record.doctorId) ?? '',
      diagnoses: dx.filter((x) => x.recordId === record.id),
      prescriptions: rx.filter((x) => x.recordId === record.id),
    })),
  };
}

/** Patient `patientId`'s vital signs over time (records not entered-in-error, oldest first, at most `limit`, the latest kept). */
export async function listPatientVitals(patientId: number, limit = 200) {
  const db = await q();
  const r = tables.medicalRecords;
  const rows = await db.select({
    at: r.createdAt, systolicMmHg: r.systolicMmHg, diastolicMmHg: r.diastolicMmHg, temperatureC: r.temperatureC,
    weightKg: r.weightKg, heightCm: r.heightCm, heartRatePerMin: r.heartRatePerMin, respiratoryRatePerMin: r.respiratoryRatePerMin, spo2Pct: r.spo2Pct,
  }).from(r).where(and(eq(r.patientId, patientId), ne(r.status, 'entered-in-error'))).orderBy(desc(r.createdAt), desc(r.id)).limit(limit);
  return rows.reverse();
}
