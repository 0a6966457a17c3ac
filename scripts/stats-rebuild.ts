/**
 * `npm run db:stats:rebuild` — recomputes the dashboard's summary tables (`stats_visits`,
 * `stats_diagnoses_daily`) from the medical records and appointments. A repair: every write keeps
 * them up to date on its own. Run it with the app stopped (SQLite has one writer).
 * The database comes from DATABASE_URL (default file:data/ehealth.sqlite); it is migrated first.
 */
import { closeDatabase, getDatabase } from '../db';
import { rebuildVisitStats } from '../db/repositories/stats-rebuild';

async function main() {
  const db = await getDatabase();
  console.log(`Database: ${db.describe}`);
  await db.migrate();
  const started = performance.now();
  const visits = await rebuildVisitStats({ log: (line) => console.log(line) });
  console.log(`Dashboard statistics rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s: ${visits} visits.`);
}

main()
  .catch((e: unknown) => {
    console.error(`db:stats:rebuild failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
