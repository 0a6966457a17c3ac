/** zod schemas of the patients capability, shared by server actions and route handlers. */
import { foldName } from '@/core/text';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { SEXES } from '@/core/vocabulary';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { COMMON_PASSWORD_MESSAGE, notCommonPassword } from '@/lib/auth/common-passwords';
import { clinicToday } from '@/core/time';
import { toE164 } from '@/core/phone';

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
export const phoneNumber = z.string({ error: 'Enter a phone number.' }).trim().min(1, 'Enter a phone number.').max(32).superRefine((v, ctx) => {
  if (v && !toE164(v)) ctx.addIssue({ code: 'custom', message: 'Enter a valid phone number, e.g. 0712 345 678 or +254 712 345 678.' });
}).transform((v) => toE164(v) as string);

/** A form's or a JSON body's yes: `true`, `'true'`, `'on'` or `'1'`. */
export const asBoolean = (v: unknown) => v === true || v === 'true' || v === 'on' || v === '1';

/**
 * The documented User shape nests phone and address in `contact_info: { phone, address }`; a flat
 * `phone`/`address` stays accepted. Returns `raw` with `phone`/`address` taken from `contact_info`
 * when it has them (else the flat members), `contact_info` removed. Non-objects pass unchanged.
 */
export function flattenContactInfo(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { contact_info: ci, ...r } = raw as Record<string, unknown>;
  const c = ci && typeof ci === 'object' && !Array.isArray(ci) ? (ci as Record<string, unknown>) : {};
  const phone = c.phone !== undefined ? c.phone : r.phone;
  const address = c.address !== undefined ? c.address : r.address;
  return { ...r, ...(phone !== undefined ? { phone } : {}), ...(address !== undefined ? { address } : {}) };
}

/**
 * Self-registration of a patient (the register page and `POST /api/users/`); `address` optional.
 * `confirm_new_patient: true` only counts when clinic staff send it (see lib/patients/duplicate-guard.ts).
 * Emails are lower-cased (stored and compared so).
 */
export const registerPatientSchema = z.object({
  name: personName,
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')).pipe(z.string().max(254)),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(1024)
    .refine((v) => v.trim().length > 0, 'A password cannot be only spaces.')
    .refine(notCommonPassword, COMMON_PASSWORD_MESSAGE),
  date_of_birth: dateOfBirth,
  gender: z.enum(SEXES, { message: 'Choose one.' }),
  phone: phoneNumber,
  address: z.string().trim().max(500, 'At most 500 characters.').nullish().transform((v) => v || null),
  confirm_new_patient: z.preprocess(asBoolean, z.boolean()).optional(),
});
export type RegisterPatientInput = z.infer<typeof registerPatientSchema>;

// ——— Patient profiles: viewing, editing, registration of walk-in patients by staff ———
// (Imports of this section are hoisted like any other; kept here so the section stays append-only.)
import { BLOOD_TYPES } from '@/core/vocabulary';
import type { Allergy } from '@/core/vocabulary';

const PHONE_MESSAGE = 'Enter a valid phone number, e.g. 0712 345 678 or +254 712 345 678.';

/** Optional text: absent → unchanged (undefined); `''` or null → cleared (null). */
const clearableText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).nullable()
  .transform((v) => (v === '' ? null : v)).optional();

/** Optional phone: absent → unchanged; `''`/null → cleared; otherwise it must parse and becomes E.164. */
const clearablePhone = z.string().trim().max(32, 'At most 32 characters.').nullable()
  .superRefine((v, ctx) => {
    if (v && !toE164(v)) ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
  })
  .transform((v) => (v ? (toE164(v) as string) : null)).optional();

export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe'] as const;

