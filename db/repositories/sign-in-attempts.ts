import { and, count, eq, gte, min } from 'drizzle-orm';
import { q, tables } from '../index';
import { insertOne } from '../dialect';

/** Records one sign-in attempt (page or API). */
export async function recordSignInAttempt(values: typeof tables.signInAttempts.$inferInsert): Promise<void> {
  await insertOne(tables.signInAttempts, values);
}

/**
 * Failed attempts since `since` for `email` or for `clientAddress`:
 * `{ count, oldest }` where `oldest` is the earliest failure in the window (for Retry-After).
 */
export async function countFailuresSince(by: { email: string } | { clientAddress: string }, since: Date) {
  const db = await q();
  const s = tables.signInAttempts;
  const key = 'email' in by ? eq(s.email, by.email) : eq(s.clientAddress, by.clientAddress);
  const [row] = await db.select({ n: count(), oldest: min(s.at) }).from(s)
    .where(and(key, eq(s.succeeded, false), gte(s.at, since)));
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest as unknown as Date) : null };
}
