/**
 * The admin dashboard's statistics over a clinic-date range (both ends included, clinic time zone).
 *
 * Definitions (the admin-dashboard issue, current-version rule of the records team):
 * - **Visit**: every medical record with status final or amended (one row = one visit, dated by its
 *   created_at), or a completed appointment (dated by its start) that has no final/amended record
 *   linked by appointment_id — so one encounter never counts twice. Entered-in-error records never
 *   count (and do not hide their completed appointment); cancelled appointments never count.
 * - **patients.total**: patient profiles registered before the end of the range; **patients.new**:
 *   those registered within it.
 * - **appointments.byStatus**: appointments *starting* in the range, per status (all statuses).
 * - **noShowRate** = no_show / (completed + no_show): among appointments whose outcome is known, the
 *   share the patient missed (pending/confirmed have no outcome yet; cancelled never took place).
 * - **cancellationRate** = cancelled / all appointments starting in the range (every status).
 *   Both rates are null when their denominator is 0, else a fraction rounded to 4 decimals.
 * - **topDiagnoses**: diagnoses on the range's visit records. Coded ones group by (system, code) —
 *   ICD-10 apart from SNOMED-CT and any other system — top 10 by count (ties: system, code);
 *   free text (system 'text' or no code) is one group apart. count = diagnosis rows; share =
 *   count / all diagnosis rows on those records (coded + free text), 4 decimals.
 * - **visitsPerDoctor**: visits by the record's / appointment's doctor, most first.
 * - **patientsSeen**: distinct patients with a visit in the range, by sex and by age band, the age
 *   taken at their first visit in the range (clinic date); `ageUnknown` counts those without a date
 *   of birth.
 * - **visits.series**: one bucket per clinic day, Monday-start week or month overlapping the range
 *   (`period` = the day, the week's Monday, or `YYYY-MM`); edge buckets count only the days in range.
 */
import { DateTime } from 'luxon';
import {
  countAppointmentsByStatus, countDiagnosesInDays, countPatientsInDays, countPatientsSeenInDays, countVisitsByDayBuckets, countVisitsPerDoctorInDays,
} from '@/db/repositories/stats-queries';
import type { Sex } from '@/core/vocabulary';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { validationError, zodFieldErrors } from '@/lib/errors';
import { clinicDayKey, clinicToday, clinicZone } from '@/core/time';
import { cacheWhileUnchanged } from '@/lib/cache/while-unchanged';
import { AGE_BANDS, type AgeBand } from '@/core/age-bands';
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, dashboardStatsSchema, type DashboardStatsInput, type Granularity } from './schemas';

export { AGE_BANDS, ageBand, type AgeBand } from '@/core/age-bands';

export interface DashboardStats {
  range: { from: string; to: string; granularity: Granularity; timeZone: string };
  patients: { total: number; new: number };
  visits: { total: number; series: Array<{ period: string; visits: number }> };
  appointments: {
    byStatus: { pending: number; confirmed: number; completed: number; cancelled: number; no_show: number };
    noShowRate: number | null;
    cancellationRate: number | null;
  };
  topDiagnoses: {
    coded: Array<{ system: string; code: string; display: string; count: number; share: number }>;
    freeText: { count: number; share: number };
  };
  visitsPerDoctor: Array<{ doctorId: number; name: string; visits: number }>;
  patientsSeen: {
    total: number;
    bySex: Record<Sex, number>;
    byAgeBand: Array<{ band: AgeBand; count: number }>;
    ageUnknown: number;
  };
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

function parseDate(s: string, field: string, zone: string): DateTime {
  const d = DateTime.fromISO(s, { zone });
  if (!d.isValid) throw validationError({ [field]: ['Not a valid date.'] });
  return d.startOf('day');
}

/** The validated range: inclusive clinic dates and their UTC instants `[start, end)`. */
export function resolveRange(input: DashboardStatsInput, now = new Date(), zone = clinicZone()) {
  const parsed = dashboardStatsSchema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error.issues));
  const { granularity } = parsed.data;
  const to = parseDate(parsed.data.to ?? clinicToday(now, zone), 'to', zone);
  const from = parsed.data.from ? parseDate(parsed.data.from, 'from', zone) : to.minus({ days: DEFAULT_RANGE_DAYS - 1 });
  if (from > to) throw validationError({ from: ['The start date must be on or before the end date.'] }, 'The date range is empty.');
  const days = Math.round(to.diff(from, 'days').days) + 1;
  if (days > MAX_RANGE_DAYS) throw validationError({ to: [`The range is at most ${MAX_RANGE_DAYS} days.`] }, 'The date range is too long.');
  const end = to.plus({ days: 1 });
  return { from, to, end, granularity, zone };
}

