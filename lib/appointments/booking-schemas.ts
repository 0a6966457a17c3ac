/** zod schemas for booking and changing appointments, shared by the API and the portals' forms. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { clinicZone } from '@/lib/time';

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
  patient_id: id('patient').optional(),
  date_time: instantInput,
  reason: text(500).optional(),
  notes: text(4000).optional(),
});
export type BookAppointmentInput = z.infer<typeof bookAppointmentSchema>;

/** `POST /api/appointments/{id}/cancel/` (and `DELETE`): a reason is required. */
export const cancelAppointmentSchema = z.object({
  reason: text(500).min(1, 'Give a reason for the cancellation.'),
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
  patient_id: z.coerce.number().int().positive().optional(),
  from: instantInput.optional(),
  to: instantInput.optional(),
});
