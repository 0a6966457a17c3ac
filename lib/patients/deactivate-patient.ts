import { withTransaction } from '@/db';
import { deactivateUserAccount, findPatientProfileById } from '@/db/repositories/patient-profiles';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { notFound } from '@/lib/errors';
import { assertNotMerged } from './merged';
import { toPatientProfile, type PatientProfile } from './profile';

/**
 * `DELETE /api/patient-profiles/{id}/` (admins only): deactivates the patient's account — it can no
 * longer sign in and every session and API token it holds ends (session version bumped). Nothing is
 * removed: the profile, appointments and medical records stay, and staff still find the patient.
 * Idempotent (an inactive account stays as it is, no second audit entry). Audited `patient.deactivate`
 * in the same transaction. Returns the profile.
 */
export async function deactivatePatient(opts: { user: CurrentUser; actor: Actor; profileId: number; now?: Date }): Promise<PatientProfile> {
  assertRole(opts.user, ['admin']);
  return withTransaction(async () => {
    const row = await findPatientProfileById(opts.profileId);
    if (!row) throw notFound('The patient profile');
    await assertNotMerged(row.user, 'The patient profile', 'profile');
    if (await deactivateUserAccount(row.user.id, opts.now)) {
      await audit(opts.actor, { action: 'patient.deactivate', entity: 'patient', entityId: row.user.id, patientId: row.user.id });
    }
    const after = await findPatientProfileById(opts.profileId);
    return toPatientProfile(after!, true);
  });
}
