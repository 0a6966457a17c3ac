import { and, asc, eq, exists } from 'drizzle-orm';
import { q, tables } from '../index';
import { insertOne } from '../dialect';

export type PractitionerRow = typeof tables.practitioners.$inferSelect;

/** Creates the practitioner profile of doctor user `userId`; returns its id. */
export async function createPractitioner(values: typeof tables.practitioners.$inferInsert): Promise<number> {
  return insertOne(tables.practitioners, values);
}

/** The practitioner profile of user `userId`, or undefined. */
export async function findPractitionerByUserId(userId: number): Promise<PractitionerRow | undefined> {
  const db = await q();
  const [row] = await db.select().from(tables.practitioners).where(eq(tables.practitioners.userId, userId)).limit(1);
  return row;
}

/**
 * Doctors a booking can go to: active, bookable, and with at least one weekly working-hours range
 * (a doctor without hours has no slot to offer): `{ id (user id), name, specialty, slotMinutes }`, by name.
 */
export async function listBookableDoctors() {
  const db = await q();
  const { users, practitioners, workingHours } = tables;
  const hasHours = db.select({ one: workingHours.id }).from(workingHours).where(eq(workingHours.doctorId, users.id));
  return db.select({ id: users.id, name: users.name, specialty: practitioners.specialty, slotMinutes: practitioners.slotMinutes })
    .from(practitioners).innerJoin(users, eq(users.id, practitioners.userId))
    .where(and(eq(users.isActive, true), eq(practitioners.bookable, true), eq(users.role, 'doctor'), exists(hasHours)))
    .orderBy(asc(users.nameFolded), asc(users.id));
}

/** Updates the given columns of the practitioner profile of user `userId`. */
export async function updatePractitionerByUserId(userId: number, values: Partial<typeof tables.practitioners.$inferInsert>): Promise<void> {
  const db = await q();
  await db.update(tables.practitioners).set(values).where(eq(tables.practitioners.userId, userId));
}
