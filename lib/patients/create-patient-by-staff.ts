import { withTransaction } from '@/db';
import { classifyDbError } from '@/db/dialect';
import { findPatientProfileByUserId } from '@/db/repositories/patient-profiles';
import { createPatientWithUser } from '@/db/repositories/patients';
import { findUserByEmail } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { foldName } from '@/core/text';
import { findPossibleDuplicates, type DuplicateCandidate } from './find-possible-duplicates';
import { toPatientProfile, type PatientProfile } from './profile';
import type { CreatePatientByStaffInput } from './schemas';

/** The API form of a duplicate candidate (inside the 409 body). */
export function serializeCandidate(c: DuplicateCandidate) {
  return { user_id: c.userId, name: c.name, date_of_birth: c.dateOfBirth, phone: c.phone, patient_number: c.patientNumber, is_active: c.isActive, matches: c.matches };
}

function emailTaken(email: string): AppError {
  const message = `A user with the email ${email} already exists.`;
  return new AppError('conflict', message, { email: [message] }, { conflict: 'email_taken' });
}

/**
 * A doctor or an admin registers a walk-in patient (no password: the patient cannot sign in; `email`
 * optional), with a clinic patient number, through `createPatientWithUser`. Input validated by
 * `createPatientByStaffSchema`.
 *
 * Before saving, looks for possible duplicates (same date of birth and a close name, or the same
 * phone): when there are some and `confirm_not_duplicate` is not true, nothing is written and a 409
 * `{ conflict: 'possible_duplicate', candidates: [{ user_id, name, date_of_birth, phone,
 * patient_number, is_active, matches }] }` is thrown. A confirmed override is recorded in the audit
 * entry (`patient.create`, with the candidates' user ids). An email already used → 409 `email_taken`.
 * Returns the new profile.
 */
export async function createPatientByStaff(opts: { user: CurrentUser; actor: Actor; input: CreatePatientByStaffInput; now?: Date }): Promise<PatientProfile> {
  assertRole(opts.user, ['doctor', 'admin']);
  const { input } = opts;
  const now = opts.now ?? new Date();
  if (input.email && (await findUserByEmail(input.email))) throw emailTaken(input.email);
  const candidates = await findPossibleDuplicates({ name: input.name, dateOfBirth: input.date_of_birth, phone: input.phone });
  if (candidates.length && !input.confirm_not_duplicate) {
    throw new AppError('conflict',
      candidates.length === 1 ? 'This patient may already be registered. Open the existing patient, or confirm this is a different person.'
        : `This patient may already be registered (${candidates.length} possible matches). Open the existing patient, or confirm this is a different person.`,
      undefined, { conflict: 'possible_duplicate', candidates: candidates.map(serializeCandidate) });
  }
  try {
    return await withTransaction(async () => {
      const created = await createPatientWithUser(
        {
          email: input.email ?? null, name: input.name, nameFolded: foldName(input.name), phone: input.phone, address: input.address ?? null,
          isActive: true, dateJoined: now, passwordHash: null, mustChangePassword: false, sessionVersion: 1, updatedAt: now,
        },
        { dateOfBirth: input.date_of_birth, sex: input.gender, bloodType: input.blood_type ?? null, allergies: [], createdAt: now, updatedAt: now },
      );
      await audit(opts.actor, {
        action: 'patient.create', entity: 'patient', entityId: created.userId, patientId: created.userId,
        details: { by: opts.user.role, ...(candidates.length ? { confirmedNotDuplicateOf: candidates.map((c) => c.userId) } : {}) },
      });
      return toPatientProfile((await findPatientProfileByUserId(created.userId))!, true);
    });
  } catch (e) {
    if (input.email && classifyDbError(e) === 'unique') throw emailTaken(input.email); // a concurrent registration won
    throw e;
  }
}
