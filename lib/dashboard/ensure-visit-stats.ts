/**
 * The dashboard's summary tables on a database that held records before them (an upgrade): rebuilt
 * once, then remembered in the database (flag `dashboard_stats_built_v2` in `database_flags`). From then on every
 * write keeps them up to date (db/repositories/stats-sync.ts). Run at start-up and before seeding,
 * before the server's processes start (so no other writer runs meanwhile).
 */
import { countMedicalRecordsAndCompletedAppointments, rebuildVisitStats } from '@/db/repositories/stats-rebuild';
import { isFlagSet, setFlag } from '@/db/repositories/database-flags';

const BUILT_MARK = 'dashboard_stats_built_v2'; // v2: with stats_patients_daily

/** Rebuilds the summary tables unless already built: `{ rebuilt, visits }` (visits counted by a rebuild). */
export async function ensureVisitStats(log?: (line: string) => void): Promise<{ rebuilt: boolean; visits: number }> {
  if (await isFlagSet(BUILT_MARK)) return { rebuilt: false, visits: 0 };
  let visits = 0;
  const rebuilt = (await countMedicalRecordsAndCompletedAppointments()) > 0;
  if (rebuilt) {
    log?.('Building the dashboard statistics from the existing records…');
    visits = await rebuildVisitStats({ log });
  }
  await setFlag(BUILT_MARK);
  return { rebuilt, visits };
}
