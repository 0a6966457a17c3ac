/** Is the database answering, with this build's migrations applied? For `GET /api/health-check/`. */
import { dialectOf, getDatabase, migrationsApplied, type Dialect } from '@/db';

/** The health of the server's database: which one, and whether it answers with its migrations applied. */
export type Health = { ok: true; database: Dialect } | { ok: false; database: Dialect | 'unknown' };

/**
 * Whether the database answers (a `select 1` every call) and holds every migration this build ships
 * (asked of the database until true, then remembered): `{ ok, database: 'sqlite' | 'mysql' | 'unknown' }`.
 * Never throws.
 */
export async function checkHealth(): Promise<Health> {
  let database: Dialect | 'unknown' = 'unknown';
  try {
    database = dialectOf();
    const db = await getDatabase();
    database = db.dialect;
    await db.ping();
    return (await migrationsApplied(db)) ? { ok: true, database: db.dialect } : { ok: false, database: db.dialect };
  } catch {
    return { ok: false, database };
  }
}
