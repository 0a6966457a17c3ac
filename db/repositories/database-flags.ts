import { eq } from 'drizzle-orm';
import { q, tables } from '../index';
import { upsert } from '../dialect';

/** Whether flag `name` was ever set on this database. */
export async function isFlagSet(name: string): Promise<boolean> {
  const db = await q();
  const [row] = await db.select({ name: tables.databaseFlags.name }).from(tables.databaseFlags).where(eq(tables.databaseFlags.name, name)).limit(1);
  return row !== undefined;
}

/** Sets flag `name` (idempotent: a flag already set keeps its first `setAt`). */
export async function setFlag(name: string, at = new Date()): Promise<void> {
  const f = tables.databaseFlags;
  await upsert(f, { name, setAt: at }, [f.name], { name });
}
