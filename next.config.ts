import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The seed's API paths answer with and without the trailing slash, without a redirect.
  skipTrailingSlashRedirect: true,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ['better-sqlite3', 'mysql2', 'argon2'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
