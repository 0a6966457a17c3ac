import { NextResponse } from 'next/server';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { getOpenApiDocument } from '@/lib/api/openapi/document';

// GET /api/openapi.json — the OpenAPI 3.1 document of the API, generated from its zod schemas (public; built once per process)
export const GET = withApi(async () =>
  NextResponse.json(getOpenApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } }), { auth: 'none' });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
