/** The dashboard page's helpers: reading the query, quick ranges and months in clinic time. */
import { describe, expect, it } from 'vitest';
import type { AppError } from '@/lib/errors';
import { getMonthlyReport, monthlyReportQuerySchema, previousClinicMonth } from './monthly-report';
import { dashboardInputFrom, exportHref, formatRate, periodLabel, quickRanges, refusedRangeValues } from './dashboard-page';

describe('dashboardInputFrom', () => {
  it('takes the first value of each field and treats empty ones as absent', () => {
    expect(dashboardInputFrom({ from: ['2025-12-01', 'x'], to: '', granularity: ' week ' })).toEqual({ from: '2025-12-01', to: undefined, granularity: 'week' });
    expect(dashboardInputFrom({})).toEqual({ from: undefined, to: undefined, granularity: undefined });
  });
});

describe('quickRanges', () => {
  it('ends today in the clinic zone (Nairobi is already on the next day at 22:00 UTC)', () => {
    const r = quickRanges(new Date('2025-12-31T22:00:00Z'), 'Africa/Nairobi');
    expect(r).toEqual([
      { label: 'Last 7 days', from: '2025-12-26', to: '2026-01-01', granularity: 'day' },
      { label: 'Last 30 days', from: '2025-12-03', to: '2026-01-01', granularity: 'day' },
      { label: 'Last 90 days', from: '2025-10-04', to: '2026-01-01', granularity: 'week' },
      { label: 'This year', from: '2026-01-01', to: '2026-01-01', granularity: 'month' },
    ]);
  });
});

describe('previousClinicMonth', () => {
  it('is the month before the clinic month of now', () => {
    expect(previousClinicMonth(new Date('2025-12-31T22:00:00Z'), 'Africa/Nairobi')).toBe('2025-12');
    expect(previousClinicMonth(new Date('2025-12-31T20:00:00Z'), 'Africa/Nairobi')).toBe('2025-11');
  });
});

describe('labels and links', () => {
  it('formats buckets, rates and the export link', () => {
    expect(periodLabel('2025-12-01', 'day')).toBe('1 Dec');
    expect(periodLabel('2025-12', 'month')).toBe('Dec 2025');
    expect(formatRate(0.1234)).toBe('12.3%');
    expect(formatRate(null)).toBe('—');
    expect(exportHref('visits', { from: '2025-12-01', to: '2025-12-14', granularity: 'week' })).toBe('/api/dashboard/export/visits/?from=2025-12-01&to=2025-12-14&granularity=week');
  });
});

describe('refusedRangeValues', () => {
  const now = new Date('2025-12-31T22:00:00Z'); // 1 January 2026 in Nairobi
  it('keeps what was typed, and fills an empty date with the default it stands for', () => {
    expect(refusedRangeValues({ granularity: 'garbage' as never }, now, 'Africa/Nairobi')).toEqual({ from: '2025-12-03', to: '2026-01-01', granularity: 'garbage' });
    expect(refusedRangeValues({ from: '2025-02-01', to: '2025-03-01', granularity: 'garbage' as never }, now, 'Africa/Nairobi')).toEqual({ from: '2025-02-01', to: '2025-03-01', granularity: 'garbage' });
    expect(refusedRangeValues({ to: '2025-03-30' }, now, 'Africa/Nairobi')).toEqual({ from: '2025-03-01', to: '2025-03-30', granularity: undefined });
    expect(refusedRangeValues({ to: 'nonsense' }, now, 'Africa/Nairobi')).toEqual({ from: undefined, to: 'nonsense', granularity: undefined });
  });
});

describe('monthly report months', () => {
  const now = new Date('2026-03-10T09:00:00Z');
  const monthError = async (month: string) => {
    try {
      await getMonthlyReport({ user: null, month, now });
    } catch (e) {
      return (e as AppError).fields?.month;
    }
    return null;
  };
  it('a well-formed month outside 1900–2099 says the year is out of range; a future one that it has not started', async () => {
    for (const m of ['1800-01', '0001-01', '9999-12', '1899-12', '2100-01']) expect(await monthError(m)).toEqual(['Use a year from 1900 to 2099.']);
    for (const m of ['2025-13', '2025-1', 'soon', '12-2025']) expect(await monthError(m)).toEqual(['Use a month as YYYY-MM, e.g. 2025-12.']);
    for (const m of ['2026-04', '2027-01', '2099-12']) expect(await monthError(m)).toEqual(['This month has not started yet.']);
    expect(monthlyReportQuerySchema.safeParse({ month: '1900-01' }).success).toBe(true);
  });
});
