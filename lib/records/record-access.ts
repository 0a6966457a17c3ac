/**
 * Who may read and change one medical record, and the audit of chart reads — the rules every record
 * service applies (on top of the shared policy, lib/auth/policy.ts):
 * - Read: the patient, an admin, or a doctor linked to the patient (`canOpenChart`). A record entered
 *   in error is shown only to the doctor who wrote it and to admins (it may belong to someone else's
 *   chart); to anyone else it does not exist (404).
 * - Change (amend, mark entered in error): the doctor who wrote it, or an admin.
 * - Every read by someone other than the patient is audited: `chart.view` with the patient.
 */
import type { RecordDetail } from '@/db/repositories/record-reads';
import { auditMany, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { canOpenChart } from '@/lib/auth/policy';
import { forbidden, notFound } from '@/lib/errors';

type Owned = Pick<RecordDetail, 'patientId' | 'doctorId' | 'status'>;

/** Whether `user` may amend record `r` or mark it entered in error: its author or an admin. */
export function canChangeRecord(user: CurrentUser, r: Pick<RecordDetail, 'doctorId'>): boolean {
  return user.role === 'admin' || (user.role === 'doctor' && r.doctorId === user.id);
}

/** Throws unless `user` may change record `r`: 404 when they may not even read it, 403 otherwise. */
export async function assertCanChangeRecord(user: CurrentUser, r: Owned): Promise<void> {
  if (canChangeRecord(user, r)) return;
  await assertCanReadRecord(user, r);
  throw forbidden('Only the doctor who wrote this record, or an admin, can change it.');
}

/** Throws `not_found`/`forbidden` unless `user` may read record `r` (see the module comment). */
export async function assertCanReadRecord(user: CurrentUser, r: Owned): Promise<void> {
  if (r.status === 'entered-in-error' && !canChangeRecord(user, r)) throw notFound('The medical record');
  if (!(await canOpenChart(user, r.patientId))) {
    throw forbidden(user.role === 'patient' ? 'This record belongs to someone else.' : 'This patient is not linked to you.');
  }
}

/** One read of a chart: the patient, what was read (entity, default the patient) and details. */
export interface ChartRead {
  patientId: number;
  entity?: string;
  entityId?: number;
  details: Record<string, unknown>;
}

/**
 * Audits `user`'s reads of charts: one `chart.view` per read (patient, entity, details), in one
 * transaction; the patient's reads of their own chart are not audited. A read whose audit cannot be
 * written fails with it (call this before answering).
 */
export async function auditChartReads(user: CurrentUser, actor: Actor, reads: ChartRead[]): Promise<void> {
  const others = reads.filter((r) => r.patientId !== user.id);
  if (!others.length) return;
  // One INSERT of all the entries: atomic without a transaction, which would hold up every other
  // statement of this process (db/sqlite-gate.ts) for the read's sake.
  await auditMany(actor, others.map((r) => ({ action: 'chart.view', entity: r.entity ?? 'patient', entityId: r.entityId ?? r.patientId, patientId: r.patientId, details: r.details })));
}
