import { AppError } from '@/lib/errors';

/** The staff-facing message for a taken email: `A user with the email … already exists.` */
export function emailTakenMessage(email: string): string {
  return `A user with the email ${email} already exists.`;
}

/**
 * 409 `conflict` for an email already used by another account (emails are stored lower-cased, so any
 * letter case): `{ conflict: 'email_taken', fields: { email: [message] } }`. One shape at every door
 * that sets an email (registration, staff creation, walk-in).
 */
export function emailTaken(message: string): AppError {
  return new AppError('conflict', message, { email: [message] }, { conflict: 'email_taken' });
}
