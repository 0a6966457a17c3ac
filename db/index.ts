/**
 * The database client. The only file that casts the active dialect's Drizzle instance to the one
 * canonical type (`PortableDb`, MySQL-flavoured: no `.returning()`, `.get()` or `.run()`), so one set
 * of repository functions serves SQLite and MySQL.
 *
 * Which database: `DATABASE_URL` unset or `file:…` → SQLite (better-sqlite3, WAL, foreign keys on);
 * `mysql://…` → MySQL/MariaDB (mysql2 pool, UTC). Connects lazily: importing this module opens nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MySql2Database } from 'drizzle-orm/mysql2';
import * as mysqlSchema from './schema/mysql';
import * as sqliteSchema from './schema/sqlite';
import { classifyDbError } from './errors';
import { createGatedSqlite, type SqliteGateOptions } from './sqlite-gate';

export type Dialect = 'sqlite' | 'mysql';
export type Schema = typeof mysqlSchema;
/** The canonical query surface every repository is written against. */
export type PortableDb = Omit<MySql2Database<Schema>, 'transaction' | '$client' | 'execute'>;

export interface Database {
  dialect: Dialect;
  /** Root query surface (repositories use `q()`, which picks the open transaction when there is one). */
  db: PortableDb;
  /** Runs `fn` in one transaction; nested calls become savepoints. */
  withTransaction<T>(fn: (tx: PortableDb) => Promise<T>): Promise<T>;
  /** The transaction open in the caller's async context, if any. */
  currentTx(): PortableDb | undefined;
  /** Applies the committed migrations of this dialect (or those of `folder`, for tests of an upgrade). */
  migrate(folder?: string): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  /**
   * The `created_at` (ms, the journal's `when`) of the newest migration recorded in drizzle's
   * `__drizzle_migrations` table; null when none is (no such table yet, or empty). Throws when the
   * database does not answer.
   */
  latestAppliedMigrationMs(): Promise<number | null>;
  /**
   * SQLite: a stamp that changes whenever the data may have changed (any process's commit, this
   * connection's writes), for reusing a computed read while it stays equal (db/sqlite-gate.ts).
   * MySQL: null (no cheap equivalent): nothing is reused.
   */
  changeStamp(): string | null;
  close(): Promise<void>;
  /** Runs raw DDL/SQL outside the query builder (tests' negative controls, maintenance). */
  unsafeExec(sql: string): Promise<void>;
  /** Where the data lives, without credentials (for logs). */
  describe: string;
}

/**
 * The active dialect's tables, typed as the MySQL schema. Column mapping (Date ↔ ms or datetime) comes
 * from the real table, so this forwards to the schema of the open database's dialect.
 */
export const tables: Schema = new Proxy({} as Schema, {
  get: (_t, key) => (activeSchema() as unknown as Record<string | symbol, unknown>)[key],
});
function activeSchema(): Schema {
  return (G.__ehealthDb?.dialect === 'sqlite' ? sqliteSchema : mysqlSchema) as unknown as Schema;
}

const MIGRATIONS = (d: Dialect) => path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations', d);

