/** The operations of the API's own documentation: the OpenAPI document, its page and the page's files (see ../operation.ts). */
import { z } from 'zod';
import { defineOperation } from '../operation';
import { pathParam } from '../params';
import { DOCS_ASSET_NAMES, type DocsAsset } from './docs-page';

export const getOpenApiDocumentOperation = defineOperation({
  method: 'GET', path: '/api/openapi.json/', operationId: 'getOpenApiDocument', tag: 'Documentation', auth: 'none',
  summary: 'This document (OpenAPI 3.1)',
  success: { status: 200, description: 'The OpenAPI document.', schema: z.record(z.string(), z.unknown()).meta({ description: 'An OpenAPI 3.1 document.' }) },
});

export const getApiDocsPageOperation = defineOperation({
  method: 'GET', path: '/api/docs/', operationId: 'getApiDocsPage', tag: 'Documentation', auth: 'none',
  summary: 'This documentation, rendered (Swagger UI served by the app)',
  success: { status: 200, description: 'The HTML page.', contentType: 'text/html' },
});

export const getApiDocsAssetOperation = defineOperation({
  method: 'GET', path: '/api/docs/assets/{file}/', operationId: 'getApiDocsAsset', tag: 'Documentation', auth: 'none',
  summary: 'A script, style sheet or icon of the documentation page',
  params: { file: pathParam(z.enum(DOCS_ASSET_NAMES as [DocsAsset, ...DocsAsset[]]).meta({ description: 'One of the page\'s files (anything else is a 404).' }), 'This file') },
  success: { status: 200, description: 'The file (`Cache-Control: public, max-age=31536000, immutable`; the page versions its URLs).', contentType: 'application/octet-stream' },
  errors: ['not_found'],
});
