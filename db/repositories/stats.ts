/**
 * The one live aggregate of the admin dashboard (lib/dashboard/get-dashboard-stats.ts): appointments by
 * status, an indexed range count over the range's appointments. Patients, visits and diagnoses come from
 * the summary tables (db/repositories/visit-stats.ts).
 */
import { and, count, gte, lt } from 'drizzle-orm';
import { q, tables } from '../index';
import type { AppointmentStatus } from '../../core/vocabulary';

type Range = { from: Date; to: Date };

/** Appointments starting in the range, counted per status. */
export async function countAppointmentsByStatus({ from, to }: Range): Promise<Partial<Record<AppointmentStatus, number>>> {
  const db = await q();
  const a = tables.appointments;
  const rows = await db.select({ status: a.status, n: count() }).from(a)
    .where(and(gte(a.startAt, from), lt(a.startAt, to))).groupBy(a.status);
  return Object.fromEntries(rows.map((x) => [x.status, Number(x.n)]));
}
