import { asc, eq } from 'drizzle-orm';
import { q, tables } from '../index';
import { insertOne } from '../dialect';

export type AppointmentEventRow = typeof tables.appointmentEvents.$inferSelect;

/** Appends one event to an appointment's history. */
export async function appendAppointmentEvent(values: typeof tables.appointmentEvents.$inferInsert): Promise<void> {
  await insertOne(tables.appointmentEvents, values);
}

/** The history of appointment `appointmentId`, oldest first. */
export async function listAppointmentEvents(appointmentId: number): Promise<AppointmentEventRow[]> {
  const db = await q();
  const e = tables.appointmentEvents;
  return db.select().from(e).where(eq(e.appointmentId, appointmentId)).orderBy(asc(e.at), asc(e.id));
}
