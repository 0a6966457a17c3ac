import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { DOCS_ASSETS, isDocsAsset, readDocsAsset } from '@/lib/api/openapi/docs-page';
import { notFound } from '@/lib/errors';

// GET /api/docs/assets/{file}/ — a file of the documentation page (an allow-list: Swagger UI's script, styles, icons; the page's init.js), cached a year (public)
export const GET = withApi<{ file: string }>(async ({ params }) => {
  if (!isDocsAsset(params.file)) throw notFound('This file');
  const bytes = await readDocsAsset(params.file);
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': DOCS_ASSETS[params.file], 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}, { auth: 'none' });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
