/**
 * What the `/admin` dashboard page needs around `getDashboardStats`: reading its query string, the
 * quick ranges (last 7/30/90 days, this year, in clinic days) and the links that keep the range
 * (CSV downloads). Pure functions; no database work.
 */
import { DateTime } from 'luxon';
import { DEFAULT_RANGE_DAYS, type DashboardStatsInput, type Granularity } from '@/lib/dashboard/schemas';
import { clinicToday, clinicZone } from '@/core/time';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The dashboard input from a page's `searchParams`: `from`, `to`, `granularity` as typed (first value
 * of each; empty means absent, so a cleared field falls back to its default). Validation is
 * `getDashboardStats`'s (its errors name these fields).
 */
export function dashboardInputFrom(sp: SearchParams): DashboardStatsInput {
  const one = (k: string) => {
    const v = Array.isArray(sp[k]) ? sp[k][0] : sp[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 20) : undefined;
  };
  return { from: one('from'), to: one('to'), granularity: one('granularity') as Granularity | undefined };
}

/**
 * What the range form shows when `input` was refused: the dates as typed, and for a date left empty
 * the default it stands for (today; 30 days ending on `to`), so an error in one field (e.g. the
 * granularity) never empties the others. Dates that are not dates stay as typed.
 */
export function refusedRangeValues(input: DashboardStatsInput, now: Date = new Date(), zone = clinicZone()): { from?: string; to?: string; granularity?: string } {
  const to = input.to ?? clinicToday(now, zone);
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  const from = input.from ?? (end.isValid ? end.minus({ days: DEFAULT_RANGE_DAYS - 1 }).toISODate() as string : undefined);
  return { from, to, granularity: input.granularity };
}

/** A quick range link: label and its `from`/`to` clinic dates with a suitable granularity. */
export interface QuickRange { label: string; from: string; to: string; granularity: Granularity }

/** Last 7, 30 and 90 days and this year (1 January to today), ending today in clinic time. */
export function quickRanges(now: Date = new Date(), zone = clinicZone()): QuickRange[] {
  const today = clinicToday(now, zone);
  const t = DateTime.fromISO(today, { zone: 'UTC' });
  const back = (days: number) => t.minus({ days: days - 1 }).toISODate() as string;
  return [
    { label: 'Last 7 days', from: back(7), to: today, granularity: 'day' },
    { label: 'Last 30 days', from: back(30), to: today, granularity: 'day' },
    { label: 'Last 90 days', from: back(90), to: today, granularity: 'week' },
    { label: 'This year', from: t.startOf('year').toISODate() as string, to: today, granularity: 'month' },
  ];
}

/** `?from=&to=&granularity=` for a range. */
export function rangeQuery(r: { from: string; to: string; granularity: Granularity }): string {
  return new URLSearchParams({ from: r.from, to: r.to, granularity: r.granularity }).toString();
}

/** The CSV download of dashboard table `id` for a range. */
export function exportHref(id: string, r: { from: string; to: string; granularity: Granularity }): string {
  return `/api/dashboard/export/${encodeURIComponent(id)}/?${rangeQuery(r)}`;
}

/** A short axis label for a visits bucket: `1 Dec` for a day or a week's Monday, `Dec 2025` for a month. */
export function periodLabel(period: string, granularity: Granularity): string {
  if (granularity === 'month') return DateTime.fromFormat(period, 'yyyy-MM', { zone: 'UTC' }).toFormat('LLL yyyy');
  return DateTime.fromISO(period, { zone: 'UTC' }).toFormat('d LLL');
}

/** A fraction (0–1) as `12.5%`, or `—` when there is none. */
export function formatRate(fraction: number | null): string {
  return fraction === null ? '—' : `${Math.round(fraction * 1000) / 10}%`;
}
