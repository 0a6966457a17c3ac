/** `/api/icd10/`; what it does, who may call it and its schemas: lib/records/icd10/operations.ts. */
import { NextResponse } from 'next/server';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { searchClinicDiagnoses } from '@/lib/records/icd10/clinic-search';
import { searchIcd10Operation } from '@/lib/records/icd10/operations';
import { serializeIcd10Results } from '@/lib/records/icd10/serialize';

export const dynamic = 'force-dynamic';

export const GET = withApi(searchIcd10Operation, async ({ query: { q, limit } }) =>
  // The ranking follows the clinic's usage and favourites (kept a minute in memory): let the browser
  // reuse an answer only as long, while the doctor types.
  NextResponse.json(serializeIcd10Results(await searchClinicDiagnoses(q, limit)), { headers: { 'Cache-Control': 'private, max-age=60' } }));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
