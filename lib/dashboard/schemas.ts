/** Input schemas of the admin dashboard (shared by the stats service and its route). */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.');

/** `?from=&to=&granularity=`: inclusive clinic dates (default the last 30 days ending today), day/week/month buckets. */
export const dashboardStatsSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  granularity: z.enum(['day', 'week', 'month']).default('day'),
});
export type DashboardStatsInput = z.input<typeof dashboardStatsSchema>;
export type Granularity = z.infer<typeof dashboardStatsSchema>['granularity'];

/** The longest range the dashboard answers, in days (both ends included). */
export const MAX_RANGE_DAYS = 366;
/** The default range, in days ending today (clinic time). */
export const DEFAULT_RANGE_DAYS = 30;
