import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three projects (scripts/test.mjs picks them):
// - unit: `*.test.ts` (not `*.int.test.ts`), without a database — a guard makes any use of one fail;
// - sqlite: the database tests `*.int.test.ts`, each file on a fresh, migrated SQLite file;
// - mysql: the same database tests on a fresh MariaDB/MySQL database (when TEST_MYSQL_URL is set).
const root = path.dirname(fileURLToPath(import.meta.url));
const alias = { '@': root, 'server-only': path.join(root, 'lib/testing/empty.ts') };
const exclude = ['node_modules/**', 'e2e/**', '.next/**'];
const withDatabase = { testTimeout: 120_000, hookTimeout: 120_000, setupFiles: ['lib/testing/setup-db.ts'], include: ['**/*.int.test.ts'], exclude };

export default defineConfig({
  resolve: { alias },
  test: {
    // At least two files at a time: the database tests spend much of their time waiting on MariaDB or
    // the disk (vitest's default, one worker less than the cores, is a single worker on two cores).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...exclude, '**/*.int.test.ts'],
          setupFiles: ['lib/testing/setup-unit.ts'],
          // The files share a worker instead of starting one each (a few seconds instead of a minute);
          // the setup resets the module registry per file, so one file's vi.mock never reaches another.
          isolate: false,
          unstubEnvs: true,
          unstubGlobals: true,
          testTimeout: 30_000,
          // No dialect accepts this URL: opening "the database" from the environment fails (see setup-unit.ts).
          env: { DATABASE_URL: 'no-database-in-unit-tests:', TEST_DB: 'none' },
        },
      },
      { resolve: { alias }, test: { ...withDatabase, name: 'sqlite', env: { TEST_DB: 'sqlite' } } },
      { resolve: { alias }, test: { ...withDatabase, name: 'mysql', env: { TEST_DB: 'mysql' } } },
    ],
  },
});
