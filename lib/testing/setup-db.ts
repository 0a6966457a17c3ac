/**
 * Test setup, once per test file: a fresh real database — a new SQLite file, or a new MariaDB/MySQL
 * database on TEST_MYSQL_URL — migrated and installed as the process-wide database, dropped after.
 */
import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, useDatabase } from '@/db';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

let scratch: ScratchDatabase | undefined;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await scratch.database.migrate();
  useDatabase(scratch.database);
});

afterAll(async () => {
  await closeDatabase(); // the process-wide one (a test may have installed another)
  await scratch?.drop();
});