/** Buckets overlapping `[from, end)`: labels and n+1 UTC boundaries (clipped to the range). */
export function buckets(from: DateTime, end: DateTime, granularity: Granularity) {
  const unit = granularity;
  const labels: string[] = [];
  const bounds: Date[] = [from.toJSDate()];
  let start = from.startOf(unit); // luxon weeks start on Monday
  while (start < end) {
    const next = start.plus({ [`${unit}s`]: 1 });
    labels.push(unit === 'month' ? start.toFormat('yyyy-MM') : (start.toISODate() as string));
    bounds.push((next < end ? next : end).toJSDate());
    start = next;
  }
  return { labels, bounds };
}

/** The dashboard statistics (admin only); see the module comment for every definition. */
export async function getDashboardStats(opts: { user: CurrentUser | null; now?: Date } & DashboardStatsInput): Promise<DashboardStats> {
  assertRole(opts.user, ['admin']);
  const { from, to, end, granularity, zone } = resolveRange({ from: opts.from, to: opts.to, granularity: opts.granularity }, opts.now);
  // The same range asked again while no data changed (an admin's dashboard reloading) is not counted again.
  const key = `${from.toISODate()}|${to.toISODate()}|${granularity}|${zone}`;
  return statsCache.get(key, () => computeStats(from, to, end, granularity, zone));
}

const statsCache = cacheWhileUnchanged<DashboardStats>();

async function computeStats(from: DateTime, to: DateTime, end: DateTime, granularity: Granularity, zone: string): Promise<DashboardStats> {
  const range = { from: from.toJSDate(), to: end.toJSDate() };
  const { labels, bounds } = buckets(from, end, granularity);
  // Summary tables are keyed by clinic day (yyyymmdd); bucket bounds are clinic midnights.
  const dayBounds = bounds.map((b) => clinicDayKey(b, zone));
  const days = { fromDay: dayBounds[0], toDay: dayBounds[dayBounds.length - 1] };
  const [patients, series, byStatus, dx, perDoctor, seen] = await Promise.all([
    countPatientsInDays(days),
    countVisitsByDayBuckets(dayBounds),
    countAppointmentsByStatus(range),
    countDiagnosesInDays(days, 10),
    countVisitsPerDoctorInDays(days),
    countPatientsSeenInDays(days),
  ]);

  const status = {
    pending: byStatus.pending ?? 0, confirmed: byStatus.confirmed ?? 0, completed: byStatus.completed ?? 0,
    cancelled: byStatus.cancelled ?? 0, no_show: byStatus['no-show'] ?? 0,
  };
  const allAppointments = Object.values(status).reduce((a, b) => a + b, 0);

  const bySex: Record<Sex, number> = { male: 0, female: 0, other: 0, unknown: 0 };
  const bands = new Map<AgeBand, number>(AGE_BANDS.map((b) => [b, 0]));
  let ageUnknown = 0;
  let seenTotal = 0;
  for (const g of seen) {
    seenTotal += g.patients;
    bySex[g.sex] = (bySex[g.sex] ?? 0) + g.patients;
    if (g.ageBand === null) ageUnknown += g.patients;
    else bands.set(AGE_BANDS[g.ageBand], (bands.get(AGE_BANDS[g.ageBand]) ?? 0) + g.patients);
  }

  return {
    range: { from: from.toISODate() as string, to: to.toISODate() as string, granularity, timeZone: zone },
    patients,
    visits: { total: series.reduce((a, b) => a + b, 0), series: labels.map((period, i) => ({ period, visits: series[i] })) },
    appointments: {
      byStatus: status,
      noShowRate: ratio(status.no_show, status.completed + status.no_show),
      cancellationRate: ratio(status.cancelled, allAppointments),
    },
    topDiagnoses: {
      coded: dx.coded.map((c) => ({ ...c, share: ratio(c.count, dx.total) ?? 0 })),
      freeText: { count: dx.freeText, share: ratio(dx.freeText, dx.total) ?? 0 },
    },
    visitsPerDoctor: perDoctor,
    patientsSeen: { total: seenTotal, bySex, byAgeBand: AGE_BANDS.map((band) => ({ band, count: bands.get(band) ?? 0 })), ageUnknown },
  };
}
