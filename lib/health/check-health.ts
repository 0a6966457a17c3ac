/** Is the database answering? For `GET /api/health-check/`. */
import { dialectOf, getDatabase, type Dialect } from '@/db';

/** The health of the server's database: which one, and whether it answers. */
export type Health = { ok: true; database: Dialect } | { ok: false; database: Dialect | 'unknown' };

/** Whether the database answers: `{ ok, database: 'sqlite' | 'mysql' | 'unknown' }` (never throws). */
export async function checkHealth(): Promise<Health> {
  let database: Dialect | 'unknown' = 'unknown';
  try {
    database = dialectOf();
    const db = await getDatabase();
    database = db.dialect;
    await db.ping();
    return { ok: true, database: db.dialect };
  } catch {
    return { ok: false, database };
  }
}
