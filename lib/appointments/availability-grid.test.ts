/** The slot grid without the database: wall-clock times to UTC on DST days, slots of a day, labels. */
import { describe, expect, it } from 'vitest';
import { clockToMinutes, daySlots, describeRanges, gridPosition, minutesToClock, wallClockToUtc, weekdayOf } from './availability-grid';

const iso = (ms: number) => new Date(ms).toISOString();
const h = (hours: number, minutes = 0) => hours * 60 + minutes;

describe('wallClockToUtc', () => {
  it('converts an ordinary wall-clock time with the zone offset', () => {
    expect(iso(wallClockToUtc('2026-06-01', h(8), 'Africa/Nairobi'))).toBe('2026-06-01T05:00:00.000Z');
    expect(iso(wallClockToUtc('2026-06-01', h(24), 'Africa/Nairobi'))).toBe('2026-06-01T21:00:00.000Z');
    expect(iso(wallClockToUtc('2026-06-01', 0, 'UTC'))).toBe('2026-06-01T00:00:00.000Z');
  });

  it('maps a time the clocks skip to the instant they jump (London, 29 March 2026, 01:00 → 02:00)', () => {
    expect(iso(wallClockToUtc('2026-03-29', h(0, 59), 'Europe/London'))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(wallClockToUtc('2026-03-29', h(1), 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(wallClockToUtc('2026-03-29', h(1, 30), 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(wallClockToUtc('2026-03-29', h(2), 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(wallClockToUtc('2026-03-29', h(2, 30), 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first occurrence of a time that happens twice (London, 25 October 2026, 02:00 → 01:00)', () => {
    expect(iso(wallClockToUtc('2026-10-25', h(0, 30), 'Europe/London'))).toBe('2026-10-24T23:30:00.000Z');
    expect(iso(wallClockToUtc('2026-10-25', h(1), 'Europe/London'))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(wallClockToUtc('2026-10-25', h(1, 30), 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(wallClockToUtc('2026-10-25', h(2), 'Europe/London'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('handles Cairo: midnight skipped on 24 April 2026, the hour before midnight repeated on 29 October 2026', () => {
    expect(iso(wallClockToUtc('2026-04-24', 0, 'Africa/Cairo'))).toBe('2026-04-23T22:00:00.000Z');
    expect(iso(wallClockToUtc('2026-04-24', h(0, 30), 'Africa/Cairo'))).toBe('2026-04-23T22:00:00.000Z');
    expect(iso(wallClockToUtc('2026-04-24', h(1), 'Africa/Cairo'))).toBe('2026-04-23T22:00:00.000Z');
    expect(iso(wallClockToUtc('2026-04-23', h(24), 'Africa/Cairo'))).toBe('2026-04-23T22:00:00.000Z');
    expect(iso(wallClockToUtc('2026-10-29', h(23, 30), 'Africa/Cairo'))).toBe('2026-10-29T20:30:00.000Z');
    expect(iso(wallClockToUtc('2026-10-29', h(24), 'Africa/Cairo'))).toBe('2026-10-29T22:00:00.000Z');
  });

  it('does not depend on the date it runs (luxon alone resolves ambiguous times by today\'s offset)', () => {
    // Same answers whatever the process TZ or current date: only the zone's rules are used.
    for (let i = 0; i < 3; i++) expect(iso(wallClockToUtc('2026-10-25', h(1, 15), 'Europe/London'))).toBe('2026-10-25T00:15:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => wallClockToUtc('2026-06-01', 0, 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});

describe('daySlots and gridPosition', () => {
  it('steps slotMinutes from each range start and keeps only slots that end by the range end', () => {
    const s = daySlots('2026-06-01', [{ startMinute: h(8), endMinute: h(9, 45) }, { startMinute: h(14), endMinute: h(15) }], 30, 'Africa/Nairobi');
    expect(s.map((x) => [x.start.toISOString().slice(11, 16), x.end.toISOString().slice(11, 16)])).toEqual([
      ['05:00', '05:30'], ['05:30', '06:00'], ['06:00', '06:30'], ['11:00', '11:30'], ['11:30', '12:00'],
    ]);
  });

  it('gives a short spring-forward range 3 hours of slots and a fall-back range 5 hours', () => {
    const r = [{ startMinute: 0, endMinute: h(4) }];
    expect(daySlots('2026-03-29', r, 60, 'Europe/London').map((x) => x.start.toISOString())).toEqual([
      '2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z',
    ]);
    expect(daySlots('2026-10-25', r, 60, 'Europe/London').map((x) => x.start.toISOString())).toEqual([
      '2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z', '2026-10-25T03:00:00.000Z',
    ]);
  });

  it('places an instant on the grid, off it, or outside the ranges', () => {
    const r = [{ startMinute: h(8), endMinute: h(17) }];
    const at = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00+03:00`);
    expect(gridPosition('2026-06-01', r, 20, 'Africa/Nairobi', at('08:00'))).toBe('on-grid');
    expect(gridPosition('2026-06-01', r, 20, 'Africa/Nairobi', at('16:40'))).toBe('on-grid');
    expect(gridPosition('2026-06-01', r, 20, 'Africa/Nairobi', at('09:10'))).toBe('off-grid');
    expect(gridPosition('2026-06-01', r, 20, 'Africa/Nairobi', at('17:00'))).toBe('outside');
    expect(gridPosition('2026-06-01', r, 20, 'Africa/Nairobi', at('07:40'))).toBe('outside');
    // 16:50 with 15-minute steps from 08:00 is 16:45 + 5: off the grid; 16:45 runs to 17:00: fine.
    expect(gridPosition('2026-06-01', r, 15, 'Africa/Nairobi', at('16:45'))).toBe('on-grid');
    expect(gridPosition('2026-06-01', [{ startMinute: h(8), endMinute: h(8, 30) }], 20, 'Africa/Nairobi', at('08:20'))).toBe('off-grid');
  });
});

describe('labels', () => {
  it('formats and parses clock times and lists ranges in words', () => {
    expect(minutesToClock(485)).toBe('08:05');
    expect(minutesToClock(1440)).toBe('24:00');
    expect(clockToMinutes('8:05')).toBe(485);
    expect(clockToMinutes('24:00')).toBe(1440);
    expect(clockToMinutes('24:05')).toBeNull();
    expect(clockToMinutes('12:60')).toBeNull();
    expect(clockToMinutes('noon')).toBeNull();
    expect(describeRanges([{ startMinute: h(14), endMinute: h(17) }, { startMinute: h(8), endMinute: h(12) }])).toBe('08:00–12:00 and 14:00–17:00');
    expect(describeRanges([{ startMinute: h(8), endMinute: h(9) }, { startMinute: h(10), endMinute: h(11) }, { startMinute: h(12), endMinute: h(13) }]))
      .toBe('08:00–09:00, 10:00–11:00 and 12:00–13:00');
    expect(weekdayOf('2026-06-01')).toBe(1);
    expect(weekdayOf('2026-06-07')).toBe(7);
  });
});
