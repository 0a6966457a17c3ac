'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action, type ActionState } from '@/lib/api/action';
import { AppError } from '@/lib/errors';
import { mergePatients } from '@/lib/patients/merge-patients';
import { mergeFieldsSchema } from '@/lib/patients/merge-schemas';
import { formatDate, formatTime } from '@/core/time';

const idField = z.coerce.number().int().positive();

/** The merge form: survivor and merged user ids, one radio per field (`field_<name>`). */
const mergeFormSchema = z.object({
  into: idField,
  from: idField,
  /** The "I have checked these are the same person" tick: a merge cannot be undone. */
  same_person: z.string().optional(),
  field_name: z.string().optional(), field_date_of_birth: z.string().optional(), field_gender: z.string().optional(),
  field_email: z.string().optional(), field_phone: z.string().optional(), field_address: z.string().optional(),
  field_blood_type: z.string().optional(), field_medical_history: z.string().optional(), field_emergency_contact_info: z.string().optional(),
});

/**
 * Confirm on the merge screen (only with the `same_person` tick) → `mergePatients` by user ids (the same function as
 * `POST /api/patient-profiles/{id}/merge/`), then the survivor's merge page with `?merged=<from>`.
 * Overlapping appointments come back as one sentence listing them.
 */
export const mergePatientsAction = action(mergeFormSchema, async (input, { user, actor }) => {
  const picked = Object.fromEntries(Object.entries(input).filter(([k, v]) => k.startsWith('field_') && v).map(([k, v]) => [k.slice(6), v]));
  const fields = mergeFieldsSchema.safeParse(picked);
  if (!fields.success) return { ok: false, message: 'Choose one value for each field.' } satisfies ActionState;
  if (input.same_person !== 'yes') {
    return { ok: false, message: 'Tick "I have checked these are the same person" first: a merge cannot be undone.' } satisfies ActionState;
  }
  try {
    await mergePatients({ user, actor, by: 'user', intoId: input.into, fromId: input.from, fields: fields.data });
  } catch (e) {
    const list = e instanceof AppError ? (e.extra?.appointments as Array<{ id: number; overlaps_id: number; date_time: string }> | undefined) : undefined;
    if (list?.length) {
      const at = (iso: string) => `${formatDate(new Date(iso))} ${formatTime(new Date(iso))}`;
      return { ok: false, message: `${(e as AppError).message} Overlapping: ${list.map((o) => `appointment ${o.id} (${at(o.date_time)}) with ${o.overlaps_id}`).join('; ')}.` } satisfies ActionState;
    }
    throw e;
  }
  redirect(`/admin/patients/${input.into}/merge?merged=${input.from}`);
}, { roles: ['admin'] });
