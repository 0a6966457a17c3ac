/**
 * Test setup, once per test file: a fresh real database — a new SQLite file, or a new MariaDB/MySQL
 * database on TEST_MYSQL_URL — migrated and installed as the process-wide database, dropped after.
 * Until it is installed (while the file is collected), reaching the database fails with a message
 * instead of opening `data/ehealth.sqlite`.
 */
import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, useDatabase } from '@/db';
import { refusingDatabase } from './refusing-database';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

export const BEFORE_SETUP_MESSAGE =
  'A database test reached the database while its file was being collected: the test database is installed ' +
  'in beforeAll, so reach it inside a hook or a test.';

useDatabase(refusingDatabase(BEFORE_SETUP_MESSAGE));

let scratch: ScratchDatabase | undefined;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await scratch.database.migrate();
  useDatabase(scratch.database);
  // For tests that start other processes on the same database (lib/testing/processes.ts).
  process.env.TEST_DATABASE_URL = scratch.url;
});

afterAll(async () => {
  await closeDatabase(); // the process-wide one (a test may have installed another)
  await scratch?.drop();
});
