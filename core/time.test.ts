/** Calendar arithmetic on `YYYY-MM-DD` dates. */
import { describe, expect, it } from 'vitest';
import { addDays, formatCalendarDate, inClinicYears, isCalendarDate } from './time';

describe('addDays', () => {
  it('adds calendar days across months, leap days and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
  });

  it('refuses a date that is not a calendar date, or a result YYYY-MM-DD cannot spell', () => {
    // Past 9999 Luxon writes "+010000-01-01", which sorts before "9999-12-31" as text: a day loop
    // `for (d = from; d <= to; d = addDays(d, 1))` from 9999-12-31 never ended.
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-1-5', 1)).toThrow(RangeError);
  });
});

describe('clinic dates', () => {
  it('tells real calendar dates from look-alikes', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(['2026-02-29', '2026-02-30', '2026-04-31', '2026-00-10', '2026-13-01', '26-01-01', 'abc', '']
      .filter(isCalendarDate)).toEqual([]);
  });

  it('keeps to the years 1900–2099', () => {
    expect(['1900-01-01', '2099-12-31', '2026-06'].every(inClinicYears)).toBe(true);
    expect(['1899-12-31', '2100-01-01', '9999-12-31'].some(inClinicYears)).toBe(false);
  });
});

describe('formatCalendarDate', () => {
  it('writes a calendar date in words, whatever the time zone, and leaves other text alone', () => {
    expect(formatCalendarDate('1990-03-05')).toBe('5 Mar 1990');
    expect(formatCalendarDate('2000-12-31')).toBe('31 Dec 2000');
    expect(formatCalendarDate('1990-02-30')).toBe('1990-02-30');
    expect(formatCalendarDate('soon')).toBe('soon');
  });
});
