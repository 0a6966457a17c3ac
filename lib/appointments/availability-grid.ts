/**
 * The slot grid in clinic time, without the database: wall-clock times of a clinic date to UTC instants
 * (daylight saving included), a day's working ranges to slots, and the words for weekdays and hours.
 *
 * DST rules, for a range `[start, end)` given in minutes from midnight on a clinic date:
 * - each end of the range becomes one instant: a wall-clock time that occurs twice (clocks go back)
 *   takes its first occurrence; one that does not exist (clocks go forward) becomes the instant the
 *   clocks jump, so the part of the range inside the gap is skipped;
 * - slots run in real time from the range's start instant, `slotMinutes` apart, and must end by its end
 *   instant. A range crossing a change is shorter or longer that day: on a spring-forward night
 *   00:00–04:00 holds 3 hours of slots, on a fall-back night 5 hours, the repeated hour getting its
 *   slots twice (once per offset).
 */
import { DateTime, IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Form and input keys of the ISO weekdays 1 (Monday) … 7 (Sunday). */
export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayKey = (typeof DAY_KEYS)[number];
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** `Mondays` for ISO weekday 1. */
export function weekdayPlural(weekday: number): string {
  return `${DAY_NAMES[weekday - 1]}s`;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of clinic date `YYYY-MM-DD`. */
export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

/** `08:05` for 485 minutes; `24:00` for 1440. */
export function minutesToClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes from midnight of `HH:MM` (or `H:MM`, seconds tolerated as `:00`), 00:00–24:00; null otherwise. */
export function clockToMinutes(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** `08:00–12:00 and 14:00–17:00` for the given ranges (sorted by start). */
export function describeRanges(ranges: ReadonlyArray<{ startMinute: number; endMinute: number }>): string {
  const parts = [...ranges].sort((a, b) => a.startMinute - b.startMinute)
    .map((r) => `${minutesToClock(r.startMinute)}–${minutesToClock(r.endMinute)}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const zones = new Map<string, IANAZone>();
function ianaZone(name: string): IANAZone {
  let z = zones.get(name);
  if (!z) {
    z = IANAZone.create(name);
    if (!z.isValid) throw new Error(`unknown time zone: ${name}`);
    zones.set(name, z);
  }
  return z;
}

/**
 * The UTC instant (ms) of wall-clock `minute` (0–1440; 1440 is midnight ending the day) on clinic date
 * `date` in `zone`. Ambiguous (clocks went back): the first occurrence. Non-existent (clocks went
 * forward): the instant of the jump, i.e. the first existing time after it. Luxon's own resolution of
 * ambiguous local times depends on today's offset, so both interpretations are tried here explicitly.
 */
export function wallClockToUtc(date: string, minute: number, zone: string): number {
  const z = ianaZone(zone);
  const [y, m, d] = date.split('-').map(Number);
  const local = Date.UTC(y, m - 1, d) + minute * MINUTE_MS;
  const offsets = [...new Set([z.offset(local - DAY_MS), z.offset(local), z.offset(local + DAY_MS)])];
  let first: number | null = null;
  for (const o of offsets) {
    const u = local - o * MINUTE_MS;
    if (z.offset(u) === o && (first === null || u < first)) first = u;
  }
  if (first !== null) return first;
  // In the gap: the jump lies between reading it with the later offset (before the jump) and with the
  // earlier one (after it). Offsets change on whole minutes: search minute by minute.
  let lo = local - Math.max(...offsets) * MINUTE_MS;
  let hi = local - Math.min(...offsets) * MINUTE_MS;
  const before = z.offset(lo);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (z.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

/** The ranges of clinic date `date` as UTC instants `{ start, end }` (ms), with their source range; by start. */
export function rangesToUtc<R extends MinuteRange>(date: string, ranges: readonly R[], zone: string): Array<{ start: number; end: number; range: R }> {
  return ranges
    .map((range) => ({ start: wallClockToUtc(date, range.startMinute, zone), end: wallClockToUtc(date, range.endMinute, zone), range }))
    .sort((a, b) => a.start - b.start);
}

/** The slots `{ start, end }` of clinic date `date` in the working `ranges`, `slotMinutes` long, by start. */
export function daySlots(date: string, ranges: readonly MinuteRange[], slotMinutes: number, zone: string): Array<{ start: Date; end: Date }> {
  const step = slotMinutes * MINUTE_MS;
  const out: Array<{ start: Date; end: Date }> = [];
  for (const r of rangesToUtc(date, ranges, zone)) {
    for (let t = r.start; t + step <= r.end; t += step) out.push({ start: new Date(t), end: new Date(t + step) });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Where `start` falls among the day's ranges: `on-grid` (a slot of the grid, `slotMinutes` long, ending
 * by its range's end), `off-grid` (inside a range but not on a slot start, or running past the range's
 * end), or `outside` (in no range).
 */
export function gridPosition(date: string, ranges: readonly MinuteRange[], slotMinutes: number, zone: string, start: Date): 'on-grid' | 'off-grid' | 'outside' {
  const t = start.getTime();
  const step = slotMinutes * MINUTE_MS;
  const range = rangesToUtc(date, ranges, zone).find((r) => t >= r.start && t < r.end);
  if (!range) return 'outside';
  return (t - range.start) % step === 0 && t + step <= range.end ? 'on-grid' : 'off-grid';
}
