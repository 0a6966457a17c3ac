/** Zod schemas of the ICD-10 code search (shared by the API route and any server action). */
import { z } from 'zod';

/** `GET /api/icd10/?q=&limit=`: `q` at most 100 characters (empty answers no results), `limit` 1–50 (default 20). */
export const icd10SearchQuerySchema = z.object({
  q: z.string().max(100, 'q is at most 100 characters').default(''),
  limit: z.coerce.number().int('limit is a whole number').min(1, 'limit is at least 1').max(50, 'limit is at most 50').default(20),
});
export type Icd10SearchQuery = z.infer<typeof icd10SearchQuerySchema>;
