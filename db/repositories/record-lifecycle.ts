/**
 * A charted record's lifecycle writes (lib/records: amend, entered-in-error): conditional updates that
 * refuse to overwrite a version someone else changed meanwhile, each keeping the record's dashboard
 * statistics in the same transaction. A record row is always its current version (record-reads.ts).
 */
import { and, eq, ne } from 'drizzle-orm';
import { q, tables, withTransaction } from '../index';
import { affectedRows } from '../dialect';
import type { NewMedicalRecord } from './records';
import { syncRecordVisit } from './stats-sync';

/**
 * Updates record `id`'s content to `values` only while it is still at version `expectedVersion` and
 * not entered-in-error; false when it changed meanwhile (nothing written).
 */
export async function updateRecordIfVersion(id: number, expectedVersion: number, values: Partial<NewMedicalRecord>): Promise<boolean> {
  return withTransaction(async () => {
    const db = await q();
    const r = tables.medicalRecords;
    const res = await db.update(r).set(values)
      .where(and(eq(r.id, id), eq(r.version, expectedVersion), ne(r.status, 'entered-in-error')));
    if (affectedRows(res) !== 1) return false;
    await syncRecordVisit(id);
    return true;
  });
}

/** Marks record `id` entered-in-error with `reason` unless it already is; false when it already was. */
export async function markRecordEnteredInError(id: number, reason: string, now: Date): Promise<boolean> {
  return withTransaction(async () => {
    const db = await q();
    const r = tables.medicalRecords;
    const res = await db.update(r).set({ status: 'entered-in-error', statusReason: reason, updatedAt: now })
      .where(and(eq(r.id, id), ne(r.status, 'entered-in-error')));
    if (affectedRows(res) !== 1) return false;
    await syncRecordVisit(id);
    return true;
  });
}
