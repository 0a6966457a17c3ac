import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { preparedQuery, q, tables } from '../index';
import { affectedRows, insertOne } from '../dialect';

export type ApiTokenRow = typeof tables.apiTokens.$inferSelect;

/** Stores a new token (its SHA-256 hex hash only); returns its id. */
export async function createApiToken(values: typeof tables.apiTokens.$inferInsert): Promise<number> {
  return insertOne(tables.apiTokens, values);
}

/** The token with hash `tokenHash` joined with its user, or undefined. */
export async function findApiTokenWithUser(tokenHash: string) {
  const [row] = await tokenWithUserQuery({ tokenHash });
  return row;
}
const tokenWithUserQuery = preparedQuery((db) => {
  const { apiTokens: t, users: u } = tables;
  return db.select({ token: t, user: u }).from(t).innerJoin(u, eq(u.id, t.userId))
    .where(eq(t.tokenHash, sql.placeholder('tokenHash'))).limit(1).prepare();
});

/** Marks the token with hash `tokenHash` revoked now; returns whether one was revoked. */
export async function revokeApiToken(tokenHash: string): Promise<boolean> {
  const db = await q();
  const res = await db.update(tables.apiTokens).set({ revokedAt: new Date() })
    .where(and(eq(tables.apiTokens.tokenHash, tokenHash), isNull(tables.apiTokens.revokedAt)));
  return affectedRows(res) > 0;
}

/** Records that token `id` was used at `at`. */
export async function touchApiToken(id: number, at: Date): Promise<void> {
  const db = await q();
  await db.update(tables.apiTokens).set({ lastUsedAt: at }).where(eq(tables.apiTokens.id, id));
}

/** Moves token `id` to session version `sessionVersion` (keeps the caller's own session across a version bump). */
export async function setApiTokenSessionVersion(id: number, sessionVersion: number): Promise<void> {
  const db = await q();
  await db.update(tables.apiTokens).set({ sessionVersion }).where(eq(tables.apiTokens.id, id));
}

/**
 * Revokes the open (unrevoked, unexpired) API tokens and browser sessions of user `userId` issued at
 * session version `sessionVersion` (the ones that were valid), except token `exceptId` when given;
 * returns how many were revoked.
 */
export async function revokeApiTokensOfUser(userId: number, sessionVersion: number, opts: { at?: Date; exceptId?: number } = {}): Promise<number> {
  const db = await q();
  const t = tables.apiTokens;
  const at = opts.at ?? new Date();
  const res = await db.update(t).set({ revokedAt: at })
    .where(and(eq(t.userId, userId), eq(t.sessionVersion, sessionVersion), isNull(t.revokedAt), gt(t.expiresAt, at),
      opts.exceptId === undefined ? undefined : ne(t.id, opts.exceptId)));
  return affectedRows(res);
}
