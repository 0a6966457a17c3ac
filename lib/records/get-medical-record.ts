import { findPatientByUserId } from '@/db/repositories/patients';
import { findRecordDetail, listRecordEvents, type RecordDetail } from '@/db/repositories/record-reads';
import type { RecordStatus } from '@/core/vocabulary';
import type { Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { notFound } from '@/lib/errors';
import { patientIdentityOf, type PatientIdentity } from '@/lib/patients/patient-identity';
import { AMEND_ACTION, ENTERED_IN_ERROR_ACTION } from './record-audit-actions';
import { assertCanReadRecord, auditChartReads } from './record-access';
import { contentOf, contentOfSnapshot, recordSnapshotSchema, type RecordContent } from './record-content';

/** One version of a record: its content, who wrote it and when. */
export interface MedicalRecordVersion {
  version: number;
  status: RecordStatus;
  /** When this version was written: the visit's charting for version 1, the amendment for later ones. */
  writtenAt: Date;
  /** Who wrote it: the record's doctor for version 1, the amending user (a doctor or an admin) after. */
  writtenBy: { id: number | null; name: string | null };
  /** The reason given with the amendment that wrote it (null for version 1 or when none was given). */
  reason: string | null;
  content: RecordContent;
  /** True for the record as it stands now (the last of the list). */
  current: boolean;
}

/** Who marked a record entered in error, when, and why. */
export interface EnteredInErrorMark {
  at: Date;
  by: { id: number | null; name: string | null };
  reason: string | null;
}

/**
 * Record `recordId` for `user`, with every version, oldest first (the last is the current one), and
 * the entered-in-error mark when there is one, and the patient's identity (`patient`: name, number,
 * date of birth, sex; null should the profile be missing). See `amendMedicalRecord` for where versions live:
 * version 1 is written by the record's doctor when the visit is charted; version n+1 by the user of
 * the `record.amend` audit event that took the record to it, whose `details.previous` holds version n.
 *
 * Readable by the patient, an admin, or a doctor linked to the patient; an entered-in-error record
 * only by its doctor and admins (404 for anyone else, as for no such record). A read by anyone but
 * the patient is audited (`chart.view`, entity `medical_record`).
 */
export async function getMedicalRecord(opts: { user: CurrentUser; actor: Actor; recordId: number }) {
  const user = assertRole(opts.user);
  const record = await findRecordDetail(opts.recordId);
  if (!record) throw notFound('The medical record');
  await assertCanReadRecord(user, record);
  const [events, profile] = await Promise.all([listRecordEvents(record.id, [AMEND_ACTION, ENTERED_IN_ERROR_ACTION]), findPatientByUserId(record.patientId)]);
  const patient: PatientIdentity | null = profile ? patientIdentityOf({ id: record.patientId, name: record.patientName }, profile) : null;
  await auditChartReads(user, opts.actor, [{ patientId: record.patientId, entity: 'medical_record', entityId: record.id, details: { via: 'record', version: record.version } }]);
  return { record, patient, versions: recordVersions(record, events), enteredInError: enteredInErrorMark(record, events) };
}

type RecordEvent = Awaited<ReturnType<typeof listRecordEvents>>[number];

/** The versions of `record` rebuilt from its amendment events (see `getMedicalRecord`). */
export function recordVersions(record: RecordDetail, events: RecordEvent[]): MedicalRecordVersion[] {
  const amendments = events.filter((e) => e.action === AMEND_ACTION);
  /** The amendment that produced version `v`. */
  const producing = (v: number) => amendments.find((e) => Number(e.details?.toVersion) === v);
  const writer = (v: number) => {
    const e = v > 1 ? producing(v) : undefined;
    return e
      ? { writtenAt: e.at, writtenBy: { id: e.actorUserId ?? null, name: e.actorName }, reason: typeof e.details?.reason === 'string' && e.details.reason ? e.details.reason : null }
      : { writtenAt: record.createdAt, writtenBy: { id: record.doctorId, name: record.doctorName }, reason: null };
  };
  const earlier: MedicalRecordVersion[] = [];
  for (const e of amendments) {
    const snap = recordSnapshotSchema.safeParse(e.details?.previous);
    if (!snap.success || snap.data.version >= record.version) continue;
    earlier.push({ version: snap.data.version, status: snap.data.status, ...writer(snap.data.version), content: contentOfSnapshot(snap.data), current: false });
  }
  earlier.sort((a, b) => a.version - b.version);
  return [...earlier, { version: record.version, status: record.status, ...writer(record.version), content: contentOf(record), current: true }];
}

function enteredInErrorMark(record: RecordDetail, events: RecordEvent[]): EnteredInErrorMark | null {
  if (record.status !== 'entered-in-error') return null;
  const e = events.filter((x) => x.action === ENTERED_IN_ERROR_ACTION).at(-1);
  return { at: e?.at ?? record.updatedAt, by: { id: e?.actorUserId ?? null, name: e?.actorName ?? null }, reason: record.statusReason ?? null };
}
