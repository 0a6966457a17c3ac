/**
 * A fresh, empty, real database for a test — a new SQLite file, or a new MariaDB/MySQL database on
 * TEST_MYSQL_URL (as the test project's `TEST_DB` says) — not migrated, with a `drop()` that removes it.
 * Refuses any MySQL server that is not on this machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { openMysql, openSqlite, type Database } from '@/db';

export interface ScratchDatabase {
  database: Database;
  /** Its `DATABASE_URL` (`file:/tmp/…sqlite` or `mysql://…/ehealth_test_…`), for other processes to open it. */
  url: string;
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

/** Creates the scratch database (see the module comment). */
export async function createScratchDatabase(kind = process.env.TEST_DB ?? 'sqlite'): Promise<ScratchDatabase> {
  const name = `ehealth_test_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  if (kind === 'mysql') {
    const base = process.env.TEST_MYSQL_URL;
    if (!base) throw new Error('TEST_MYSQL_URL is not set');
    const u = new URL(base);
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(u.hostname)) throw new Error(`refusing non-local test database ${u.hostname}`);
    const mysql = await import('mysql2/promise');
    const admin = await mysql.createConnection({ uri: base });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    u.pathname = `/${name}`;
    const database = await openMysql(u.toString(), 20);
    return {
      database,
      url: u.toString(),
      async drop() {
        await database.close().catch(() => {}); // already closed
        const c = await mysql.createConnection({ uri: base });
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-test-'));
  const file = path.join(dir, `${name}.sqlite`);
  const database = openSqlite(file, { timeoutMs: 20_000 });
  return {
    database,
    url: `file:${file}`,
    async drop() {
      await database.close().catch(() => {}); // already closed
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
