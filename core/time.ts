/**
 * Clinic time. Instants are stored in UTC; "today", day boundaries and display use the clinic's
 * IANA zone (`CLINIC_TIME_ZONE`, default Africa/Nairobi), through luxon (IANA tz database).
 */
import { DateTime, IANAZone } from 'luxon';
import { env } from './env';

// ---- Fast wall-clock fields in a zone.
// Luxon finds a zone's offset through Intl.DateTimeFormat#formatToParts on every conversion, which
// dominated serializing a page of visits (dozens of instants). Offsets only change at a zone's
// transitions, so the offset is kept per zone and per quarter hour of UTC time (every transition in
// the tz database since 1900 falls on a quarter hour; a quarter whose two ends disagree is not kept).
// Results are the same as luxon's (core/time.test.ts compares them over many instants and zones).

const QUARTER_MS = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();
const FIXED_OR_SPECIAL = /^(utc|gmt|z|local|system|default)$|^(utc|gmt)[+-]/i;

/** The offset from UTC in minutes of IANA `zone` at epoch-ms `ts`, or null when luxon must decide (not an IANA zone name). */
function ianaOffsetMinutes(ts: number, zone: string): number | null {
  let byQuarter = offsetCache.get(zone);
  if (!byQuarter) {
    if (FIXED_OR_SPECIAL.test(zone) || !IANAZone.isValidZone(zone)) return null;
    byQuarter = new Map();
    offsetCache.set(zone, byQuarter);
  }
  const quarter = Math.floor(ts / QUARTER_MS);
  const hit = byQuarter.get(quarter);
  if (hit !== undefined) return hit;
  const z = IANAZone.create(zone);
  const start = z.offset(quarter * QUARTER_MS);
  if (start !== z.offset(quarter * QUARTER_MS + QUARTER_MS - 1)) return z.offset(ts);
  if (byQuarter.size >= 50_000) byQuarter.clear();
  byQuarter.set(quarter, start);
  return start;
}

/** `at`'s wall clock in `zone` as a Date whose UTC fields are those wall-clock fields, with the offset; null for luxon to handle. */
function wallClock(at: Date, zone: string): { wall: Date; offset: number } | null {
  const ts = at.getTime();
  if (!Number.isFinite(ts)) return null;
  const offset = ianaOffsetMinutes(ts, zone);
  // Local mean time before a zone's first standard offset can be in seconds: luxon's own path.
  if (offset === null || !Number.isInteger(offset)) return null;
  const wall = new Date(ts + offset * 60_000);
  const year = wall.getUTCFullYear();
  return year >= 1 && year <= 9999 ? { wall, offset } : null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));
const pad4 = (n: number) => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : String(n));
const isoDateOf = (wall: Date) => `${pad4(wall.getUTCFullYear())}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;

/** The clinic's IANA time zone. */
export function clinicZone(): string {
  return env().CLINIC_TIME_ZONE;
}

/**
 * The clinic-time calendar day of `at` as an integer `yyyymmdd` (e.g. 20261130): the key of the
 * dashboard's daily statistics, comparable and sortable as a number on both databases.
 */
export function clinicDayKey(at: Date, zone = clinicZone()): number {
  const fast = wallClock(at, zone);
  if (fast) return fast.wall.getUTCFullYear() * 10_000 + (fast.wall.getUTCMonth() + 1) * 100 + fast.wall.getUTCDate();
  const d = DateTime.fromJSDate(at, { zone });
  return d.year * 10_000 + d.month * 100 + d.day;
}

/** `yyyymmdd` → `'YYYY-MM-DD'`. */
export function dayKeyToIso(key: number): string {
  const s = String(key);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** `'YYYY-MM-DD'` → `yyyymmdd`. */
export function isoToDayKey(iso: string): number {
  return Number(iso.slice(0, 10).replace(/-/g, ''));
}

/** `[start, end)` of the clinic-time calendar day containing `at` (or of `isoDate`), as UTC instants. */
export function clinicDayRange(at: Date | string = new Date(), zone = clinicZone()): { start: Date; end: Date } {
  const d = typeof at === 'string' ? DateTime.fromISO(at, { zone }) : DateTime.fromJSDate(at, { zone });
  if (!d.isValid) throw new Error(`invalid date: ${String(at)}`);
  const start = d.startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** Today's date in the clinic as `YYYY-MM-DD`. */
export function clinicToday(now: Date = new Date(), zone = clinicZone()): string {
  const fast = wallClock(now, zone);
  if (fast) return isoDateOf(fast.wall);
  return DateTime.fromJSDate(now, { zone }).toISODate() as string;
}

/** The UTC instant of wall-clock `hh:mm` on `isoDate` in the clinic zone. */
export function clinicInstant(isoDate: string, hhmm: string, zone = clinicZone()): Date {
  const d = DateTime.fromISO(`${isoDate}T${hhmm}`, { zone });
  if (!d.isValid) throw new Error(`invalid clinic time: ${isoDate} ${hhmm}`);
  return d.toJSDate();
}

/**
 * `date` plus `days` calendar days (`YYYY-MM-DD` in, out). Throws a RangeError for a date that is not
 * a real calendar date (`2026-02-30`) or a result outside the years 0001–9999, which `YYYY-MM-DD`
 * cannot spell (Luxon would answer `+010000-01-01`, which sorts before `9999-12-31` as text).
 */
export function addDays(isoDate: string, days: number): string {
  const d = DateTime.fromISO(isoDate, { zone: 'UTC' });
  if (!d.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a calendar date: ${isoDate}`);
  const out = d.plus({ days });
  if (out.year < 1 || out.year > 9999) throw new RangeError(`${isoDate} plus ${days} days is outside the years 0001–9999`);
  return out.toISODate() as string;
}

