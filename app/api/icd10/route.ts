/** `/api/icd10/`; what it does, who may call it and its schemas: lib/records/icd10/operations.ts. */
import { NextResponse } from 'next/server';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { searchIcd10 } from '@/lib/records/icd10';
import { searchIcd10Operation } from '@/lib/records/icd10/operations';
import { serializeIcd10Results } from '@/lib/records/icd10/serialize';

export const dynamic = 'force-dynamic';

export const GET = withApi(searchIcd10Operation, async ({ query: { q, limit } }) =>
  // The list only changes with a new build: let the browser reuse answers while the doctor types.
  NextResponse.json(serializeIcd10Results(searchIcd10(q, { limit })), { headers: { 'Cache-Control': 'private, max-age=3600' } }));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
