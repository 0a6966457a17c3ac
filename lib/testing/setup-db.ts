/**
 * Test setup, once per test file: a fresh real database — a new SQLite file, or a new MariaDB/MySQL
 * database on TEST_MYSQL_URL — migrated and installed as the process-wide database, dropped after.
 * Refuses any MySQL server that is not on this machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, openMysql, openSqlite, useDatabase, type Database } from '@/db';

let dropDatabase: (() => Promise<void>) | undefined;
let handle: Database | undefined;

beforeAll(async () => {
  const kind = process.env.TEST_DB ?? 'sqlite';
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
    handle = await openMysql(u.toString(), 20);
    dropDatabase = async () => {
      const c = await mysql.createConnection({ uri: base });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-test-'));
    handle = openSqlite(path.join(dir, `${name}.sqlite`), { timeoutMs: 20_000 });
    dropDatabase = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await handle.migrate();
  useDatabase(handle);
});

afterAll(async () => {
  await closeDatabase();
  await dropDatabase?.();
});
