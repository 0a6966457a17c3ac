/**
 * Bulk loading for the large seed: rows with ids assigned by the caller go in as multi-row INSERTs
 * (`chunk` rows a statement), each call in one transaction, with the dashboard's summary tables kept
 * in the same transaction. Run with no other writer (an id assigned by the caller could clash).
 */
import { max, type AnyColumn } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { q, tables, withTransaction } from '../index';
import { insertMany } from '../dialect';
import { addPatientRegistrationsMany, addRecordVisitsInIdRange, recomputePrevDays } from './stats-rebuild';

export type NewUserRow = typeof tables.users.$inferInsert;
export type NewPractitionerRow = typeof tables.practitioners.$inferInsert;
export type NewPatientRow = typeof tables.patients.$inferInsert;
export type NewMedicalRecordRow = typeof tables.medicalRecords.$inferInsert;
export type NewDiagnosisRow = typeof tables.diagnoses.$inferInsert;
export type NewPrescriptionRow = typeof tables.prescriptions.$inferInsert;

/** The largest id in `table` (0 when empty). */
async function maxId(table: MySqlTable, idColumn: AnyColumn): Promise<number> {
  const db = await q();
  const [row] = await db.select({ m: max(idColumn) }).from(table);
  return Number(row?.m ?? 0);
}

/** The largest id of each table the large seed fills (0 for an empty table). */
export async function maxIds() {
  const { users, practitioners, patients, medicalRecords, diagnoses, prescriptions } = tables;
  return {
    user: await maxId(users, users.id), practitioner: await maxId(practitioners, practitioners.id),
    patient: await maxId(patients, patients.id), record: await maxId(medicalRecords, medicalRecords.id),
    diagnosis: await maxId(diagnoses, diagnoses.id), prescription: await maxId(prescriptions, prescriptions.id),
  };
}

/** Inserts doctors: their users and practitioner rows, in one transaction. */
export async function insertDoctorsBulk(users: NewUserRow[], practitioners: NewPractitionerRow[], chunk = 500): Promise<void> {
  await withTransaction(async () => {
    await insertMany(tables.users, users, chunk);
    await insertMany(tables.practitioners, practitioners, chunk);
  });
}

/** Inserts patients (users and profiles) and counts their registrations, in one transaction. */
export async function insertPatientsBulk(users: NewUserRow[], patients: NewPatientRow[], chunk = 500): Promise<void> {
  await withTransaction(async () => {
    await insertMany(tables.users, users, chunk);
    await insertMany(tables.patients, patients, chunk);
    await addPatientRegistrationsMany(patients.map((p) => p.createdAt));
  });
}

/**
 * Inserts records (ids ascending, none counted yet) with their lines, and adds them to the dashboard's
 * summary tables, in one transaction. Call `linkBulkVisits()` after the last batch.
 */
export async function insertRecordsBulk(records: NewMedicalRecordRow[], diagnoses: NewDiagnosisRow[], prescriptions: NewPrescriptionRow[], chunk = 500): Promise<void> {
  if (!records.length) return;
  await withTransaction(async () => {
    await insertMany(tables.medicalRecords, records, chunk);
    await insertMany(tables.diagnoses, diagnoses, chunk);
    await insertMany(tables.prescriptions, prescriptions, chunk);
    await addRecordVisitsInIdRange(records[0].id as number, records[records.length - 1].id as number);
  });
}

/** Links each patient's visits in order in the summary tables (after bulk-loaded records). */
export async function linkBulkVisits(): Promise<void> {
  await recomputePrevDays();
}
