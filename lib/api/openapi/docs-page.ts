/**
 * The `/api/docs` page: Swagger UI (from the `swagger-ui-dist` package) rendering `/api/openapi.json`,
 * every asset served by the app itself under `/api/docs/assets/<file>` — no CDN, no inline script
 * (the page sends a strict Content-Security-Policy of its own: scripts, styles, fetches and images from
 * this origin only).
 */
import crypto from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';

/** Where the page and its assets live. */
export const DOCS_PATH = '/api/docs';
export const DOCS_ASSETS_PATH = '/api/docs/assets';
export const OPENAPI_JSON_PATH = '/api/openapi.json';

/** The page's own start-up script (served as `init.js`: a Content-Security-Policy forbids inline scripts). */
export const DOCS_INIT_JS = `// Starts Swagger UI on ${OPENAPI_JSON_PATH} (E-Health API documentation).
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '${OPENAPI_JSON_PATH}',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    displayOperationId: false,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
`;

/**
 * The files `/api/docs/assets/{file}` serves (a strict allow-list) and their content types. `init.js`
 * is `DOCS_INIT_JS`; the others are read from the installed `swagger-ui-dist`.
 */
export const DOCS_ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui.css.map': 'application/json; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-bundle.js.map': 'application/json; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
  'init.js': 'text/javascript; charset=utf-8',
} as const;
export type DocsAsset = keyof typeof DOCS_ASSETS;
export const DOCS_ASSET_NAMES = Object.keys(DOCS_ASSETS) as DocsAsset[];

/** True for a file name of the allow-list. */
export function isDocsAsset(name: string): name is DocsAsset {
  return Object.prototype.hasOwnProperty.call(DOCS_ASSETS, name);
}

/** The installed swagger-ui-dist version (part of the asset URLs, so a new version is never served from a stale cache). */
export function swaggerUiVersion(): string {
  // Read once; the package does not change under a running server.
  return (versionCache ??= readVersion());
}
let versionCache: string | undefined;
function readVersion(): string {
  try {
    const pkg = JSON.parse(fsSync.readFileSync(path.join(getAbsoluteFSPath(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0';
  } catch {
    return '0';
  }
}

/** The bytes of an allow-listed asset. */
export async function readDocsAsset(name: DocsAsset): Promise<Buffer> {
  if (name === 'init.js') return Buffer.from(DOCS_INIT_JS, 'utf8');
  return fs.readFile(path.join(getAbsoluteFSPath(), name));
}

/** Content-Security-Policy of the page: everything from this origin; inline styles only (Swagger UI sets style attributes). */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The HTML of `/api/docs`. */
export function docsHtml(): string {
  const v = encodeURIComponent(swaggerUiVersion());
  const initV = crypto.createHash('sha256').update(DOCS_INIT_JS).digest('hex').slice(0, 12);
  const asset = (f: DocsAsset) => `${DOCS_ASSETS_PATH}/${f}?v=${f === 'init.js' ? initV : v}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>E-Health API</title>
<link rel="stylesheet" href="${asset('swagger-ui.css')}">
<link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}" sizes="32x32">
<link rel="icon" type="image/png" href="${asset('favicon-16x16.png')}" sizes="16x16">
</head>
<body>
<noscript>The interactive documentation needs JavaScript. The description itself is at <a href="${OPENAPI_JSON_PATH}">${OPENAPI_JSON_PATH}</a>.</noscript>
<div id="swagger-ui"></div>
<script src="${asset('swagger-ui-bundle.js')}"></script>
<script src="${asset('init.js')}"></script>
</body>
</html>
`;
}
