/** dashboardTables: the dashboard's numbers as tables (the same for the page and the CSV downloads). */
import { describe, expect, it } from 'vitest';
import type { DashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import { DASHBOARD_TABLE_IDS, dashboardTable, dashboardTables, isDashboardTableId, percent, percentOf } from './dashboard-tables';

const stats: DashboardStats = {
  range: { from: '2025-12-01', to: '2025-12-14', granularity: 'week', timeZone: 'Africa/Nairobi' },
  patients: { total: 40, new: 3 },
  visits: { total: 9, series: [{ period: '2025-12-01', visits: 6 }, { period: '2025-12-08', visits: 3 }] },
  appointments: { byStatus: { pending: 1, confirmed: 2, completed: 4, cancelled: 2, no_show: 1 }, noShowRate: 0.2, cancellationRate: 0.2 },
  topDiagnoses: {
    coded: [{ system: 'ICD-10', code: 'J06.9', display: 'URTI', count: 3, share: 0.6 }, { system: 'SNOMED-CT', code: '54150009', display: 'Upper respiratory infection', count: 1, share: 0.2 }],
    freeText: { count: 1, share: 0.2 },
  },
  visitsPerDoctor: [{ doctorId: 7, name: 'Dr Alpha', visits: 6 }, { doctorId: 8, name: 'Dr Beta', visits: 3 }],
  patientsSeen: { total: 3, bySex: { male: 1, female: 2, other: 0, unknown: 0 }, byAgeBand: [{ band: '0-4', count: 1 }, { band: '5-14', count: 0 }, { band: '15-24', count: 0 }, { band: '25-44', count: 1 }, { band: '45-64', count: 0 }, { band: '65+', count: 0 }], ageUnknown: 1 },
};

describe('percent helpers', () => {
  it('turn fractions and ratios into percentages with at most 2 decimals, null without a denominator', () => {
    expect(percent(0.3333)).toBe(33.33);
    expect(percent(0.0001)).toBe(0.01);
    expect(percent(null)).toBeNull();
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('dashboardTables', () => {
  it('builds every table, with a header row of the right width in each', () => {
    const t = dashboardTables(stats);
    expect(Object.keys(t)).toEqual([...DASHBOARD_TABLE_IDS]);
    for (const id of DASHBOARD_TABLE_IDS) {
      expect(t[id].id).toBe(id);
      expect(t[id].title).toContain('2025-12-01 to 2025-12-14');
      for (const row of t[id].rows) expect(row).toHaveLength(t[id].header.length);
    }
    expect(isDashboardTableId('visits')).toBe(true);
    expect(isDashboardTableId('__proto__')).toBe(false);
  });

  it('names the bucket in the visits header and notes clipped edge buckets', () => {
    const v = dashboardTable(stats, 'visits');
    expect(v.header).toEqual(['Week starting (Monday)', 'Visits']);
    expect(v.rows).toEqual([['2025-12-01', 6], ['2025-12-08', 3]]);
    expect(v.note).toMatch(/first and last weeks/);
    expect(dashboardTable({ ...stats, range: { ...stats.range, granularity: 'day' } }, 'visits').note).toBeUndefined();
  });

  it('gives appointments with shares of all, and the two rates with their numerators and denominators', () => {
    expect(dashboardTable(stats, 'appointments').rows).toEqual([
      ['Pending', 1, 10], ['Confirmed', 2, 20], ['Completed', 4, 40], ['Cancelled', 2, 20], ['No-show', 1, 10], ['Total', 10, 100],
    ]);
    expect(dashboardTable(stats, 'rates').rows).toEqual([
      ['No-show rate (no-show / (completed + no-show))', 20, 1, 5],
      ['Cancellation rate (cancelled / all appointments)', 20, 2, 10],
    ]);
    const none = { ...stats, appointments: { byStatus: { pending: 0, confirmed: 0, completed: 0, cancelled: 0, no_show: 0 }, noShowRate: null, cancellationRate: null } };
    expect(dashboardTable(none, 'rates').rows.map((r) => r[1])).toEqual([null, null]);
    expect(dashboardTable(none, 'appointments').rows.at(-1)).toEqual(['Total', 0, null]);
  });

  it('lists coded diagnoses by rank and free text apart, shares in percent', () => {
    const d = dashboardTable(stats, 'diagnoses');
    expect(d.header).toEqual(['Rank', 'Code system', 'Code', 'Diagnosis', 'Diagnoses', 'Share of all diagnoses (%)']);
    expect(d.rows).toEqual([
      [1, 'ICD-10', 'J06.9', 'URTI', 3, 60],
      [2, 'SNOMED-CT', '54150009', 'Upper respiratory infection', 1, 20],
      [null, 'Free text', null, 'Free-text diagnoses (not coded), all together', 1, 20],
    ]);
  });

  it('gives doctors, sex and age with their shares of the visits or of the patients seen', () => {
    expect(dashboardTable(stats, 'doctors').rows).toEqual([['Dr Alpha', 6, 66.67], ['Dr Beta', 3, 33.33]]);
    expect(dashboardTable(stats, 'sex').rows).toEqual([['Male', 1, 33.33], ['Female', 2, 66.67], ['Other', 0, 0], ['Unknown', 0, 0]]);
    expect(dashboardTable(stats, 'age').rows.at(-1)).toEqual(['Unknown (no date of birth)', 1, 33.33]);
    expect(dashboardTable(stats, 'patients').rows).toEqual([
      ['Total patients (registered by the end of the range)', 40],
      ['New patients (registered in the range)', 3],
      ['Visits', 9],
      ['Patients seen (with a visit in the range)', 3],
    ]);
  });
});
