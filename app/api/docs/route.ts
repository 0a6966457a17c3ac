/** `/api/docs`; what it does, who may call it and its schemas: lib/api/openapi/docs-operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { DOCS_CSP, docsHtml } from '@/lib/api/openapi/docs-page';
import { getApiDocsPageOperation } from '@/lib/api/openapi/docs-operations';

export const GET = withApi(getApiDocsPageOperation, async () => new Response(docsHtml(), {
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': DOCS_CSP, 'Cache-Control': 'no-cache' },
}));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