/** One allergy (FHIR AllergyIntolerance, reduced): `{ substance, reaction?, severity? }`; empty optional members dropped. */
export const allergySchema = z.object({
  substance: z.string({ error: 'Name the substance.' }).trim().min(1, 'Name the substance.').max(120, 'At most 120 characters.'),
  reaction: z.string().trim().max(200, 'At most 200 characters.').nullish(),
  severity: z.enum(ALLERGY_SEVERITIES, { message: 'Choose mild, moderate or severe.' }).nullish(),
}).transform((a): Allergy => ({
  substance: a.substance,
  ...(a.reaction ? { reaction: a.reaction } : {}),
  ...(a.severity ? { severity: a.severity } : {}),
}));

/** Refuses the same substance twice (accent- and case-blind); `null` entries (blank form rows) are skipped. */
function noRepeatedSubstance(list: Array<Allergy | null>, ctx: z.RefinementCtx) {
  if (!Array.isArray(list)) return; // runs even after a type error (see `runAlways`)
  const seen = new Set<string>();
  list.forEach((a, i) => {
    // Also runs when other rows have errors (`runAlways`): such rows may not be parsed yet.
    if (!a || typeof a !== 'object' || typeof a.substance !== 'string' || !a.substance.trim()) return;
    const key = foldName(a.substance);
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'substance'], message: 'This substance is listed twice.' });
    seen.add(key);
  });
}
const runAlways = { when: () => true };

/**
 * Emergency contact `{ name, relationship?, phone }`; all members empty (or the whole value null)
 * clears it. When given, a name and a phone are required; the phone is stored as E.164.
 */
