/** The API's answer to an ICD-10 search: its schema and its serializer. */
import { z } from 'zod';
import type { Icd10Match } from './index';

export const icd10ResultsResponseSchema = z.object({
  results: z.array(z.object({ system: z.literal('ICD-10'), code: z.string(), display: z.string() })),
}).meta({ id: 'Icd10Results' });

/** `{ results: [{ system, code, display }] }`, best match first. */
export function serializeIcd10Results(matches: readonly Icd10Match[]): z.input<typeof icd10ResultsResponseSchema> {
  return { results: matches.map(({ system, code, display }) => ({ system, code, display })) };
}
