/**
 * The diagnosis search as the clinic sees it (`GET /api/icd10/`): `searchIcd10` (search.ts) with the
 * clinic's own priorities added:
 * - usage: each ICD-10 code's count on visits of the last 365 clinic days (the summary table
 *   `stats_diagnoses_daily`) gives `min(30, round(6 × log2(1 + n)))` points (1 use → 6, 3 → 12,
 *   7 → 18, 31 or more → 30; a primary-care weight is worth 10 per unit, see primary-care.tsv);
 * - favourites (favourites.ts): +15 points.
 * The points are read once and kept in memory for `BOOST_TTL_MS` (per database), so a search costs
 * no query; a favourites change drops the cache at once (`dropClinicDiagnosisBoost`).
 */
import { getDatabase } from '@/db';
import { countDiagnosisUsageSince } from '@/db/repositories/diagnosis-usage';
import { listDiagnosisFavourites } from '@/db/repositories/diagnosis-favourites';
import { addDays, clinicToday } from '@/core/time';
import { ICD10_SYSTEM, type Icd10Match } from './list';
import { makeIcd10Boost, searchIcd10, type Icd10Boost } from './search';

/** How long the usage and favourite points are reused (ms). */
export const BOOST_TTL_MS = 60_000;
/** Days of usage counted. */
export const USAGE_DAYS = 365;
export const USAGE_MAX_POINTS = 30;
export const FAVOURITE_POINTS = 15;

/** Points for a code used `n` times (see the module comment). */
export function usagePoints(n: number): number {
  return n > 0 ? Math.min(USAGE_MAX_POINTS, Math.round(6 * Math.log2(1 + n))) : 0;
}

type Cached = { at: number; boost: Promise<Icd10Boost> };
const cache = new WeakMap<object, Cached>();

async function loadBoost(now: Date): Promise<Icd10Boost> {
  const fromDay = Number(addDays(clinicToday(now), -USAGE_DAYS).replaceAll('-', ''));
  const [usage, favourites] = await Promise.all([countDiagnosisUsageSince(ICD10_SYSTEM, fromDay), listDiagnosisFavourites()]);
  const points: Array<[string, number]> = usage.map((u) => [u.code, usagePoints(u.n)]);
  for (const f of favourites) if (f.system === ICD10_SYSTEM) points.push([f.code, FAVOURITE_POINTS]);
  return makeIcd10Boost(points);
}

/** The clinic's points, from the cache when younger than `BOOST_TTL_MS`. */
export async function clinicDiagnosisBoost(now = new Date()): Promise<Icd10Boost> {
  const db = await getDatabase();
  const hit = cache.get(db);
  if (hit && now.getTime() - hit.at < BOOST_TTL_MS) return hit.boost;
  const boost = loadBoost(now);
  cache.set(db, { at: now.getTime(), boost });
  try {
    return await boost;
  } catch (e) {
    cache.delete(db);
    throw e;
  }
}

/** Drops the cached points (after a favourites change; tests), so the next search reads them again. */
export async function dropClinicDiagnosisBoost(): Promise<void> {
  cache.delete(await getDatabase());
}

/** `searchIcd10(query, { limit })` ranked with the clinic's usage and favourites (module comment). */
export async function searchClinicDiagnoses(query: string, limit: number): Promise<Icd10Match[]> {
  if (typeof query !== 'string' || query.trim().length < 2) return [];
  return searchIcd10(query, { limit, boost: await clinicDiagnosisBoost() });
}
