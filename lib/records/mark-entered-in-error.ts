import { withTransaction } from '@/db';
import { findRecordDetail } from '@/db/repositories/record-reads';
import { markRecordEnteredInError } from '@/db/repositories/record-lifecycle';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { notFound, validationError } from '@/lib/errors';
import { ENTERED_IN_ERROR_ACTION } from './record-audit-actions';
import { assertCanChangeRecord } from './record-access';
import { enteredInErrorConflict } from './record-content';

/**
 * Marks a medical record entered in error (charted on the wrong patient, a wrong visit…): its status
 * becomes 'entered-in-error' with `statusReason` = `reason` (required; the schema refuses an empty
 * one). Nothing is removed — the row and its lines stay — but it is hidden from every list, chart and
 * count (they all filter `status <> 'entered-in-error'`); its doctor and admins can still open it by
 * id and see who marked it, when and why. `DELETE /api/medical-records/{id}/` does this.
 *
 * Only the doctor who wrote it or an admin (403; 404 when the user may not even read it); a record
 * already entered in error is a 409. The change and its audit event (`record.entered_in_error`,
 * details `{ reason, previousStatus, version }`) are written together. Returns the record as it now is.
 */
export async function markEnteredInError(opts: { user: CurrentUser; actor: Actor; recordId: number; reason: string; now?: Date }) {
  const user = assertRole(opts.user);
  const now = opts.now ?? new Date();
  const reason = opts.reason.trim();
  if (!reason) throw validationError({ reason: ['Say why this record is in error.'] });
  const record = await findRecordDetail(opts.recordId);
  if (!record) throw notFound('The medical record');
  await assertCanChangeRecord(user, record);
  if (record.status === 'entered-in-error') throw enteredInErrorConflict('marked again');
  return withTransaction(async () => {
    if (!(await markRecordEnteredInError(record.id, reason, now))) throw enteredInErrorConflict('marked again');
    await audit(opts.actor, {
      action: ENTERED_IN_ERROR_ACTION, entity: 'medical_record', entityId: record.id, patientId: record.patientId,
      details: { reason, previousStatus: record.status, version: record.version },
    });
    return (await findRecordDetail(record.id))!;
  });
}
