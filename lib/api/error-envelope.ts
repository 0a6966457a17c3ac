/**
 * The schema of the API's error envelope, `{"error":{"code","message","fields"?,…}}`, as `errorResponse`
 * (./with-api.ts) writes it for every 4xx and the generic 500.
 */
import { z } from 'zod';
import { ERROR_STATUS } from '@/lib/errors';
import { dateField, idField } from './response-fields';

/** Every `error.code` the API answers with (lib/errors.ts, plus the generic 500). */
export const ERROR_CODES = [...(Object.keys(ERROR_STATUS) as Array<keyof typeof ERROR_STATUS>), 'internal_error'] as const;

/** One possible duplicate of a walk-in patient (409 `possible_duplicate` of `POST /api/patient-profiles/`). */
const duplicateCandidateSchema = z.object({
  user_id: idField,
  name: z.string(),
  date_of_birth: dateField.nullable(),
  phone: z.string().nullable(),
  patient_number: z.string(),
  is_active: z.boolean(),
  matches: z.array(z.string()),
});

/** `{"error":{"code","message","fields"?,…}}`: every 4xx and the 500. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().meta({ description: 'For people: safe to show.' }),
    fields: z.record(z.string(), z.array(z.string())).optional()
      .meta({ description: 'validation_error: messages by field path (`vital_signs.systolic_mmhg`; `_` for the whole body).' }),
    allowed: z.array(z.string()).optional().meta({ description: 'conflict: the actions still possible; method_not_allowed: the methods of the path.' }),
    conflict: z.string().optional().meta({ description: 'conflict: what clashed (`doctor`, `patient`, `email_taken`, `possible_duplicate`).' }),
    candidates: z.array(duplicateCandidateSchema).optional().meta({ description: 'conflict `possible_duplicate`: the patients this one may be.' }),
    current_version: z.number().int().optional().meta({ description: 'conflict on an amendment: the record\'s version now.' }),
    tables: z.array(z.string()).optional().meta({ description: 'not_found of a dashboard export: the tables there are.' }),
    merged_into: z.number().int().optional().meta({ description: 'not_found of a patient merged into another (and conflict on merging it again): the surviving record\'s id, in the id space of the path (user id or patient profile id).' }),
    appointments: z.array(z.object({ id: z.number().int(), overlaps_id: z.number().int(), date_time: z.string() })).optional()
      .meta({ description: 'conflict on a patient merge: active appointments of the merged patient that overlap one of the survivor\'s.' }),
  }),
}).meta({
  id: 'Error',
  description: 'The error envelope of every 4xx and 5xx answer.',
  example: { error: { code: 'validation_error', message: 'Some fields are not valid.', fields: { date_time: ['Give a date and time.'] } } },
});
