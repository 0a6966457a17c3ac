/**
 * Live aggregates for the admin dashboard (lib/dashboard/get-dashboard-stats.ts) that need no summary
 * table: each is one indexed range count. Visits and diagnoses come from the summary tables
 * (db/repositories/visit-stats.ts).
 */
import { and, count, gte, lt } from 'drizzle-orm';
import { q, tables } from '../index';
import type { AppointmentStatus } from '../schema/types';

type Range = { from: Date; to: Date };

/** Patients registered before `to`, and those registered in `[from, to)`. */
export async function countPatientsTotalAndNew({ from, to }: Range): Promise<{ total: number; new: number }> {
  const db = await q();
  const p = tables.patients;
  const [[total], [fresh]] = await Promise.all([
    db.select({ n: count() }).from(p).where(lt(p.createdAt, to)),
    db.select({ n: count() }).from(p).where(and(gte(p.createdAt, from), lt(p.createdAt, to))),
  ]);
  return { total: Number(total.n), new: Number(fresh.n) };
}

/** Appointments starting in the range, counted per status. */
export async function countAppointmentsByStatus({ from, to }: Range): Promise<Partial<Record<AppointmentStatus, number>>> {
  const db = await q();
  const a = tables.appointments;
  const rows = await db.select({ status: a.status, n: count() }).from(a)
    .where(and(gte(a.startAt, from), lt(a.startAt, to))).groupBy(a.status);
  return Object.fromEntries(rows.map((x) => [x.status, Number(x.n)]));
}
