import type { NextConfig } from 'next';
import { SECURITY_HEADERS } from './core/security-headers.mjs';

const nextConfig: NextConfig = {
  // The seed's API paths answer with and without the trailing slash, without a redirect.
  skipTrailingSlashRedirect: true,
  // Native and Node-only packages stay outside the server bundle. swagger-ui-dist: /api/docs reads its
  // files from the installed package's folder at run time (lib/api/openapi/docs-page.ts).
  serverExternalPackages: ['better-sqlite3', 'mysql2', 'argon2', 'swagger-ui-dist'],
  // Files read with fs (not imported) that a traced/standalone server must still ship.
  outputFileTracingIncludes: {
    '/api/docs/assets/[file]': ['./node_modules/swagger-ui-dist/swagger-ui*.{js,css,map}', './node_modules/swagger-ui-dist/favicon-*.png', './node_modules/swagger-ui-dist/package.json'],
  },
  poweredByHeader: false,
  // Patient pages must not be framed by another site (clickjacking), nor sniffed, nor leak their URL.
  async headers() {
    return [{ source: '/:path*', headers: [...SECURITY_HEADERS] }];
  },
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
