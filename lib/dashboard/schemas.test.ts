/** The dashboard's input rules speak plainly: granularity choices, the years it answers, an empty range. */
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { resolveRange } from './get-dashboard-stats';
import { dashboardStatsSchema } from './schemas';

const fields = (input: Record<string, string>) => {
  try {
    resolveRange(input, new Date('2025-12-15T09:00:00Z'), 'Africa/Nairobi');
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fields;
  }
  return null;
};

describe('dashboard range input', () => {
  it('an unknown granularity asks for one of the three, not zod internals', () => {
    expect(fields({ granularity: 'garbage' })).toEqual({ granularity: ['Choose day, week or month.'] });
  });

  it('dates must fall in 1900–2099, as the monthly report', () => {
    expect(fields({ from: '0001-01-01', to: '0001-12-31' })).toEqual({ from: ['Use a year from 1900 to 2099.'], to: ['Use a year from 1900 to 2099.'] });
    expect(fields({ from: '9999-01-01', to: '9999-01-02' })).toEqual({ from: ['Use a year from 1900 to 2099.'], to: ['Use a year from 1900 to 2099.'] });
    expect(fields({ from: '1899-12-31', to: '1900-01-01' })).toEqual({ from: ['Use a year from 1900 to 2099.'] });
    expect(fields({ from: 'soon' })).toEqual({ from: ['Use YYYY-MM-DD.'] }); // one message, the format's
    expect(dashboardStatsSchema.safeParse({ from: '1900-01-01', to: '1900-12-31' }).success).toBe(true);
    expect(dashboardStatsSchema.safeParse({ from: '2099-01-01', to: '2099-12-31' }).success).toBe(true);
  });

  it('an empty range names the start and end dates in words', () => {
    expect(fields({ from: '2025-12-10', to: '2025-12-01' })).toEqual({ from: ['The start date must be on or before the end date.'] });
  });
});
