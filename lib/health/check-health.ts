/** Is the database answering, with this build's migrations applied? For `GET /api/health-check/`. */
import { dialectOf, getDatabase, migrationsApplied, type Dialect } from '@/db';
import { serializeHealth, type HealthCheckJson } from './serialize';

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

/**
 * The health check's whole answer, `{ status: 200 | 503, body }` with the body serialized as the API
 * documents it: used by the route handler and by the server's framework-free fast path for probes
 * (instrumentation.ts, scripts/serve.mjs), so both always answer alike.
 */
export async function healthAnswer(): Promise<{ status: 200; body: HealthCheckJson } | { status: 503; body: ReturnType<typeof serializeHealth> }> {
  const health = await checkHealth();
  return health.ok ? { status: 200, body: serializeHealth(health) } : { status: 503, body: serializeHealth(health) };
}
