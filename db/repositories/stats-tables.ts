/**
 * The dashboard's summary tables (`stats_visits`, `stats_visits_daily`, `stats_diagnoses_daily`,
 * `stats_patients_daily` in db/schema/sqlite.ts): what counts as a visit, the keys its rows count
 * under, and the one way a daily count changes. The tables are written by
 * - stats-sync.ts: in the same transaction as every write that changes a visit or a registration;
 * - stats-rebuild.ts: bulk loads (the large seed) and the full rebuild;
 * and read by stats-queries.ts (the dashboard); stats-live.ts computes the same figures live, as
 * the reference they must agree with.
 *
 * The visit rule (lib/dashboard/get-dashboard-stats.ts): a visit is a medical record with status
 * final/amended, dated by the clinic day of its created_at, or a completed appointment with no such
 * record linked by appointment_id, dated by the clinic day of its start. Entered-in-error records never
 * count; cancelled appointments never count.
 */
import { sql } from 'drizzle-orm';
import { tables } from '../index';
import { upsertMany } from '../dialect';
import { AGE_BANDS, ageBand } from '../../core/age-bands';
import { ageOn, dayKeyToIso } from '../../core/time';

/** Record statuses that make a record a visit. */
export const VISIT_RECORD_STATUSES = ['final', 'amended'] as const;

/** A diagnosis's counting key: (system, code). */
export type DxKey = [system: string, code: string];

/** The key a diagnosis row counts under: (system, code), or ('text', '') for free text. */
export function diagnosisKey(system: string, code: string | null | undefined): DxKey {
  return system === 'text' || !code ? ['text', ''] : [system, code];
}

/** Index into AGE_BANDS of the age on clinic day `dayKey` of someone born on `dateOfBirth`, or null. */
export function ageBandIndex(dateOfBirth: string | null | undefined, dayKey: number): number | null {
  if (!dateOfBirth) return null;
  return AGE_BANDS.indexOf(ageBand(Math.max(0, ageOn(dateOfBirth, dayKeyToIso(dayKey)))));
}

type CountTable = typeof tables.statsDiagnosesDaily | typeof tables.statsVisitsDaily | typeof tables.statsPatientsDaily;

/** The unique key of a daily count table (what `addCounts` adds up under). */
function countKey(t: CountTable): unknown[] {
  if ('system' in t) return [t.visitDay, t.system, t.code];
  if ('doctorId' in t) return [t.visitDay, t.doctorId];
  return [t.registeredDay];
}

/**
 * Adds each row's `n` (negative to subtract) to a daily count table, in multi-row upserts: the one
 * way every count changes (one visit, a bulk load, a rebuild). Rows are applied in the caller's order.
 */
export async function addCounts<T extends CountTable>(t: T, rows: Array<T['$inferInsert']>) {
  await upsertMany(t, rows, countKey(t), (incoming) => ({ n: sql`${t.n} + ${incoming(t.n)}` }));
}

