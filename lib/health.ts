import { dialectOf, getDatabase } from '@/db';

/** Whether the database answers: `{ ok, database: 'sqlite' | 'mysql' | 'unknown' }` (never throws). */
export async function checkHealth(): Promise<{ ok: boolean; database: string }> {
  let database = 'unknown';
  try {
    database = dialectOf();
    const db = await getDatabase();
    database = db.dialect;
    await db.ping();
    return { ok: true, database };
  } catch {
    return { ok: false, database };
  }
}
