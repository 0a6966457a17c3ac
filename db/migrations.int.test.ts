/**
 * Upgrades: a database migrated before a change keeps what it held. Each case migrates a scratch
 * database up to an older migration, writes what such a database held, applies the rest, and checks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '@/lib/testing/scratch-database';
import { getDatabase, q, tables, useDatabase, type Database } from './index';

const SOURCE = (dialect: string) => path.join(process.cwd(), 'db', 'migrations', dialect);

/** A copy of the committed migrations of `dialect` that stops after migration `lastTag` (e.g. `0005_patients_daily`). */
function migrationsUpTo(dialect: string, lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-migrations-'));
  fs.cpSync(SOURCE(dialect), dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('upgrading a database', () => {
  let scratch: ScratchDatabase | undefined;
  let previous: Database;
  beforeAll(async () => {
    previous = await getDatabase(); // the file's test database (installed by the set-up)
  });
  afterEach(async () => {
    useDatabase(previous);
    await scratch?.drop();
  });

  it('moves the real-clinic and dashboard marks out of the counters into flags, and drops the old lock rows (0006)', async () => {
    scratch = await createScratchDatabase();
    const { database } = scratch;
    await database.migrate(migrationsUpTo(database.dialect, '0005_patients_daily'));
    useDatabase(database);
    const db = await q();
    await db.insert(tables.sequences).values([
      { name: 'patient_number', value: 41 }, { name: 'real_clinic_mark', value: 1 },
      { name: 'dashboard_stats_built_v2', value: 1 }, { name: 'demo_seed', value: 3 }, { name: 'fhir_import', value: 7 },
    ]);
    await database.migrate();
    const flags = await db.select({ name: tables.databaseFlags.name }).from(tables.databaseFlags);
    expect(flags.map((f) => f.name).sort()).toEqual(['dashboard_stats_built_v2', 'real_clinic_mark']);
    const counters = await db.select().from(tables.sequences);
    expect(counters).toEqual([{ name: 'patient_number', value: 41 }]);
  });
});