/** The years a clinic date may fall in (dates of visits, appointments, time off, reports): 1900–2099. */
export const MIN_CLINIC_YEAR = 1900;
export const MAX_CLINIC_YEAR = 2099;
/** What to say about a date outside those years. */
export const CLINIC_YEAR_MESSAGE = `Use a year from ${MIN_CLINIC_YEAR} to ${MAX_CLINIC_YEAR}.`;
/** Whether `YYYY…` (a date or a month) starts with a year from MIN_CLINIC_YEAR to MAX_CLINIC_YEAR. */
export function inClinicYears(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= MIN_CLINIC_YEAR && year <= MAX_CLINIC_YEAR;
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (`2026-02-30` is not). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/** ISO 8601 with the clinic's offset, e.g. `2026-12-01T09:20:00.000+03:00` (the API's instant format). */
export function toClinicIso(at: Date, zone = clinicZone()): string {
  const fast = wallClock(at, zone);
  if (fast) {
    const { wall, offset } = fast;
    const abs = Math.abs(offset);
    return `${isoDateOf(wall)}T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}.${pad3(wall.getUTCMilliseconds())}`
      + `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  }
  return DateTime.fromJSDate(at, { zone }).toISO() as string;
}

/** Display date, e.g. `Mon 1 Dec 2026`. */
export function formatDate(at: Date, zone = clinicZone()): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL yyyy');
}

/** A calendar date (`YYYY-MM-DD`, such as a date of birth) for display, e.g. `5 Mar 1990`; the text itself when it is not such a date. */
export function formatCalendarDate(iso: string): string {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && d.isValid ? d.toFormat('d LLL yyyy') : iso;
}

/** Display time, e.g. `14:20`. */
export function formatTime(at: Date, zone = clinicZone()): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
}

/** Short zone name for display, e.g. `EAT`. */
export function zoneAbbrev(at: Date = new Date(), zone = clinicZone()): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ZZZZ');
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Age in whole years on `on` (clinic today by default) of someone born on `dateOfBirth` (`YYYY-MM-DD`).
 * Compared as month and day, so a 29 February birthday is reached on 1 March in common years.
 */
export function ageOn(dateOfBirth: string, on: string = clinicToday()): number {
  if (CALENDAR_DATE.test(dateOfBirth) && CALENDAR_DATE.test(on)) {
    // Plain YYYY-MM-DD on both sides (the stored form): compare the digits, no date library needed.
    const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
    const md = (t: string) => Number(t.slice(5, 7)) * 100 + Number(t.slice(8, 10));
    return md(on) < md(dateOfBirth) ? years - 1 : years;
  }
  const b = DateTime.fromISO(dateOfBirth, { zone: 'UTC' });
  const d = DateTime.fromISO(on, { zone: 'UTC' });
  let years = d.year - b.year;
  const birthdayThisYear = b.month * 100 + b.day;
  const today = d.month * 100 + d.day;
  if (today < birthdayThisYear) years -= 1;
  return years;
}
