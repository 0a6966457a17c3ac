/**
 * zod schemas of the appointments capability — booking and changing appointments, doctors' availability
 * (weekly hours, slot length, time off) and the doctors/slots API — shared by server actions, route handlers and services. Input field names follow the API
 * (snake_case); weekly hours are given per weekday key (`mon` … `sun`) as ranges `{ start, end }` in
 * `HH:MM` clinic time (an end of `24:00` or `00:00` is midnight at the end of the day).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { CLINIC_YEAR_MESSAGE, addDays, clinicToday, clinicZone, inClinicYears, isCalendarDate } from '@/core/time';
import { DAY_KEYS, clockToMinutes, minutesToClock, type DayKey } from './availability-grid';
import { PATIENT_ID_DESCRIPTION } from '@/lib/patients/patient-id';

export const MIN_SLOT_MINUTES = 5;
export const MAX_SLOT_MINUTES = 240;
/** Most working periods on one weekday. */
export const MAX_RANGES_PER_DAY = 6;
/** Longest range of dates the slots API answers for. */
export const MAX_SLOT_RANGE_DAYS = 31;
/** Default number of days the slots API answers for when `to` is omitted. */
export const DEFAULT_SLOT_RANGE_DAYS = 14;
/** Longest single period of time off, in days. */
export const MAX_TIME_OFF_DAYS = 366;

/** Slot length in minutes: 5–240, a multiple of 5. */
export const slotMinutesSchema = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number({ error: 'Enter the slot length in minutes.' })
    .int('Use whole minutes.')
    .min(MIN_SLOT_MINUTES, `At least ${MIN_SLOT_MINUTES} minutes.`)
    .max(MAX_SLOT_MINUTES, `At most ${MAX_SLOT_MINUTES} minutes (4 hours).`)
    .multipleOf(5, 'Use a multiple of 5 minutes.'),
);

const rangeInput = z.object({
  start: z.string().trim().optional().default(''),
  end: z.string().trim().optional().default(''),
});
const dayRanges = z.array(rangeInput).max(MAX_RANGES_PER_DAY, `At most ${MAX_RANGES_PER_DAY} periods a day.`).optional().default([]);

const weekShape = {
  slot_minutes: z.unknown(),
  mon: dayRanges, tue: dayRanges, wed: dayRanges, thu: dayRanges, fri: dayRanges, sat: dayRanges, sun: dayRanges,
};
type WeekInput = { slot_minutes: unknown } & Record<DayKey, Array<{ start: string; end: string }>>;

export interface WorkingRangeInput {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** Minutes of an end time: `00:00` (what a time picker gives for midnight) ends the day, like `24:00`. */
function endMinutes(value: string): number {
  const m = clockToMinutes(value) as number;
  return m === 0 ? 24 * 60 : m;
}

function timeIssue(value: string): string | null {
  const m = clockToMinutes(value);
  if (m === null) return 'Use a time like 08:00.';
  if (m % 5 !== 0) return 'Use 5-minute steps, like 08:05.';
  return null;
}

/**
 * The rules of a week of hours, reported at the field they concern (`mon.1.start`): a period needs both
 * times, on 5-minute steps within 00:00–24:00, the end after the start, room for one slot, and no
 * overlap with another period of the same day. A row with both times empty is ignored (a blank form row).
 */
function checkWeek(v: WeekInput, ctx: z.RefinementCtx): void {
  const slot = slotMinutesSchema.safeParse(v.slot_minutes);
  if (!slot.success) for (const i of slot.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: ['slot_minutes'] });
  const slotMinutes = slot.success ? slot.data : null;
  for (const key of DAY_KEYS) {
    const valid: Array<{ j: number; s: number; e: number }> = [];
    v[key].forEach((row, j) => {
      if (!row.start && !row.end) return;
      const at = (field: 'start' | 'end', message: string) => ctx.addIssue({ code: 'custom', message, path: [key, j, field] });
      if (!row.start) return at('start', 'Enter a start time, or clear both times.');
      if (!row.end) return at('end', 'Enter an end time, or clear both times.');
      const si = timeIssue(row.start);
      const ei = timeIssue(row.end);
      if (si) at('start', si);
      if (ei) at('end', ei);
      if (si || ei) return;
      const s = clockToMinutes(row.start) as number;
      const e = endMinutes(row.end);
      if (e <= s) return at('end', 'The end must be after the start.');
      if (slotMinutes !== null && e - s < slotMinutes) return at('end', `Too short for one ${slotMinutes}-minute slot.`);
      valid.push({ j, s, e });
    });
    valid.sort((a, b) => a.s - b.s);
    for (let i = 1; i < valid.length; i++) {
      const prev = valid[i - 1];
      const cur = valid[i];
      if (cur.s < prev.e) {
        ctx.addIssue({ code: 'custom', message: `Overlaps ${minutesToClock(prev.s)}–${minutesToClock(prev.e)}.`, path: [key, cur.j, 'start'] });
      }
    }
  }
}

