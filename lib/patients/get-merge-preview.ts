import { findPatientProfileByUserId, type PatientProfileRow } from '@/db/repositories/patient-profiles';
import { countPatientRows } from '@/db/repositories/patient-merge';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { notFound } from '@/lib/errors';
import type { Allergy } from '@/core/vocabulary';
import { defaultMergeChoices, mergeFieldValues } from './merge-patients';
import { assertNotMerged } from './merged';
import type { MergeChoice, MergeField } from './merge-schemas';

/** One side of the merge screen: who it is, each mergeable field's value, allergies, and what would move. */
export interface MergeSide {
  userId: number;
  profileId: number;
  patientNumber: string;
  name: string;
  isActive: boolean;
  values: Record<MergeField, string | null>;
  allergies: Allergy[];
  appointments: number;
  records: number;
}

function sideOf(row: PatientProfileRow, counts: { appointments: number; records: number }): MergeSide {
  return {
    userId: row.user.id, profileId: row.patient.id, patientNumber: row.patient.patientNumber, name: row.user.name, isActive: row.user.isActive,
    values: mergeFieldValues(row), allergies: row.patient.allergies ?? [], ...counts,
  };
}

/**
 * What the admin merge screen shows before confirming (admin only): the survivor (patient user
 * `intoUserId`) and, when `fromUserId` is given, the other record with the default choice per field
 * (`defaultMergeChoices`). 404 when the survivor is not a patient, 404 with `merged_into` when it was
 * merged away; a `fromUserId` that cannot be merged into it comes back as `fromProblem` (a sentence) and
 * no `merged` side. Both views are audited (`patient.view`, `via: 'merge'`).
 */
export async function getMergePreview(opts: { user: CurrentUser; actor: Actor; intoUserId: number; fromUserId?: number }) {
  assertRole(opts.user, ['admin']);
  const s = await findPatientProfileByUserId(opts.intoUserId);
  if (!s) throw notFound('The patient');
  await assertNotMerged(s.user, 'The patient');
  const survivor = sideOf(s, await countPatientRows(s.user.id));
  await audit(opts.actor, { action: 'patient.view', entity: 'patient', entityId: s.user.id, patientId: s.user.id, details: { via: 'merge' } });
  let merged: MergeSide | null = null;
  let choices: Record<MergeField, MergeChoice> | null = null;
  let fromProblem: string | null = null;
  if (opts.fromUserId !== undefined) {
    const m = await findPatientProfileByUserId(opts.fromUserId);
    if (!m) fromProblem = 'No patient has this id.';
    else if (m.user.id === s.user.id) fromProblem = 'A patient cannot be merged into itself.';
    else if (m.user.mergedIntoId !== null) fromProblem = 'This patient was already merged into another record.';
    else {
      merged = sideOf(m, await countPatientRows(m.user.id));
      choices = defaultMergeChoices(s, m);
      await audit(opts.actor, { action: 'patient.view', entity: 'patient', entityId: m.user.id, patientId: m.user.id, details: { via: 'merge' } });
    }
  }
  return { survivor, merged, choices, fromProblem };
}
