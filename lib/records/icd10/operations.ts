/** The `/api/icd10/` operations (see lib/api/operation.ts). */
import { defineOperation, named } from '@/lib/api/operation';
import { icd10FavouritesBodySchema, icd10SearchQuerySchema } from './schemas';
import { icd10ResultsResponseSchema } from './serialize';

export const searchIcd10Operation = defineOperation({
  method: 'GET', path: '/api/icd10/', operationId: 'searchIcd10', tag: 'Medical records',
  summary: 'Search ICD-10 codes by code or words (any signed-in user)',
  description: 'Ranked for primary care in Kenya: the usual code of a common word first ("hypertension" → I10), British spellings '
    + 'and everyday terms ("anaemia", "high blood pressure"), abbreviations as whole words ("HTN", "UTI"), then the clinic\'s '
    + 'most-used codes and favourites higher. A q under 2 characters answers no results.',
  query: icd10SearchQuerySchema,
  success: { status: 200, description: 'Matching codes, best first.', schema: icd10ResultsResponseSchema },
});

export const listIcd10FavouritesOperation = defineOperation({
  method: 'GET', path: '/api/icd10/favourites/', operationId: 'listIcd10Favourites', tag: 'Medical records', roles: ['doctor', 'admin'],
  summary: 'The clinic\'s favourite diagnoses, in order (doctors and admins)',
  success: { status: 200, description: 'The favourites, in the order admins gave them.', schema: icd10ResultsResponseSchema },
});

export const setIcd10FavouritesOperation = defineOperation({
  method: 'PUT', path: '/api/icd10/favourites/', operationId: 'setIcd10Favourites', tag: 'Medical records', roles: ['admin'],
  summary: 'Replace the favourite diagnoses (admin): the whole list, in order',
  description: 'Each code must be in the ICD-10 list and appear once (else 400 with `fields["codes.<i>"]`); at most 50. Audited.',
  body: named(icd10FavouritesBodySchema, 'Icd10Favourites'),
  success: { status: 200, description: 'The favourites after the change.', schema: icd10ResultsResponseSchema },
});
