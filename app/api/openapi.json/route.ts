/** `/api/openapi.json`; what it does, who may call it and its schemas: lib/api/openapi/docs-operations.ts. */
import { NextResponse } from 'next/server';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { getOpenApiDocument } from '@/lib/api/openapi/document';
import { getOpenApiDocumentOperation } from '@/lib/api/openapi/docs-operations';

export const GET = withApi(getOpenApiDocumentOperation, async () =>
  NextResponse.json(getOpenApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } }));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
