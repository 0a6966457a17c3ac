import { findUserByEmail } from '@/db/repositories/users';
import { createPatientWithUser } from '@/db/repositories/patients';
import { classifyDbError } from '@/db/dialect';
import { withTransaction } from '@/db';
import { audit, type Actor } from '@/lib/audit/audit';
import { hashPassword } from '@/lib/auth/password';
import { assertSignInAllowed } from '@/lib/auth/sign-in';
import { recordSignInAttempt } from '@/db/repositories/sign-in-attempts';
import { validationError } from '@/lib/errors';
import { foldName } from '@/core/text';
import type { RegisterPatientInput } from './schemas';

/**
 * Registers a patient: a `patient` user with an account and its profile (clinic patient number
 * allocated), audited. Input already validated by `registerPatientSchema`.
 * Returns `{ userId, patientNumber }`. Throws `validation_error` on `email` when it is taken (each such
 * answer counts as a failed attempt for the client address) and `rate_limited` past the address limit.
 */
export async function registerPatient(input: RegisterPatientInput, actor: Actor) {
  const message = 'An account with this email already exists. Sign in instead.';
  const emailTaken = () => validationError({ email: [message] }, message);
  // Whether an email is registered is itself private: probing it counts against the same
  // per-address limit as failed sign-ins.
  const clientAddress = actor.clientAddress ?? 'unknown';
  await assertSignInAllowed(null, clientAddress);
  if (await findUserByEmail(input.email)) {
    await recordSignInAttempt({ email: null, clientAddress, userId: null, succeeded: false, at: new Date() });
    throw emailTaken();
  }
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  try {
    return await withTransaction(async () => {
      const created = await createPatientWithUser(
        { email: input.email, name: input.name, nameFolded: foldName(input.name), phone: input.phone, isActive: true, dateJoined: now, passwordHash, mustChangePassword: false, sessionVersion: 1, updatedAt: now },
        { dateOfBirth: input.date_of_birth, sex: input.gender, allergies: [], createdAt: now, updatedAt: now },
      );
      await audit({ ...actor, userId: actor.userId ?? created.userId }, { action: 'patient.register', entity: 'user', entityId: created.userId, patientId: created.userId });
      return { userId: created.userId, patientNumber: created.patientNumber };
    });
  } catch (e) {
    if (classifyDbError(e) === 'unique') throw emailTaken(); // a concurrent registration won the race
    throw e;
  }
}
