/**
 * Reads of a patient record merged into another (lib/patients/merge-patients.ts): they answer 404
 * `not_found` with `merged_into` in the error body — the survivor's id in the same id space as the
 * request (a user id on `/api/users/{id}/` and the history's `patient_id`, a profile id on
 * `/api/patient-profiles/{id}/`) — so a client can follow it; pages show a notice linking there.
 */
import { findPatientByUserId } from '@/db/repositories/patients';
import { AppError } from '@/lib/errors';

/** The 404 for a merged-away record: `{"error":{"code":"not_found","message","merged_into": id}}`. */
export function mergedAwayError(what: string, mergedInto: number): AppError {
  return new AppError('not_found', `${what} was merged into another record (${mergedInto}).`, undefined, { merged_into: mergedInto });
}

/**
 * Throws `mergedAwayError` when user `user` was merged into another patient. `idSpace` picks the id the
 * pointer carries: the survivor's user id (`'user'`) or its patient profile id (`'profile'`).
 */
export async function assertNotMerged(user: { mergedIntoId: number | null } | undefined, what: string, idSpace: 'user' | 'profile' = 'user'): Promise<void> {
  if (!user || user.mergedIntoId === null || user.mergedIntoId === undefined) return;
  if (idSpace === 'user') throw mergedAwayError(what, user.mergedIntoId);
  const profile = await findPatientByUserId(user.mergedIntoId);
  throw mergedAwayError(what, profile?.id ?? user.mergedIntoId);
}

/**
 * A 400 `validation_error` on `field` when a request names patient `user` that was merged into another
 * (booking, charting): the message names the survivor's user id, also given as `merged_into`.
 */
export function assertPatientFieldNotMerged(user: { mergedIntoId: number | null }, field = 'patient_id'): void {
  if (user.mergedIntoId === null || user.mergedIntoId === undefined) return;
  const message = `This patient record was merged into patient ${user.mergedIntoId}: use that one.`;
  throw new AppError('validation_error', 'Some fields are not valid.', { [field]: [message] }, { merged_into: user.mergedIntoId });
}

/** The `merged_into` of an error (a page's 404 for a merged-away patient), or undefined. */
export function mergedIntoOf(e: unknown): number | undefined {
  if (!(e instanceof AppError) || e.code !== 'not_found') return undefined;
  const v = e.extra?.merged_into;
  return typeof v === 'number' ? v : undefined;
}
