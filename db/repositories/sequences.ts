import { eq, sql } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { affectedRows, classifyDbError } from '../dialect';

/**
 * Allocates `count` consecutive values of the named counter and returns the first (the first
 * allocation of a name returns 1). Runs in a transaction (joins the caller's): the row update
 * serialises concurrent allocators on both databases.
 */
export async function allocateSequence(name: string, count = 1): Promise<number> {
  const { sequences } = tables;
  const bump = async () => {
    const db = await q();
    const res = await db.update(sequences).set({ value: sql`${sequences.value} + ${count}` }).where(eq(sequences.name, name));
    if (affectedRows(res) === 0) return null;
    const [row] = await db.select({ value: sequences.value }).from(sequences).where(eq(sequences.name, name));
    return row.value - count + 1;
  };
  return withTransaction(async () => {
    const first = await bump();
    if (first !== null) return first;
    try {
      await withTransaction(async () => (await q()).insert(sequences).values({ name, value: count }));
      return 1;
    } catch (e) {
      // Another allocator created the counter first: take the next block from it.
      if (classifyDbError(e) !== 'unique') throw e;
      const again = await bump();
      if (again === null) throw e;
      return again;
    }
  });
}

/** The current value of the named counter, or null when it was never allocated. */
export async function readSequence(name: string): Promise<number | null> {
  const db = await q();
  const [row] = await db.select({ value: tables.sequences.value }).from(tables.sequences).where(eq(tables.sequences.name, name));
  return row?.value ?? null;
}
