/** Input schemas of the admin dashboard (shared by the stats service and its route). */
import { z } from 'zod';

import { CLINIC_YEAR_MESSAGE, MAX_CLINIC_YEAR, MIN_CLINIC_YEAR, inClinicYears } from '@/core/time';

/** The years the dashboard and the monthly report answer (as the report's months): the clinic's years. */
export const MIN_YEAR = MIN_CLINIC_YEAR;
export const MAX_YEAR = MAX_CLINIC_YEAR;
export const YEAR_MESSAGE = CLINIC_YEAR_MESSAGE;
/** Whether `YYYY…` starts with a year the reports answer. */
export const yearInRange = inClinicYears;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string().regex(ISO_DATE, 'Use YYYY-MM-DD.')
  .refine((s) => !ISO_DATE.test(s) || yearInRange(s), YEAR_MESSAGE);

/** `?from=&to=&granularity=`: inclusive clinic dates (default the last 30 days ending today), day/week/month buckets. */
export const dashboardStatsSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  granularity: z.enum(['day', 'week', 'month'], { error: 'Choose day, week or month.' }).default('day'),
});
export type DashboardStatsInput = z.input<typeof dashboardStatsSchema>;
export type Granularity = z.infer<typeof dashboardStatsSchema>['granularity'];

/** The longest range the dashboard answers, in days (both ends included). */
export const MAX_RANGE_DAYS = 366;
/** The default range, in days ending today (clinic time). */
export const DEFAULT_RANGE_DAYS = 30;
