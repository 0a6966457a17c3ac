import { sql } from 'drizzle-orm';
import { tables } from '../index';
import { upsert } from '../dialect';

/**
 * Takes the named lock for the rest of the caller's transaction: one atomic upsert of the lock's row
 * (`taken_count + 1`) holds its row lock on MySQL and the write lock on SQLite until commit or
 * rollback, so a second taker waits. Call it inside `withTransaction`; outside one it locks nothing.
 */
export async function takeLock(name: string): Promise<void> {
  const l = tables.locks;
  await upsert(l, { name, takenCount: 1 }, [l.name], { takenCount: sql`${l.takenCount} + 1` as unknown as number });
}
