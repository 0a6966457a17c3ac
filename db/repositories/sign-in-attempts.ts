import { and, count, eq, gte, min } from 'drizzle-orm';
import type { AttemptKind } from '../../core/vocabulary';
import { q, tables } from '../index';
import { insertOne } from '../dialect';

/** Records one attempt: a sign-in (page or API; `kind` defaults to 'sign_in'), a current-password check, a refused registration. */
export async function recordSignInAttempt(values: typeof tables.signInAttempts.$inferInsert): Promise<void> {
  await insertOne(tables.signInAttempts, values);
}

/** Who a limit is counted for: an account by e-mail or by user id, or a client address. */
export type AttemptKey = { email: string } | { userId: number } | { clientAddress: string };

/**
 * Failed attempts of `kind` since `since` for the key: `{ count, oldest }` where `oldest` is the
 * earliest failure in the window (for Retry-After). Other kinds never count.
 */
export async function countFailuresSince(kind: AttemptKind, by: AttemptKey, since: Date) {
  const db = await q();
  const s = tables.signInAttempts;
  const key = 'email' in by ? eq(s.email, by.email) : 'userId' in by ? eq(s.userId, by.userId) : eq(s.clientAddress, by.clientAddress);
  const [row] = await db.select({ n: count(), oldest: min(s.at) }).from(s)
    .where(and(eq(s.kind, kind), key, eq(s.succeeded, false), gte(s.at, since)));
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest as unknown as Date) : null };
}
