/**
 * Start-up work on the database: migrations, the dashboard's summary tables on an upgraded database, then the demo clinic into an empty database — unless
 * this database was ever started as a real clinic (`SEED_DEMO=0`), which is remembered in the
 * database itself so a later start without the setting cannot seed public demo logins into it.
 */
import { getDatabase } from '@/db';
import { isFlagSet, setFlag } from '@/db/repositories/database-flags';
import { seedDemoIfEmpty } from '@/lib/seed/demo';
import { ensureVisitStats } from '@/lib/dashboard/ensure-visit-stats';

const REAL_CLINIC_MARK = 'real_clinic_mark';

/** Migrates, then seeds the demo when allowed: `{ seeded, realClinic }`. */
export async function prepareDatabase(opts: { seedDemo: boolean }): Promise<{ seeded: boolean; realClinic: boolean }> {
  const db = await getDatabase();
  await db.migrate();
  await ensureVisitStats((line) => console.log(line));
  let realClinic = await isFlagSet(REAL_CLINIC_MARK);
  if (!opts.seedDemo && !realClinic) {
    await setFlag(REAL_CLINIC_MARK);
    realClinic = true;
  }
  if (realClinic) return { seeded: false, realClinic };
  const { seeded } = await seedDemoIfEmpty();
  return { seeded, realClinic };
}
