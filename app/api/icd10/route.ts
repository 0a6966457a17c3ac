import { NextResponse } from 'next/server';
import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { searchIcd10 } from '@/lib/records/icd10';
import { icd10SearchQuerySchema } from '@/lib/records/icd10/schemas';

export const dynamic = 'force-dynamic';

// GET /api/icd10/?q= — ICD-10 code search by code or words (any signed-in user)
export const GET = withApi(async ({ query }) => {
  const { q, limit } = query(icd10SearchQuerySchema);
  const results = searchIcd10(q, { limit }).map(({ system, code, display }) => ({ system, code, display }));
  // The list only changes with a new build: let the browser reuse answers while the doctor types.
  return NextResponse.json({ results }, { headers: { 'Cache-Control': 'private, max-age=3600' } });
});

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
