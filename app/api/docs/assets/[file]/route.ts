/** `/api/docs/assets/{file}/`; what it does, who may call it and its schemas: lib/api/openapi/docs-operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { DOCS_ASSETS, readDocsAsset } from '@/lib/api/openapi/docs-page';
import { getApiDocsAssetOperation } from '@/lib/api/openapi/docs-operations';

export const GET = withApi(getApiDocsAssetOperation, async ({ params }) => {
  const bytes = await readDocsAsset(params.file);
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': DOCS_ASSETS[params.file], 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
