/**
 * Creates a staff account: an admin, or a doctor with a bookable practitioner profile.
 * Used by `npm run user:create` (the first admin of a clinic started with SEED_DEMO=0) and, later, by
 * the admin UI. Validates with zod, hashes the password with argon2id, refuses a taken email (any
 * case), and writes the audit event in the same transaction as the new user.
 */
import { z } from 'zod';
import { withTransaction } from '@/db';
import { classifyDbError } from '@/db/dialect';
import { appendAuditEvent } from '@/db/repositories/audit';
import { createPractitioner } from '@/db/repositories/practitioners';
import { createUser, findUserByEmail } from '@/db/repositories/users';
import type { ActorKind } from '@/core/vocabulary';
import { MIN_PASSWORD_LENGTH, hashPassword } from '@/lib/auth/password';
import { COMMON_PASSWORD_MESSAGE, notCommonPassword } from '@/lib/auth/common-passwords';
import { validationError, zodFieldErrors } from '@/lib/errors';
import { foldName, normalizeEmail } from '@/core/text';
import { emailTaken, emailTakenMessage } from './email-taken';
import { toE164 } from '@/core/phone';

export const STAFF_ROLES = ['admin', 'doctor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Default length of a new doctor's appointment slots, in minutes. */
export const DEFAULT_SLOT_MINUTES = 20;

export const createStaffUserSchema = z.object({
  role: z.enum(STAFF_ROLES, { error: 'Choose admin or doctor.' }),
  email: z.string({ error: 'Enter an email address.' }).trim().max(254, 'Use at most 254 characters.')
    .pipe(z.email('Enter a valid email address.')),
  name: z.string().trim().min(1, 'Enter a name.').max(200, 'Use at most 200 characters.').optional(),
  password: z.string({ error: 'Enter a password.' })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(1024, 'Use at most 1024 characters.')
    .refine(notCommonPassword, COMMON_PASSWORD_MESSAGE),
  /** Optional; stored as E.164 (`contact_info.phone` on `POST /api/users/`). */
  phone: z.string().trim().max(32, 'At most 32 characters.').nullish()
    .refine((v) => !v || toE164(v) !== null, 'Enter a valid phone number, e.g. 0712 345 678 or +254 712 345 678.')
    .transform((v) => (v ? (toE164(v) as string) : null)),
  /** Optional (`contact_info.address` on `POST /api/users/`). */
  address: z.string().trim().max(500, 'At most 500 characters.').nullish().transform((v) => v || null),
  /** Doctors only (default General Practice). */
  specialty: z.string().trim().min(1, 'Enter a specialty.').max(120, 'Use at most 120 characters.').optional(),
});

export type CreateStaffUserInput = z.input<typeof createStaffUserSchema>;

export interface CreateStaffUserOptions {
  input: CreateStaffUserInput;
  /** Who does it: an admin user from the UI; omitted for the command line (actor kind `system`). */
  actor?: { userId: number; kind?: ActorKind; clientAddress?: string | null; requestId?: string | null };
  now?: Date;
}

export interface CreatedStaffUser {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  specialty: string | null;
}

/** "amina.njoroge@clinic.org" → "Amina Njoroge": a display name when none was given. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0].replace(/[._+-]+/g, ' ').trim();
  const words = local.split(/\s+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1));
  return words.length ? words.join(' ') : email;
}

/**
 * Creates the staff user described by `input`; returns it (never the password or its hash).
 * Throws `AppError` `validation_error` (with field errors) or `conflict` (email already used).
 */
export async function createStaffUser({ input, actor, now = new Date() }: CreateStaffUserOptions): Promise<CreatedStaffUser> {
  const parsed = createStaffUserSchema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error.issues));
  const { role, password } = parsed.data;
  const email = normalizeEmail(parsed.data.email) as string;
  const name = parsed.data.name ?? nameFromEmail(email);
  const specialty = role === 'doctor' ? (parsed.data.specialty ?? 'General Practice') : null;
  if (role !== 'doctor' && parsed.data.specialty) throw validationError({ specialty: ['Only doctors have a specialty.'] });

  // Cheap check before the (deliberately slow) hash; the unique index decides under concurrency.
  if (await findUserByEmail(email)) throw emailTaken(emailTakenMessage(email));
  const passwordHash = await hashPassword(password);

  try {
    return await withTransaction(async () => {
      const id = await createUser({
        email, name, nameFolded: foldName(name), role, phone: parsed.data.phone, address: parsed.data.address, isActive: true, dateJoined: now, passwordHash,
        mustChangePassword: false, sessionVersion: 1, updatedAt: now,
      });
      if (specialty) await createPractitioner({ userId: id, specialty, bookable: true, slotMinutes: DEFAULT_SLOT_MINUTES });
      await appendAuditEvent({
        at: now, actorUserId: actor?.userId ?? null, actorKind: actor ? (actor.kind ?? 'user') : 'system',
        action: 'user.create', entity: 'user', entityId: id, outcome: 'success',
        clientAddress: actor?.clientAddress ?? null, requestId: actor?.requestId ?? null,
        details: { role, email, ...(specialty ? { specialty } : {}) },
      });
      return { id, email, name, role, specialty };
    });
  } catch (e) {
    if (classifyDbError(e) === 'unique') throw emailTaken(emailTakenMessage(email));
    throw e;
  }
}
