/** Zod schemas of the ICD-10 code search and favourites (shared by the API routes and any server action). */
import { z } from 'zod';

/** `GET /api/icd10/?q=&limit=`: `q` at most 100 characters (empty answers no results), `limit` 1–50 (default 20). */
export const icd10SearchQuerySchema = z.object({
  q: z.string().max(100, 'q is at most 100 characters').default(''),
  limit: z.coerce.number().int('limit is a whole number').min(1, 'limit is at least 1').max(50, 'limit is at most 50').default(20),
});
export type Icd10SearchQuery = z.infer<typeof icd10SearchQuerySchema>;

/** `PUT /api/icd10/favourites/`: the whole list, in order: `{ "codes": ["I10", "B54", …] }` (at most 50). */
export const icd10FavouritesBodySchema = z.object({
  codes: z.array(z.string().trim().min(1, 'Enter a code').max(16, 'A code is at most 16 characters'), 'codes is a list of ICD-10 codes')
    .max(50, 'At most 50 favourites'),
});
export type Icd10FavouritesBody = z.infer<typeof icd10FavouritesBodySchema>;
