/** The `/api/icd10/` operation (see lib/api/operation.ts). */
import { defineOperation } from '@/lib/api/operation';
import { icd10SearchQuerySchema } from './schemas';
import { icd10ResultsResponseSchema } from './serialize';

export const searchIcd10Operation = defineOperation({
  method: 'GET', path: '/api/icd10/', operationId: 'searchIcd10', tag: 'Medical records',
  summary: 'Search ICD-10 codes by code or words (any signed-in user)',
  query: icd10SearchQuerySchema,
  success: { status: 200, description: 'Matching codes, best first.', schema: icd10ResultsResponseSchema },
});
