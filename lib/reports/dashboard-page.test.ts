/** The dashboard page's helpers: reading the query, quick ranges and months in clinic time. */
import { describe, expect, it } from 'vitest';
import { previousClinicMonth } from './monthly-report';
import { dashboardInputFrom, exportHref, formatRate, periodLabel, quickRanges } from './dashboard-page';

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
