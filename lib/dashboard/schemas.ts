/** Input schemas of the admin dashboard (shared by the stats service and its route). */
import { z } from 'zod';

/** The years the dashboard and the monthly report answer (as the report's months). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2099;
export const YEAR_MESSAGE = `Use a year from ${MIN_YEAR} to ${MAX_YEAR}.`;
/** Whether `YYYY…` starts with a year the reports answer. */
export const yearInRange = (s: string) => Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR;

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
