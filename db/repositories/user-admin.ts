/** User management queries (the admin's user list, counts for the last-admin rule). */
import { and, asc, count, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { q, tables } from '../index';
import { affectedRows, likeLiteral } from '../dialect';
import type { Role } from '../../core/vocabulary';
import type { UserRow } from './users';

export interface UserListQuery {
  /** Folded words that must all appear in the folded name, or a fragment of the (lower-case) email. */
  words?: string[];
  emailFragment?: string;
  role?: Role;
  /** Also patients merged into another (left out by default: the survivor stands for the person). */
  includeMerged?: boolean;
  limit: number;
  offset: number;
}

/** Users matching `query`, by folded name then id, and the total count; patients merged into another left out unless `includeMerged`. */
export async function listUsersPage(query: UserListQuery): Promise<{ count: number; rows: UserRow[] }> {
  const db = await q();
  const u = tables.users;
  const conds: SQL[] = query.includeMerged ? [] : [isNull(u.mergedIntoId)];
  if (query.role) conds.push(eq(u.role, query.role));
  const byName = query.words?.length ? and(...query.words.map((w) => likeLiteral(u.nameFolded, w, (t) => `%${t}%`))) : undefined;
  const byEmail = query.emailFragment ? likeLiteral(u.email, query.emailFragment, (t) => `%${t}%`) : undefined;
  const search = byName && byEmail ? or(byName, byEmail) : (byName ?? byEmail);
  if (search) conds.push(search);
  const where = conds.length ? and(...conds) : undefined;
  const [total] = await db.select({ n: count() }).from(u).where(where);
  const rows = await db.select().from(u).where(where).orderBy(asc(u.nameFolded), asc(u.id)).limit(query.limit).offset(query.offset);
  return { count: Number(total.n), rows };
}

/**
 * Locks every active admin row (a no-op UPDATE: row locks on MySQL, and an UPDATE reads the latest
 * committed rows, not the transaction's snapshot; SQLite's gate already serialises transactions) and
 * returns how many active admins there are other than `exceptId` (matched rows: mysql2 sets FOUND_ROWS).
 * Call inside the transaction that then demotes or deactivates, so that two admins cannot remove each
 * other at the same moment.
 */
export async function lockActiveAdminsCountingOthers(exceptId: number): Promise<number> {
  const db = await q();
  const u = tables.users;
  const touch = { sessionVersion: sql`${u.sessionVersion}` };
  await db.update(u).set(touch).where(and(eq(u.role, 'admin'), eq(u.isActive, true)));
  return affectedRows(await db.update(u).set(touch).where(and(eq(u.role, 'admin'), eq(u.isActive, true), ne(u.id, exceptId))));
}