function toRanges(v: WeekInput): WorkingRangeInput[] {
  const out: WorkingRangeInput[] = [];
  DAY_KEYS.forEach((key, i) => {
    for (const row of v[key]) {
      if (!row.start && !row.end) continue;
      out.push({ weekday: i + 1, startMinute: clockToMinutes(row.start) as number, endMinute: endMinutes(row.end) });
    }
  });
  return out.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}

/**
 * A doctor's week: `{ slot_minutes, mon: [{ start: "08:00", end: "12:00" }, …], …, sun: [] }` →
 * `{ slotMinutes, ranges: [{ weekday, startMinute, endMinute }] }` (omitted days have no hours).
 */
export const weeklyHoursSchema = z.object(weekShape).superRefine(checkWeek)
  .transform((v) => ({ slotMinutes: slotMinutesSchema.parse(v.slot_minutes) as number, ranges: toRanges(v) }));
export type WeeklyHoursInput = z.input<typeof weeklyHoursSchema>;

/** A positive integer id from a form field. */
const formId = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

const DAY_FIELD = /^(mon|tue|wed|thu|fri|sat|sun)\.(\d{1,2})\.(start|end)$/;

/**
 * Flat form fields (`slot_minutes`, `mon.0.start`, `mon.0.end`, …, `doctor_id`) → the nested week input.
 * Row numbers are kept, so an error at `mon.1.end` lands next to the field of that name.
 */
export function weekFromForm(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const out: Record<string, unknown> = {};
  const days: Partial<Record<DayKey, Array<{ start: string; end: string }>>> = {};
  for (const [k, value] of Object.entries(raw as Record<string, unknown>)) {
    const m = DAY_FIELD.exec(k);
    if (!m) {
      out[k] = value;
      continue;
    }
    const [, key, row, field] = m as unknown as [string, DayKey, string, 'start' | 'end'];
    const j = Number(row);
    if (j >= MAX_RANGES_PER_DAY * 2) continue;
    const list = (days[key] ??= []);
    while (list.length <= j) list.push({ start: '', end: '' });
    list[j][field] = typeof value === 'string' ? value : '';
  }
  return { ...out, ...days };
}

/** The weekly-hours form of the availability pages (flat fields, plus the doctor's id). */
export const weeklyHoursFormSchema = z.preprocess(weekFromForm, z.object({ ...weekShape, doctor_id: formId('Unknown doctor.') }).superRefine(checkWeek));

/** A clinic date `YYYY-MM-DD` (one message: missing, malformed, or not a real date). */
const isoDate = (missing: string) => z.string({ error: missing }).trim().superRefine((v, ctx) => {
  const message = !v ? missing
    : !/^\d{4}-\d{2}-\d{2}$/.test(v) ? 'Use the form YYYY-MM-DD.'
      : !isCalendarDate(v) ? 'This is not a real date.'
        : !inClinicYears(v) ? CLINIC_YEAR_MESSAGE : null;
  if (message) ctx.addIssue({ code: 'custom', message });
});

const timeOffShape = {
  start_date: isoDate('Enter the first day away.'),
  end_date: isoDate('Enter the last day away.'),
  reason: z.string().trim().max(200, 'At most 200 characters.').nullish().transform((v) => v || null),
};
function checkTimeOff(v: { start_date: string; end_date: string }, ctx: z.RefinementCtx): void {
  // The fields' own checks have reported a date that is not a clinic date; compare real dates only.
  if (![v.start_date, v.end_date].every((d) => isCalendarDate(d) && inClinicYears(d))) return;
  if (v.end_date < v.start_date) ctx.addIssue({ code: 'custom', message: 'The last day cannot be before the first day.', path: ['end_date'] });
  else if (addDays(v.start_date, MAX_TIME_OFF_DAYS - 1) < v.end_date) {
    ctx.addIssue({ code: 'custom', message: `At most ${MAX_TIME_OFF_DAYS} days at a time.`, path: ['end_date'] });
  }
}

