/**
 * Unit-project setup, run before each test file. There is no database: a guard is installed as the
 * process-wide database, so a unit test that reaches it — through a repository, `q()`,
 * `withTransaction()`, `getDatabase()` or `closeDatabase()` — fails at once with a message saying so,
 * instead of quietly opening `data/ehealth.sqlite`. (The unit project also sets `DATABASE_URL` to a
 * URL no dialect accepts, so opening a database from the environment fails too.)
 *
 * The unit files share a worker (vitest.config.mts: `isolate: false`, for speed). Resetting the
 * module registry here gives each file fresh copies of the project's modules, so what one file mocks
 * with `vi.mock` (or keeps in module state) never reaches the next.
 */
import { vi } from 'vitest';
import { useDatabase } from '@/db';
import { refusingDatabase } from './refusing-database';

vi.resetModules();

export const NO_DATABASE_MESSAGE =
  'A unit test reached the database. Files named *.test.ts run in the "unit" project, which has none: ' +
  'rename the file to *.int.test.ts to run it on real SQLite and MariaDB databases, or keep the database out of the test.';

useDatabase(refusingDatabase(NO_DATABASE_MESSAGE));
