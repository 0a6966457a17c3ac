import { desc } from 'drizzle-orm';
import { q, tables } from '../index';
import { insertOne } from '../dialect';

export type NewAuditEvent = typeof tables.auditEvents.$inferInsert;

/** Appends one audit event (joins the caller's transaction when there is one). */
export async function appendAuditEvent(values: NewAuditEvent): Promise<void> {
  await insertOne(tables.auditEvents, values);
}

/** The latest audit events, newest first. */
export async function listRecentAuditEvents(limit = 20) {
  const db = await q();
  const a = tables.auditEvents;
  return db.select().from(a).orderBy(desc(a.at), desc(a.id)).limit(limit);
}