export const emergencyContactSchema = z.object({
  name: z.string().trim().max(200, 'At most 200 characters.').nullish(),
  relationship: z.string().trim().max(60, 'At most 60 characters.').nullish(),
  phone: z.string().trim().max(32, 'At most 32 characters.').nullish(),
}).superRefine((c, ctx) => {
  if (!c.name && !c.relationship && !c.phone) return;
  if (!c.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Enter the name of the emergency contact.' });
  else if (!/\p{L}/u.test(c.name)) ctx.addIssue({ code: 'custom', path: ['name'], message: 'A name needs at least one letter.' });
  if (!c.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number for the emergency contact.' });
  else if (!toE164(c.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: PHONE_MESSAGE });
}).transform((c) => (!c.name && !c.relationship && !c.phone ? null : {
  name: c.name as string, relationship: c.relationship || null, phone: toE164(c.phone as string) as string,
}));
export type EmergencyContactInput = z.infer<typeof emergencyContactSchema>;

const profileFields = {
  // Clinic staff only (a patient may send them unchanged, e.g. a GET body sent back; a change is refused).
  name: personName.optional(),
  date_of_birth: dateOfBirth.nullable().optional(), // null: unknown (imported patients may have none)
  gender: z.enum(SEXES, { message: 'Choose male, female, other or unknown.' }).optional(),
  blood_type: z.enum(BLOOD_TYPES, { message: 'Choose one of A+, A-, B+, B-, AB+, AB-, O+, O- (or leave it empty).' }).nullable().optional(),
  // The patient and the clinic.
  contact_info: z.object({ phone: clearablePhone, address: clearableText(500) }).optional(),
  allergies: z.array(allergySchema).max(50, 'At most 50 allergies.').superRefine(noRepeatedSubstance, runAlways).optional(),
  medical_history: clearableText(8000),
  emergency_contact_info: emergencyContactSchema.nullable().optional(),
};

/**
 * `PUT /api/patient-profiles/{id}/` and the profile forms: every member optional (absent = unchanged,
 * null or `''` = cleared where clearing makes sense). `id`, `user_id`, `patient_number`, `role`,
 * `is_active`, `email` and any other member are not part of it: ignored, never stored.
 */
export const updatePatientProfileSchema = z.object(profileFields);
export type UpdatePatientProfileInput = z.infer<typeof updatePatientProfileSchema>;

/** The members of `updatePatientProfileSchema` only clinic staff may change. */
export const STAFF_ONLY_PROFILE_FIELDS = ['name', 'date_of_birth', 'gender', 'blood_type'] as const;

/** Allergy rows a profile form shows at least (blank rows are ignored on save). */
export const ALLERGY_FORM_MIN_ROWS = 3;

/**
 * A profile form's flat fields (named like the API's paths: `contact_info.phone`,
 * `emergency_contact_info.name`, `allergies.0.substance`, …) → the shape of `updatePatientProfileSchema`.
 * Blank allergy rows become `null` (dropped after validation) so error paths keep the row numbers of
 * the form. Staff-only fields are read only when the form has them.
 */
export function profileFormToInput(flat: Record<string, unknown>): Record<string, unknown> {
  const str = (k: string) => (typeof flat[k] === 'string' ? (flat[k] as string) : undefined);
  const rows = new Map<number, Record<string, string>>();
  for (const [k, v] of Object.entries(flat)) {
    const m = /^allergies\.(\d{1,2})\.(substance|reaction|severity)$/.exec(k);
    if (m && typeof v === 'string') {
      const row = rows.get(Number(m[1])) ?? {};
      if (v.trim()) row[m[2]] = v;
      rows.set(Number(m[1]), row);
    }
  }
  const size = rows.size ? Math.max(...rows.keys()) + 1 : 0;
  const allergies = Array.from({ length: size }, (_, i) => {
    const r = rows.get(i);
    return r && Object.keys(r).length ? r : null;
  });
  const out: Record<string, unknown> = {
    contact_info: { phone: str('contact_info.phone') ?? '', address: str('contact_info.address') ?? '' },
    emergency_contact_info: { name: str('emergency_contact_info.name'), relationship: str('emergency_contact_info.relationship'), phone: str('emergency_contact_info.phone') },
    allergies,
    medical_history: str('medical_history') ?? '',
  };
  for (const k of ['name', 'date_of_birth', 'gender'] as const) if (str(k) !== undefined) out[k] = str(k);
  if (str('blood_type') !== undefined) out.blood_type = str('blood_type') || null;
  return out;
}

/** The profile forms' schema: the flat form rebuilt (see `profileFormToInput`), then the profile fields. */
export const patientProfileFormSchema = z.preprocess(
  (flat) => profileFormToInput(flat as Record<string, unknown>),
  z.object({
    ...profileFields,
    allergies: z.array(allergySchema.nullable()).max(50, 'At most 50 allergies.').superRefine(noRepeatedSubstance, runAlways)
      .transform((list) => list.filter((a): a is Allergy => a !== null)).optional(),
  }),
);

/**
 * A walk-in patient registered by a doctor or an admin (`POST /api/patient-profiles/` and
 * `/doctor/patients/new`): no password; `email` optional; phone and address flat or in `contact_info`.
 * `confirm_new_patient: true` (or its older name `confirm_not_duplicate`) saves even when the patient
 * matches existing ones (lib/patients/duplicate-guard.ts).
 */
export const createPatientByStaffSchema = z.preprocess(flattenContactInfo, z.object({
  name: personName,
  date_of_birth: dateOfBirth,
  gender: z.enum(SEXES, { message: 'Choose one.' }),
  phone: phoneNumber,
  email: z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')).pipe(z.string().max(254, 'At most 254 characters.')).optional()),
  address: clearableText(500),
  blood_type: z.preprocess((v) => (v === '' ? null : v), z.enum(BLOOD_TYPES, { message: 'Choose one of the 8 blood types (or leave it empty).' }).nullable().optional()),
  confirm_new_patient: z.preprocess(asBoolean, z.boolean()).optional(),
  /** The older name of `confirm_new_patient`, still accepted. */
  confirm_not_duplicate: z.preprocess(asBoolean, z.boolean()).optional(),
}));
export type CreatePatientByStaffInput = z.infer<typeof createPatientByStaffSchema>;

/** `GET /api/patient-profiles/?q=`: name, phone or clinic number (staff; within what the caller may list). */
export const listPatientProfilesSchema = z.object({
  q: z.string().trim().max(100, 'At most 100 characters.').optional(),
});
