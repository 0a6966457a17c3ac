/**
 * Input of a patient merge (`POST /api/patient-profiles/{id}/merge/` and the admin merge screen):
 * `{"merge_from": <the other patient's profile id>, "fields": {"<field>": "survivor"|"merged", …}}`.
 * `fields` chooses, per profile field, whose value the survivor keeps; a field left out takes the
 * default (`defaultMergeChoice`). `medical_history` may also be `"both"` (the two texts joined).
 */
import { z } from 'zod';

/** The profile fields an admin chooses between, in the order the merge screen shows them (API names). */
export const MERGE_FIELDS = [
  'name', 'date_of_birth', 'gender', 'email', 'phone', 'address', 'blood_type', 'medical_history', 'emergency_contact_info',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeChoice = 'survivor' | 'merged' | 'both';

const side = z.enum(['survivor', 'merged'], { message: 'Choose survivor or merged.' });

export const mergeFieldsSchema = z.object({
  name: side, date_of_birth: side, gender: side, email: side, phone: side, address: side, blood_type: side,
  medical_history: z.enum(['survivor', 'merged', 'both'], { message: 'Choose survivor, merged or both.' }),
  emergency_contact_info: side,
}).partial();

export const mergePatientsSchema = z.object({
  merge_from: z.coerce.number({ message: 'Give the id of the patient profile to merge.' }).int('Give a profile id.').positive('Give a profile id.'),
  fields: mergeFieldsSchema.optional(),
});
export type MergePatientsInput = z.infer<typeof mergePatientsSchema>;
export type MergeFieldChoices = z.infer<typeof mergeFieldsSchema>;
