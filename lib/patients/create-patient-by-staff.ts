import { classifyDbError } from '@/db/dialect';
import { findPatientProfileByUserId } from '@/db/repositories/patient-profiles';
import { createPatientWithUser } from '@/db/repositories/patients';
import { findUserByEmail } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { foldName } from '@/core/text';
import { createPatientUnlessDuplicate } from './duplicate-guard';
import { toPatientProfile, type PatientProfile } from './profile';
import type { CreatePatientByStaffInput } from './schemas';
import { emailTaken, emailTakenMessage } from '@/lib/users/email-taken';


/**
 * A doctor or an admin registers a walk-in patient (no password: the patient cannot sign in; `email`
 * optional), with a clinic patient number, through `createPatientWithUser`. Input validated by
 * `createPatientByStaffSchema`.
 *
 * The duplicate check and the insert run in one transaction under the `patient_registration` lock
 * (lib/patients/duplicate-guard.ts states the matching rule: same date of birth and a close name or the
 * same phone): when patients match and neither `confirm_new_patient` nor its older name
 * `confirm_not_duplicate` is true, nothing is written and a 409 `{ conflict: 'possible_duplicate',
 * candidates: [{ id, user_id, patient_number, name, date_of_birth, phone, is_active, matches }] }` is
 * thrown. A confirmed override is recorded in the audit entry (`patient.create`, with the candidates'
 * user ids). An email already used (any case; also a concurrent one, by the unique index) → 409
 * `email_taken`. Returns the new profile.
 */
export async function createPatientByStaff(opts: { user: CurrentUser; actor: Actor; input: CreatePatientByStaffInput; now?: Date }): Promise<PatientProfile> {
  assertRole(opts.user, ['doctor', 'admin']);
  const { input } = opts;
  const now = opts.now ?? new Date();
  if (input.email && (await findUserByEmail(input.email))) throw emailTaken(emailTakenMessage(input.email));
  const confirmed = input.confirm_new_patient === true || input.confirm_not_duplicate === true;
  try {
    return await createPatientUnlessDuplicate(
      { person: { name: input.name, dateOfBirth: input.date_of_birth, phone: input.phone }, audience: 'staff', confirmed },
      async (overridden) => {
        const created = await createPatientWithUser(
          {
            email: input.email ?? null, name: input.name, nameFolded: foldName(input.name), phone: input.phone, address: input.address ?? null,
            isActive: true, dateJoined: now, passwordHash: null, mustChangePassword: false, sessionVersion: 1, updatedAt: now,
          },
          { dateOfBirth: input.date_of_birth, sex: input.gender, bloodType: input.blood_type ?? null, allergies: [], createdAt: now, updatedAt: now },
        );
        await audit(opts.actor, {
          action: 'patient.create', entity: 'patient', entityId: created.userId, patientId: created.userId,
          details: { by: opts.user.role, ...(overridden.length ? { confirmedNotDuplicateOf: overridden.map((c) => c.userId) } : {}) },
        });
        return toPatientProfile((await findPatientProfileByUserId(created.userId))!, true);
      },
    );
  } catch (e) {
    if (input.email && classifyDbError(e) === 'unique') throw emailTaken(emailTakenMessage(input.email)); // a concurrent registration won
    throw e;
  }
}
