import { eq, sql } from 'drizzle-orm';
import { addPatientRegistration, lockPatientCreatedAt, syncPatientVisits } from './stats-sync';
import { preparedQuery, q, tables, withTransaction } from '../index';
import { insertOne } from '../dialect';
import { allocateSequence } from './sequences';
import { createUser, type NewUser } from './users';

export type PatientRow = typeof tables.patients.$inferSelect;
export type NewPatient = typeof tables.patients.$inferInsert;

/** Creates the patient profile (FHIR Patient) of patient user `userId`; returns its id. */
export async function createPatient(values: NewPatient): Promise<number> {
  return withTransaction(async () => {
    const id = await insertOne(tables.patients, values);
    await addPatientRegistration(values.createdAt, 1);
    return id;
  });
}

/** The patient profile of user `userId`, or undefined. */
export async function findPatientByUserId(userId: number): Promise<PatientRow | undefined> {
  const [row] = await patientByUserIdQuery({ userId });
  return row;
}
const patientByUserIdQuery = preparedQuery((db) => db.select().from(tables.patients).where(eq(tables.patients.userId, sql.placeholder('userId'))).limit(1).prepare());

/** Updates the given columns of the profile of user `userId`. */
export async function updatePatientByUserId(userId: number, values: Partial<NewPatient>): Promise<void> {
  await withTransaction(async () => {
    const db = await q();
    const before = values.createdAt !== undefined ? await lockPatientCreatedAt(userId) : undefined;
    await db.update(tables.patients).set({ updatedAt: new Date(), ...values }).where(eq(tables.patients.userId, userId));
    if (before && values.createdAt) {
      await addPatientRegistration(before, -1);
      await addPatientRegistration(values.createdAt, 1);
    }
    if (values.sex !== undefined || values.dateOfBirth !== undefined) await syncPatientVisits(userId);
  });
}

/**
 * Creates a patient user and its profile in one transaction, allocating the next clinic patient number
 * (`EH-000001`, …). `user.role` is forced to `patient`. Returns `{ userId, patientId, patientNumber }`.
 */
export async function createPatientWithUser(
  user: Omit<NewUser, 'role'>,
  profile: Omit<NewPatient, 'userId' | 'patientNumber'>,
) {
  return withTransaction(async () => {
    const userId = await createUser({ ...user, role: 'patient' });
    const patientNumber = formatPatientNumber(await allocateSequence('patient_number'));
    const patientId = await createPatient({ ...profile, userId, patientNumber });
    return { userId, patientId, patientNumber };
  });
}

/** Clinic patient number for sequence value `n`: `EH-000042`. */
export function formatPatientNumber(n: number): string {
  return `EH-${String(n).padStart(6, '0')}`;
}
