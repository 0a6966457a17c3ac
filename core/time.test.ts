/** Calendar arithmetic on `YYYY-MM-DD` dates, and the fast clinic-time fields checked against luxon. */
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { addDays, ageOn, clinicDayKey, clinicToday, formatCalendarDate, inClinicYears, isCalendarDate, toClinicIso } from './time';

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

describe('fast clinic-time fields agree with luxon', () => {
  // Zones with DST, half- and quarter-hour offsets, southern-hemisphere rules, a zone that changed its
  // base offset, and UTC-like names (which take luxon's own path).
  const zones = ['Africa/Nairobi', 'Africa/Lagos', 'Africa/Casablanca', 'Africa/Johannesburg', 'Europe/London', 'America/Sao_Paulo',
    'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Apia', 'Africa/Abidjan',
    'Etc/UTC', 'UTC', 'utc', 'Etc/GMT+3'];
  // Every quarter hour around every transition of the years 2000–2030, plus random instants 1900–2099.
  const instants: number[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 4000; i++) instants.push(Math.floor(Date.UTC(1900, 0, 1) + random() * (Date.UTC(2099, 11, 31) - Date.UTC(1900, 0, 1))));
  for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2031, 0, 1); t += 7 * 3_600_000 + 13 * 60_000 + 17_123) instants.push(t);

  it.each(zones)('%s: toClinicIso, clinicToday and clinicDayKey', (zone) => {
    const wrong: string[] = [];
    for (const t of instants) {
      const at = new Date(t);
      const d = DateTime.fromJSDate(at, { zone });
      const iso = d.toISO() as string;
      if (toClinicIso(at, zone) !== iso) wrong.push(`${at.toISOString()}: ${toClinicIso(at, zone)} ≠ ${iso}`);
      if (clinicToday(at, zone) !== d.toISODate()) wrong.push(`${at.toISOString()}: today ${clinicToday(at, zone)} ≠ ${d.toISODate()}`);
      if (clinicDayKey(at, zone) !== d.year * 10_000 + d.month * 100 + d.day) wrong.push(`${at.toISOString()}: day key`);
      if (wrong.length > 5) break;
    }
    expect(wrong).toEqual([]);
  });

  it('ageOn counts whole years as luxon does, 29 February included', () => {
    const dates = ['2000-02-29', '2001-03-01', '1999-12-31', '2024-02-28', '2024-02-29', '2025-02-28', '2025-03-01', '1950-06-15', '2026-12-08'];
    for (const b of dates) {
      for (const on of dates) {
        const lb = DateTime.fromISO(b, { zone: 'UTC' });
        const lo = DateTime.fromISO(on, { zone: 'UTC' });
        let years = lo.year - lb.year;
        if (lo.month * 100 + lo.day < lb.month * 100 + lb.day) years -= 1;
        expect(ageOn(b, on), `${b} on ${on}`).toBe(years);
      }
    }
  });
});
