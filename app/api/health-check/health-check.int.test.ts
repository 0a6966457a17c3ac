import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDatabase, openSqlite, useDatabase } from '@/db';
import { createScratchDatabase } from '@/lib/testing/scratch-database';
import { GET } from './route';

const get = () => GET(new Request('http://127.0.0.1/api/health-check/'));

describe('GET /api/health-check/', () => {
  it('answers ok with the dialect in use', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: (await getDatabase()).dialect });
  });

  it('answers 503 when the database does not answer', async () => {
    const main = await getDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-hc-'));
    const broken = openSqlite(path.join(dir, 'x.sqlite'));
    await broken.close(); // every statement now fails
    useDatabase(broken);
    try {
      const res = await get();
      expect(res.status).toBe(503);
      expect((await res.json()).status).toBe('unavailable');
    } finally {
      useDatabase(main);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 on a database without this build\'s migrations (fresh, or missing the last one), 200 once it has them', async () => {
    const main = await getDatabase();
    const scratch = await createScratchDatabase();
    const { database } = scratch;
    useDatabase(database);
    try {
      const fresh = await get();
      expect(fresh.status).toBe(503);
      expect(await fresh.json()).toEqual({ status: 'unavailable', database: database.dialect });

      // Migrated, then the last journal entry's row removed: as if the last migration were never applied.
      await database.migrate();
      // Kept aside in a table of its own, then put back: the same database with all its migrations.
      await database.unsafeExec('create table hc_last as select * from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)');
      await database.unsafeExec('delete from __drizzle_migrations where created_at = (select created_at from hc_last)');
      const missingLast = await get();
      expect(missingLast.status).toBe(503);
      expect(await missingLast.json()).toEqual({ status: 'unavailable', database: database.dialect });

      await database.unsafeExec('insert into __drizzle_migrations (hash, created_at) select hash, created_at from hc_last');
      const migrated = await get();
      expect(migrated.status).toBe(200);
      expect(await migrated.json()).toEqual({ status: 'ok', database: database.dialect });
    } finally {
      useDatabase(main);
      await scratch.drop();
    }
  });
});
