import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects run the same database tests: SQLite always, MySQL/MariaDB when TEST_MYSQL_URL is set
// (scripts/test.mjs picks them). Unit tests (*.test.ts without .int.) run once, in the SQLite project.
const root = path.dirname(fileURLToPath(import.meta.url));
const alias = { '@': root, 'server-only': path.join(root, 'lib/testing/empty.ts') };
const shared = { testTimeout: 60_000, hookTimeout: 60_000, setupFiles: ['lib/testing/setup-db.ts'] };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { ...shared, name: 'sqlite', include: ['**/*.test.ts'], exclude: ['node_modules/**', 'e2e/**', '.next/**'], env: { TEST_DB: 'sqlite' } },
      },
      {
        resolve: { alias },
        test: { ...shared, name: 'mysql', include: ['**/*.int.test.ts'], exclude: ['node_modules/**', 'e2e/**', '.next/**'], env: { TEST_DB: 'mysql' } },
      },
    ],
  },
});
