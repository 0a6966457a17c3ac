/**
 * How often the clinic used each diagnosis code, read from the dashboard's summary table
 * `stats_diagnoses_daily` (kept at every write by stats-sync.ts): the diagnosis search ranks the
 * clinic's own most-used codes higher (lib/records/icd10/clinic-search.ts).
 */
import { and, eq, gte, sum } from 'drizzle-orm';
import { q, tables } from '../index';

/**
 * Diagnoses of `system` on visits from clinic day `fromDay` (yyyymmdd, inclusive) on, summed per
 * code: `[{ code, n }]` with n > 0, in no particular order. One grouped read of the summary table.
 */
export async function countDiagnosisUsageSince(system: string, fromDay: number): Promise<Array<{ code: string; n: number }>> {
  const db = await q();
  const s = tables.statsDiagnosesDaily;
  const rows = await db.select({ code: s.code, n: sum(s.n) }).from(s)
    .where(and(eq(s.system, system), gte(s.visitDay, fromDay))).groupBy(s.code);
  return rows.map((r) => ({ code: r.code, n: Number(r.n ?? 0) })).filter((r) => r.n > 0 && r.code !== '');
}
