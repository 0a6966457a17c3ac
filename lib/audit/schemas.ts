/**
 * zod schema of the audit log's filters, shared by the admin page `/admin/activity` and
 * `GET /api/dashboard/recent-activity/` (same names as the query parameters). Empty values mean "no filter".
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { AUDIT_OUTCOMES } from '@/core/vocabulary';

/** The filter parameters, in the order the page shows them. */
export const ACTIVITY_FILTER_KEYS = ['actor', 'action', 'patient', 'outcome', 'from', 'to'] as const;
export type ActivityFilterKey = (typeof ACTIVITY_FILTER_KEYS)[number];
/** The raw filters as they arrive in a query string (unknown keys are ignored). */
export type ActivityFilterParams = Partial<Record<ActivityFilterKey, string>>;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.string({ error: 'Use text.' }).trim().max(max, `At most ${max} characters.`);
const MAX_ID = Number.MAX_SAFE_INTEGER;

const clinicDate = z.string({ error: 'Use YYYY-MM-DD.' }).trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
  .refine((v) => DateTime.fromISO(v, { zone: 'UTC' }).isValid, 'Not a valid date.');

/** `actor`: a user id (digits), or at least 2 characters of a name or an email. */
const actor = text(100).transform((v, ctx) => {
  if (/^\d+$/.test(v)) {
    const id = Number(v);
    if (id >= 1 && id <= MAX_ID) return { kind: 'id', id } as const;
    ctx.addIssue({ code: 'custom', message: 'Not a valid user id.' });
    return z.NEVER;
  }
  if (v.length < 2) {
    ctx.addIssue({ code: 'custom', message: 'Type at least 2 characters of a name or email, or a user id.' });
    return z.NEVER;
  }
  return { kind: 'text', text: v } as const;
});

/** `action`: one action (`record.create`), or a prefix ending in a dot (`record.`, also written `record.*`). */
const action = text(64).toLowerCase().transform((v, ctx) => {
  const a = v.endsWith('.*') ? v.slice(0, -1) : v;
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(a)) {
    ctx.addIssue({ code: 'custom', message: 'Use an action such as record.create, or a prefix ending in a dot such as record.' });
    return z.NEVER;
  }
  return a.endsWith('.') ? ({ kind: 'prefix', prefix: a } as const) : ({ kind: 'exact', exact: a } as const);
});

/** `patient`: a clinic number (`EH-000123`, `eh123`) or the patient's user id (digits). */
const patient = text(32).transform((v, ctx) => {
  if (/^\d+$/.test(v)) {
    const id = Number(v);
    if (id >= 1 && id <= MAX_ID) return { kind: 'id', id } as const;
    ctx.addIssue({ code: 'custom', message: 'Not a valid patient id.' });
    return z.NEVER;
  }
  const m = /^eh-?\s*(\d{1,12})$/i.exec(v);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'Enter a patient number such as EH-000123, or a patient id.' });
    return z.NEVER;
  }
  return { kind: 'number', number: `EH-${String(Number(m[1])).padStart(6, '0')}` } as const;
});

/**
 * The audit log's filters (all optional, combined with AND): `actor`, `action`, `patient` (see above),
 * `outcome` (success | failure | denied), `from` / `to` (clinic dates `YYYY-MM-DD`, both included,
 * `from` ≤ `to`). Field errors name the parameter.
 */
export const activityFiltersSchema = z.object({
  actor: z.preprocess(blank, actor.optional()),
  action: z.preprocess(blank, action.optional()),
  patient: z.preprocess(blank, patient.optional()),
  outcome: z.preprocess(blank, z.enum(AUDIT_OUTCOMES, { message: 'Choose success, failure or denied.' }).optional()),
  from: z.preprocess(blank, clinicDate.optional()),
  to: z.preprocess(blank, clinicDate.optional()),
}).superRefine((v, ctx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'The start date must be on or before the end date.' });
});
export type ActivityFilters = z.infer<typeof activityFiltersSchema>;
