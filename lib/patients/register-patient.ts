import { findUserByEmail } from '@/db/repositories/users';
import { createPatientWithUser } from '@/db/repositories/patients';
import { classifyDbError } from '@/db/dialect';
import { audit, type Actor } from '@/lib/audit/audit';
import { hashPassword } from '@/lib/auth/password';
import { assertAttemptsAllowed } from '@/lib/auth/sign-in';
import { env } from '@/core/env';
import { recordSignInAttempt } from '@/db/repositories/sign-in-attempts';
import { AppError } from '@/lib/errors';
import { foldName } from '@/core/text';
import { createPatientUnlessDuplicate, type RegistrationAudience } from './duplicate-guard';
import type { RegisterPatientInput } from './schemas';
import { emailTaken } from '@/lib/users/email-taken';

/** The message of a registration whose email is taken (any letter case: emails are stored lower-cased). */
export const EMAIL_TAKEN_MESSAGE = 'An account with this email already exists. Sign in instead.';

/**
 * Registers a patient with an account: a `patient` user and its profile (clinic patient number
 * allocated), audited. Input already validated by `registerPatientSchema` (email lower-cased, phone E.164).
 * `audience` (default `self`): who asks, for the duplicate-patient guard (lib/patients/duplicate-guard.ts):
 * the person themselves, or clinic staff (`POST /api/users/` by a doctor or an admin), who may pass
 * `confirm_new_patient`.
 * Returns `{ userId, patientNumber }`. Throws 409 `conflict`: `email_taken` (with an `email` field error;
 * also when a concurrent registration with the same email wins, through the unique index) or
 * `possible_duplicate` (self: no candidates; staff: the candidates). A self-registration refused either
 * way counts as a refused 'registration' attempt of the client address (never a failed sign-in);
 * 429 `rate_limited` (Retry-After) once the address has `SIGNIN_MAX_FAILURES_PER_ADDRESS` (30) refusals
 * within `SIGNIN_WINDOW_MINUTES` (15).
 */
export async function registerPatient(input: RegisterPatientInput, actor: Actor, opts: { audience?: RegistrationAudience } = {}) {
  const audience = opts.audience ?? 'self';
  // Whether an email (or a person) is registered is itself private: probing it is limited per address,
  // as a 'registration' attempt that never counts against sign-in (a clinic behind one address must not
  // have its staff locked out by someone's refused registrations).
  const clientAddress = actor.clientAddress ?? 'unknown';
  const countFailure = () => recordSignInAttempt({ kind: 'registration', email: null, clientAddress, userId: null, succeeded: false, at: new Date() });
  if (audience === 'self') {
    await assertAttemptsAllowed('registration', [[{ clientAddress }, env().SIGNIN_MAX_FAILURES_PER_ADDRESS]], new Date(),
      () => 'Too many refused registrations from this network. Try again later, or ask at the clinic.');
  }
  if (await findUserByEmail(input.email)) {
    if (audience === 'self') await countFailure();
    throw emailTaken(EMAIL_TAKEN_MESSAGE);
  }
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  try {
    return await createPatientUnlessDuplicate(
      { person: { name: input.name, dateOfBirth: input.date_of_birth, phone: input.phone }, audience, confirmed: input.confirm_new_patient === true },
      async (overridden) => {
        const created = await createPatientWithUser(
          { email: input.email, name: input.name, nameFolded: foldName(input.name), phone: input.phone, address: input.address ?? null, isActive: true, dateJoined: now, passwordHash, mustChangePassword: false, sessionVersion: 1, updatedAt: now },
          { dateOfBirth: input.date_of_birth, sex: input.gender, allergies: [], createdAt: now, updatedAt: now },
        );
        await audit({ ...actor, userId: actor.userId ?? created.userId }, {
          action: 'patient.register', entity: 'user', entityId: created.userId, patientId: created.userId,
          ...(overridden.length ? { details: { confirmedNewPatientDespite: overridden.map((c) => c.userId) } } : {}),
        });
        return { userId: created.userId, patientNumber: created.patientNumber };
      },
    );
  } catch (e) {
    if (classifyDbError(e) === 'unique') { // a concurrent registration with this email won the race
      if (audience === 'self') await countFailure();
      throw emailTaken(EMAIL_TAKEN_MESSAGE);
    }
    if (audience === 'self' && e instanceof AppError && e.code === 'conflict') await countFailure();
    throw e;
  }
}