/** The dialect `url` selects (`DATABASE_URL` when omitted). */
export function dialectOf(url = process.env.DATABASE_URL): Dialect {
  if (!url || url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return 'mysql';
  throw new Error(`DATABASE_URL must start with file: or mysql:// (it starts with "${url.split(':')[0]}:")`);
}

/** The SQLite file path for a `file:` URL (default `data/ehealth.sqlite`). */
export function sqlitePath(url = process.env.DATABASE_URL): string {
  const p = url && url.startsWith('file:') ? url.slice('file:'.length) : 'data/ehealth.sqlite';
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}

/** Opens a SQLite database file (created with its folder if missing). */
export function openSqlite(file: string, gate: SqliteGateOptions = {}): Database {
  // Loaded lazily so a MySQL deployment never needs the native module at import time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const BetterSqlite3 = require('better-sqlite3') as typeof import('better-sqlite3');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new BetterSqlite3(file);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  // Several processes share the file (the server's workers, a CLI while it runs). SQLite's own busy
  // handler would sleep inside the call, stopping the event loop while another process writes, so it
  // is off: the gate retries a refused statement or BEGIN on timers instead (db/sqlite-gate.ts).
  client.pragma('busy_timeout = 0');
  const g = createGatedSqlite(client, sqliteSchema, gate);
  return {
    dialect: 'sqlite',
    db: g.db as unknown as PortableDb,
    withTransaction: (fn) => g.withTransaction((tx) => fn(tx as unknown as PortableDb)),
    currentTx: () => g.currentTx() as unknown as PortableDb | undefined,
    async migrate(folder = MIGRATIONS('sqlite')) {
      const { drizzle } = await import('drizzle-orm/better-sqlite3');
      const { migrate } = await import('drizzle-orm/better-sqlite3/migrator');
      // Start-up work, before serving: here waiting inside the call for another process is fine.
      client.pragma('busy_timeout = 5000');
      try {
        migrate(drizzle(client), { migrationsFolder: folder });
      } finally {
        client.pragma('busy_timeout = 0');
      }
    },
    changeStamp: () => g.changeStamp(),
    async ping() {
      client.prepare('select 1').get();
    },
    async latestAppliedMigrationMs() {
      const exists = client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
      if (!exists) return null;
      const row = client.prepare('select max(created_at) as m from __drizzle_migrations').get() as { m: number | null };
      return row.m === null ? null : Number(row.m);
    },
    async close() {
      client.close();
    },
    async unsafeExec(sql) {
      client.exec(sql);
    },
    describe: `sqlite:${file}`,
  };
}

/** Opens a MySQL/MariaDB pool for `url` (`mysql://user:pass@host:port/db`). */
export async function openMysql(url: string, connectionLimit = 10): Promise<Database> {
  const mysql = await import('mysql2/promise');
  const { drizzle } = await import('drizzle-orm/mysql2');
  const pool = mysql.createPool({
    uri: url.replace(/^mariadb:/, 'mysql:'),
    timezone: 'Z',
    charset: 'utf8mb4',
    connectionLimit,
    waitForConnections: true,
  });
  const root = drizzle(pool, { schema: mysqlSchema, mode: 'default' });
  const als = new AsyncLocalStorage<{ tx: MySql2Database<Schema> }>();
  const u = new URL(url);
  return {
    dialect: 'mysql',
    db: root as unknown as PortableDb,
    async withTransaction(fn) {
      const cur = als.getStore();
      // Nest as a savepoint on the same connection: a plain db.transaction would open a second,
      // independent transaction on another pooled connection.
      // READ COMMITTED (top level; a savepoint inherits it): every read sees the latest committed
      // rows and locking reads take no gap locks, so syncs that lock a row by key then read (the
      // dashboard summaries) see what the previous holder wrote, and concurrent inserts of unrelated
      // rows do not deadlock on gaps. Writes stay safe by row locks, unique keys and conditional updates.
      const body = (tx: unknown) =>
        als.run({ tx: tx as MySql2Database<Schema> }, () => fn(tx as unknown as PortableDb));
      const run = () => (cur ? cur.tx.transaction(body) : root.transaction(body, { isolationLevel: 'read committed' }));
      if (cur) return run();
      // InnoDB may abort a transaction to break a deadlock: the outermost one is retried (our
      // transactions hold database work only, so running them again is safe).
      for (let attempt = 1; ; attempt++) {
        try {
          return await run();
        } catch (e) {
          if (attempt >= 5 || classifyDbError(e) !== 'deadlock') throw e;
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
        }
      }
    },
    currentTx: () => als.getStore()?.tx as unknown as PortableDb | undefined,
    async migrate(folder = MIGRATIONS('mysql')) {
      const { migrate } = await import('drizzle-orm/mysql2/migrator');
      await migrate(root, { migrationsFolder: folder });
    },
    changeStamp: () => null,
    async ping() {
      await pool.query('select 1');
    },
    async latestAppliedMigrationMs() {
      try {
        const [rows] = await pool.query('select max(created_at) as m from `__drizzle_migrations`');
        const m = (rows as Array<{ m: number | string | null }>)[0]?.m;
        return m === null || m === undefined ? null : Number(m);
      } catch (e) {
        if ((e as { errno?: number }).errno === 1146) return null; // ER_NO_SUCH_TABLE: never migrated
        throw e;
      }
    },
    async close() {
      await pool.end();
    },
    async unsafeExec(sql) {
      await pool.query(sql);
    },
    describe: `mysql://${u.host}${u.pathname}`,
  };
}

const shippedMigrationMs = new Map<Dialect, number>();
const fullyMigrated = new WeakSet<Database>();

/**
 * The journal's `when` (ms) of the newest migration this build ships for `dialect`
 * (`db/migrations/<dialect>/meta/_journal.json`, read once per process). Throws when it is missing.
 */
function newestShippedMigrationMs(dialect: Dialect): number {
  let ms = shippedMigrationMs.get(dialect);
  if (ms === undefined) {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS(dialect), 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
    ms = Math.max(0, ...journal.entries.map((e) => e.when));
    shippedMigrationMs.set(dialect, ms);
  }
  return ms;
}

/**
 * Whether `database` (the process-wide one when omitted) has every migration this build ships: its
 * newest recorded migration is at least as new as the journal's newest — the same test drizzle's
 * migrator uses to decide there is nothing to apply. False for a database never migrated. Once true
 * for a database it is remembered for the process (migrations are never undone), so the health check
 * asks the database once. Throws when the database does not answer.
 */
export async function migrationsApplied(database?: Database): Promise<boolean> {
  const d = database ?? (await getDatabase());
  if (fullyMigrated.has(d)) return true;
  const latest = await d.latestAppliedMigrationMs();
  const applied = latest !== null && latest >= newestShippedMigrationMs(d.dialect);
  if (applied) fullyMigrated.add(d);
  return applied;
}

/** Opens the database `url` selects (`DATABASE_URL` when omitted). */
export async function openDatabase(url = process.env.DATABASE_URL): Promise<Database> {
  const dialect = dialectOf(url);
  return dialect === 'sqlite' ? openSqlite(sqlitePath(url)) : openMysql(url as string);
}

// The process-wide database lives on globalThis so every bundle chunk of the Next.js server,
// and every hot reload in development, shares one connection and one SQLite gate.
const G = globalThis as unknown as { __ehealthDb?: Database; __ehealthDbOpening?: Promise<Database> };

/** Installs `database` as the process-wide database (tests, scripts). */
export function useDatabase(database: Database): void {
  G.__ehealthDb = database;
}

/** The process-wide database, opened from `DATABASE_URL` on first use. */
export async function getDatabase(): Promise<Database> {
  if (G.__ehealthDb) return G.__ehealthDb;
  G.__ehealthDbOpening ??= openDatabase().then((d) => {
    useDatabase(d);
    return d;
  });
  return G.__ehealthDbOpening;
}

/**
 * The query surface for a repository call: the transaction open in this async context, or the root.
 * Repositories call `await q()` for every statement, so they join a caller's transaction without a
 * `tx` argument and can never write beside it by mistake.
 */
export async function q(): Promise<PortableDb> {
  const d = G.__ehealthDb ?? (await getDatabase());
  return d.currentTx() ?? d.db;
}

/** Runs `fn` in one transaction of the process-wide database (a savepoint when nested). */
export async function withTransaction<T>(fn: () => Promise<T>): Promise<T> {
  const d = G.__ehealthDb ?? (await getDatabase());
  return d.withTransaction(() => fn());
}

/** Closes the process-wide database (scripts, tests). */
export async function closeDatabase(): Promise<void> {
  const d = G.__ehealthDb;
  G.__ehealthDb = undefined;
  G.__ehealthDbOpening = undefined;
  if (d) await d.close();
}

/**
 * A query built once per query surface (the root database, or one transaction's handle) and run with
 * values for its `sql.placeholder(name)`s: the statements asked on every request (a bearer token's
 * user, a user by id) skip building their SQL each time. `build(db)` returns the query's `.prepare()`.
 * Joins the caller's transaction like `q()`.
 */
export function preparedQuery<P extends Record<string, unknown>, R>(build: (db: PortableDb) => { execute(values: P): Promise<R> }): (values: P) => Promise<R> {
  const byDb = new WeakMap<object, { execute(values: P): Promise<R> }>();
  return async (values) => {
    const db = await q();
    let prepared = byDb.get(db);
    if (!prepared) {
      prepared = build(db);
      byDb.set(db, prepared);
    }
    return prepared.execute(values);
  };
}
