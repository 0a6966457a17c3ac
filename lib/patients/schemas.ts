/** zod schemas of the patients capability, shared by server actions and route handlers. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { SEXES } from '@/db/schema/types';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { clinicToday } from '@/lib/time';
import { toE164 } from '@/lib/phone';

/** A person's name in any script, kept exactly as typed (trimmed), 1–200 characters. */
export const personName = z.string().trim().min(1, 'Enter a name.').max(200, 'At most 200 characters.')
  .refine((v) => /\p{L}/u.test(v), 'A name needs at least one letter.');

/** A date of birth `YYYY-MM-DD`: a real calendar date, not in the future, not over 130 years ago. */
export const dateOfBirth = z.string().trim().min(1, 'Enter the date of birth.').regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.').superRefine((v, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return; // the format error above says it all
  const d = DateTime.fromISO(v, { zone: 'UTC' });
  if (!d.isValid) return void ctx.addIssue({ code: 'custom', message: 'This is not a real date.' });
  const today = clinicToday();
  if (v > today) ctx.addIssue({ code: 'custom', message: 'The date of birth cannot be in the future.' });
  const oldest = DateTime.fromISO(today, { zone: 'UTC' }).minus({ years: 130 }).toISODate() as string;
  if (v < oldest) ctx.addIssue({ code: 'custom', message: 'The date of birth cannot be more than 130 years ago.' });
});

/** A phone number that parses for the clinic's country (or in international form); stored as E.164. */
export const phoneNumber = z.string().trim().min(1, 'Enter a phone number.').max(32).superRefine((v, ctx) => {
  if (v && !toE164(v)) ctx.addIssue({ code: 'custom', message: 'Enter a valid phone number, e.g. 0712 345 678 or +254 712 345 678.' });
}).transform((v) => toE164(v) as string);

/** Self-registration of a patient (the register page; later `POST /api/users/`). */
export const registerPatientSchema = z.object({
  name: personName,
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')).pipe(z.string().max(254)),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(1024)
    .refine((v) => v.trim().length > 0, 'A password cannot be only spaces.'),
  date_of_birth: dateOfBirth,
  gender: z.enum(SEXES, { message: 'Choose one.' }),
  phone: phoneNumber,
});
export type RegisterPatientInput = z.infer<typeof registerPatientSchema>;
