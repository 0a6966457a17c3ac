import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { DOCS_CSP, docsHtml } from '@/lib/api/openapi/docs-page';

// GET /api/docs — the API documentation: Swagger UI on /api/openapi.json, every asset served by the app (public)
export const GET = withApi(async () => new Response(docsHtml(), {
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': DOCS_CSP, 'Cache-Control': 'no-cache' },
}), { auth: 'none' });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