/** A period of time off: `{ start_date, end_date, reason? }`, clinic dates, both included, end ≥ start. */
export const timeOffSchema = z.object(timeOffShape).superRefine(checkTimeOff);
export type TimeOffInput = z.input<typeof timeOffSchema>;

/** The add-time-off form (plus the doctor's id). */
export const timeOffFormSchema = z.object({ ...timeOffShape, doctor_id: formId('Unknown doctor.') }).superRefine(checkTimeOff);

/** The remove-time-off form. */
export const removeTimeOffFormSchema = z.object({ time_off_id: formId('Unknown time off.') });

/**
 * `GET /api/doctors/{id}/slots/?from=&to=`: clinic dates; `from` defaults to today, `to` to
 * 14 days from `from`; `from` ≤ `to`, at most 31 days.
 */
export const slotsQuerySchema = z.object({
  from: isoDate('Give from as YYYY-MM-DD.').optional(),
  to: isoDate('Give to as YYYY-MM-DD.').optional(),
}).transform((v, ctx) => {
  const from = v.from ?? clinicToday();
  const to = v.to ?? addDays(from, DEFAULT_SLOT_RANGE_DAYS - 1);
  if (to < from) {
    ctx.addIssue({ code: 'custom', message: 'to must be on or after from.', path: ['to'] });
    return z.NEVER;
  }
  if (addDays(from, MAX_SLOT_RANGE_DAYS - 1) < to) {
    ctx.addIssue({ code: 'custom', message: `The range is at most ${MAX_SLOT_RANGE_DAYS} days.`, path: ['to'] });
    return z.NEVER;
  }
  return { from, to };
});

// ---- Booking and changing appointments

/**
 * An instant: ISO 8601 with an offset or `Z` (`2026-12-01T09:20:00+03:00`); a time without an offset
 * is read as clinic time. Becomes a `Date`.
 */
export const instantInput = z.string().trim().min(1, 'Give a date and time.').transform((v, ctx) => {
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(v);
  const d = DateTime.fromISO(v, hasZone ? { setZone: true } : { zone: clinicZone() });
  if (!d.isValid || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) {
    ctx.addIssue({ code: 'custom', message: 'Use an ISO 8601 date and time, e.g. 2026-12-01T09:20:00+03:00.' });
    return z.NEVER;
  }
  return d.toJSDate();
});

const id = (what: string) => z.coerce.number({ error: `Give the ${what} id.` }).int(`Give the ${what} id.`).positive(`Give the ${what} id.`);
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

/** `POST /api/appointments/` and the booking forms. `patient_id` is required when staff book. */
export const bookAppointmentSchema = z.object({
  doctor_id: id('doctor'),
  patient_id: id('patient').optional().meta({ description: PATIENT_ID_DESCRIPTION }),
  date_time: instantInput,
  reason: text(500).optional(),
  notes: text(4000).optional(),
});
export type BookAppointmentInput = z.infer<typeof bookAppointmentSchema>;

/** `POST /api/appointments/{id}/cancel/` (and `DELETE`): a reason is required. */
export const cancelAppointmentSchema = z.object({
  reason: z.string({ error: 'Give a reason for the cancellation.' }).trim().max(500, 'At most 500 characters.').min(1, 'Give a reason for the cancellation.'),
});

/** `PUT /api/appointments/{id}/`: a new `date_time` reschedules; `reason` and `notes` edit. */
export const updateAppointmentSchema = z.object({
  date_time: instantInput.optional(),
  reason: text(500).optional(),
  notes: text(4000).optional(),
});
export type UpdateAppointmentInput = z.infer<typeof updateAppointmentSchema>;

/** Filters of `GET /api/appointments/`. */
export const listAppointmentsSchema = z.object({
  status: z.enum(['pending', 'confirmed', 'completed', 'cancelled', 'no_show']).optional(),
  doctor_id: z.coerce.number().int().positive().optional(),
  patient_id: z.coerce.number().int().positive().optional().meta({ description: PATIENT_ID_DESCRIPTION }),
  from: instantInput.optional(),
  to: instantInput.optional(),
});
