import { eq, sql } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { upsert } from '../dialect';

/**
 * Allocates `count` consecutive values of the named counter and returns the first (the first
 * allocation of a name returns 1). One atomic upsert (`INSERT … ON CONFLICT/DUPLICATE KEY UPDATE
 * value = value + count`) takes the row lock, then the new value is read back in the same
 * transaction (joins the caller's): concurrent allocators queue on the row on both databases — no
 * check-then-insert, so no gap-lock deadlock on a counter's first use.
 */
export async function allocateSequence(name: string, count = 1): Promise<number> {
  const { sequences } = tables;
  return withTransaction(async () => {
    await upsert(sequences, { name, value: count }, [sequences.name], { value: sql`${sequences.value} + ${count}` as unknown as number });
    const db = await q();
    const [row] = await db.select({ value: sequences.value }).from(sequences).where(eq(sequences.name, name));
    return row.value - count + 1;
  });
}
