import { findPatientProfileById, findPatientProfileByUserId } from '@/db/repositories/patient-profiles';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { assertCanSeePatientProfile, canOpenChart } from '@/lib/auth/policy';
import { notFound } from '@/lib/errors';
import { assertNotMerged } from './merged';
import { toPatientProfile, type PatientProfile } from './profile';

/**
 * One patient profile, by profile id (`profileId`, the API's `id`) or by the patient's user id
 * (`userId`). Readers: the patient themselves, an admin, or any doctor (demographics: a doctor may
 * find any patient of the clinic); the clinical part (allergies, medical history) only for the
 * patient, an admin or a doctor linked to the patient — withheld (null) otherwise.
 * 404 when there is no such profile, 403 for another patient's; 404 with `merged_into` (the survivor's
 * profile id, or user id when asked by `userId`) for a record merged into another (to staff and to itself). A view by anyone but the patient is
 * audited (`patient.view`).
 */
export async function getPatientProfile(opts: { user: CurrentUser; actor: Actor; profileId?: number; userId?: number }): Promise<PatientProfile> {
  const user = assertRole(opts.user);
  const row = opts.profileId !== undefined
    ? await findPatientProfileById(opts.profileId)
    : opts.userId !== undefined ? await findPatientProfileByUserId(opts.userId) : undefined;
  if (!row) throw notFound('The patient profile');
  const patientId = row.user.id;
  if (user.role !== 'patient' || user.id === patientId) await assertNotMerged(row.user, 'The patient profile', opts.profileId !== undefined ? 'profile' : 'user');
  assertCanSeePatientProfile(user, patientId);
  const clinicalAccess = await canOpenChart(user, patientId);
  if (user.id !== patientId) {
    await audit(opts.actor, { action: 'patient.view', entity: 'patient', entityId: patientId, patientId, details: { clinical: clinicalAccess } });
  }
  return toPatientProfile(row, clinicalAccess);
}
