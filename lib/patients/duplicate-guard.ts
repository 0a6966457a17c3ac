/**
 * The duplicate-patient guard shared by every door that creates a patient: self-registration (the
 * register page and `POST /api/users/` by anyone), `POST /api/users/` by staff, `POST
 * /api/patient-profiles/` and the walk-in form, and the FHIR import.
 *
 * Matching rule (what blocks a new patient): an existing patient, active or not, with the SAME date of
 * birth and either
 *   - a close name (`namesAreClose`: equal once folded — case, accents, apostrophes, punctuation —, the
 *     same words in another order, a middle name added or left out, or at most 2 typing slips), or
 *   - the same phone number (both stored as E.164).
 * A shared phone alone never blocks (a mother and her child, a household phone), nor does a close name
 * alone (namesakes born on other days). A new or existing patient without a date of birth never matches.
 *
 * Race safety: the check and the insert run in ONE transaction after taking the named lock
 * `patient_registration` (db/repositories/locks.ts: the lock row is held until commit on MySQL/MariaDB,
 * and SQLite runs one writing transaction at a time), and MySQL transactions read committed rows, so of
 * two simultaneous registrations of one person the second sees the first's patient and is refused.
 */
import { withTransaction } from '@/db';
import { takeLock } from '@/db/repositories/locks';
import { AppError } from '@/lib/errors';
import { findPossibleDuplicates, type DuplicateCandidate } from './find-possible-duplicates';

/** The named lock (`locks` table) every patient creation takes before its duplicate check. */
export const PATIENT_REGISTRATION_LOCK = 'patient_registration';

/** Who asks: the person themselves (told nothing about other records) or clinic staff (shown candidates). */
export type RegistrationAudience = 'self' | 'staff';

/** The person about to be created, as the matching rule reads them (`phone` in E.164). */
export interface PersonToMatch {
  name: string;
  dateOfBirth?: string | null;
  phone?: string | null;
}

/** The 409 message of a self-registration that matches a patient: it names nobody and nothing. */
export const SELF_REGISTRATION_DUPLICATE_MESSAGE =
  'We could not create your account: the clinic may already have a record for you. Please ask at the clinic reception, who can give you access to it.';

/**
 * The API form of a duplicate candidate (inside the staff 409 body):
 * `{ id (patient profile id), user_id, patient_number, name, date_of_birth, phone, is_active, matches }`.
 */
export function serializeCandidate(c: DuplicateCandidate) {
  return {
    id: c.patientId, user_id: c.userId, patient_number: c.patientNumber, name: c.name, date_of_birth: c.dateOfBirth,
    phone: c.phone, is_active: c.isActive, matches: c.matches,
  };
}

/**
 * Existing patients the matching rule (module docstring) says may be `person`: the same date of birth
 * and a close name or the same phone. Both matches first, then by name. Reads through the caller's
 * transaction when there is one. [] when `person` has no date of birth.
 */
export async function findMatchingPatients(person: PersonToMatch): Promise<DuplicateCandidate[]> {
  return findPossibleDuplicates({ name: person.name, dateOfBirth: person.dateOfBirth, phone: person.phone });
}

/** 409 `conflict` for a self-registration that matches a patient: `{ conflict: 'possible_duplicate' }`, no candidates. */
export function selfRegistrationDuplicate(): AppError {
  return new AppError('conflict', SELF_REGISTRATION_DUPLICATE_MESSAGE, undefined, { conflict: 'possible_duplicate' });
}

/** 409 `conflict` for staff: `{ conflict: 'possible_duplicate', candidates: [serializeCandidate…] }`. */
export function possibleDuplicate(candidates: DuplicateCandidate[]): AppError {
  const lead = candidates.length === 1 ? 'This patient may already be registered.'
    : `This patient may already be registered (${candidates.length} possible matches).`;
  return new AppError('conflict', `${lead} Open the existing patient, or confirm this is a new patient ("confirm_new_patient": true).`,
    undefined, { conflict: 'possible_duplicate', candidates: candidates.map(serializeCandidate) });
}

/**
 * Runs `create` for `person` in one transaction under the `patient_registration` lock, after the
 * duplicate check: when patients match (see the module docstring), a `self` audience gets
 * `selfRegistrationDuplicate()` and `staff` gets `possibleDuplicate(candidates)` unless `confirmed`;
 * nothing is written then. `create` receives the candidates a confirmed staff request overrode (to audit
 * them) and runs inside the transaction. Returns what `create` returns.
 */
export async function createPatientUnlessDuplicate<T>(
  opts: { person: PersonToMatch; audience: RegistrationAudience; confirmed?: boolean },
  create: (overridden: DuplicateCandidate[]) => Promise<T>,
): Promise<T> {
  return withTransaction(async () => {
    await takeLock(PATIENT_REGISTRATION_LOCK);
    const candidates = await findMatchingPatients(opts.person);
    if (candidates.length) {
      if (opts.audience === 'self') throw selfRegistrationDuplicate();
      if (!opts.confirmed) throw possibleDuplicate(candidates);
    }
    return create(candidates);
  });
}
