import { and, asc, count, eq, sql } from 'drizzle-orm';
import { preparedQuery, q, tables } from '../index';
import { insertOne } from '../dialect';
import type { Role } from '../../core/vocabulary';

export type UserRow = typeof tables.users.$inferSelect;
export type NewUser = typeof tables.users.$inferInsert;

/** Creates a user and returns its id. `email` must already be lower-cased (core/text normalizeEmail). */
export async function createUser(values: NewUser): Promise<number> {
  return insertOne(tables.users, values);
}

/** The user with `id`, or undefined. */
export async function findUserById(id: number): Promise<UserRow | undefined> {
  const [row] = await userByIdQuery({ id });
  return row;
}
const userByIdQuery = preparedQuery((db) => db.select().from(tables.users).where(eq(tables.users.id, sql.placeholder('id'))).limit(1).prepare());

/** The user with the (already normalised) `email`, or undefined. */
export async function findUserByEmail(email: string): Promise<UserRow | undefined> {
  const db = await q();
  const [row] = await db.select().from(tables.users).where(eq(tables.users.email, email)).limit(1);
  return row;
}

/** Updates the given columns of user `id`; returns whether a row changed. */
export async function updateUser(id: number, values: Partial<NewUser>): Promise<void> {
  const db = await q();
  await db.update(tables.users).set({ ...values, updatedAt: new Date() }).where(eq(tables.users.id, id));
}

/** Bumps the session version of user `id`: every browser session and API token issued before stops working. */
export async function bumpSessionVersion(id: number): Promise<void> {
  const db = await q();
  await db.update(tables.users)
    .set({ sessionVersion: sql`${tables.users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(tables.users.id, id));
}

/** Total number of users. */
export async function countUsers(): Promise<number> {
  const db = await q();
  const [row] = await db.select({ n: count() }).from(tables.users);
  return Number(row.n);
}

/** Users with `role`, by name then id. */
export async function listUsersByRole(role: Role, limit = 100): Promise<UserRow[]> {
  const db = await q();
  return db.select().from(tables.users).where(eq(tables.users.role, role))
    .orderBy(asc(tables.users.nameFolded), asc(tables.users.id)).limit(limit);
}
