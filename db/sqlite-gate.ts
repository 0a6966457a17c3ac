/**
 * SQLite access through Drizzle's `sqlite-proxy` driver over one better-sqlite3 connection,
 * with an AsyncLocalStorage-aware gate through which every statement passes.
 *
 * Why: better-sqlite3 is synchronous, so Drizzle's stock driver cannot run an async transaction
 * (the awaited writes land in autocommit). Here a transaction owns the one connection from BEGIN to
 * COMMIT; statements from any other async context wait until it is released. Design and proof:
 * shared/docs/data-layer-spike.md (tests in db/transactions.int.test.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import { drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';

/** Thrown when a statement waits longer than the gate's timeout for another transaction to finish. */
export class GateTimeoutError extends Error {
  constructor(ms: number) {
    super(`database busy: waited ${ms} ms for another transaction`);
    this.name = 'GateTimeoutError';
  }
}

type Method = 'run' | 'all' | 'values' | 'get';

interface GateStore {
  token: symbol;
  tx: unknown;
}

export interface SqliteGateOptions {
  /** How long a statement may wait for another transaction, in ms (default 10 000). */
  timeoutMs?: number;
  /** Test-only negative control: no gate at all (shows the isolation tests can fail). */
  disableGate?: boolean;
  /** Test-only negative control: gate transactions against each other but not plain statements. */
  gateTransactionsOnly?: boolean;
}

/** True for SQLite's "another connection holds the lock" errors (`SQLITE_BUSY`, `SQLITE_BUSY_*`). */
function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, waiting between tries on timers (1 ms, then
 * doubling up to 16 ms, with jitter) instead of SQLite's busy handler, which sleeps inside the call and
 * so would stop this process's event loop while another process holds the write lock. Gives up with
 * `GateTimeoutError` after `timeoutMs`. Only statements that did nothing when refused are retried: a
 * plain statement, or the `BEGIN IMMEDIATE` that opens a transaction.
 */
async function retryWhileBusy<T>(attempt: () => T, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (let wait = 1; ; wait = Math.min(16, wait * 2)) {
    try {
      return attempt();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (Date.now() - started >= timeoutMs) throw new GateTimeoutError(timeoutMs);
      await sleep(wait * (0.5 + Math.random()));
    }
  }
}

/**
 * Builds the gated Drizzle instance over `client`.
 * Returns `{ db, withTransaction }`; `withTransaction(fn)` runs `fn(tx)` in one `BEGIN IMMEDIATE`
 * transaction (a savepoint when nested) and rejects with `GateTimeoutError` if it cannot start in time.
 * Using the root `db` inside a transaction's async context throws ("use the tx handle").
 */
export function createGatedSqlite<TSchema extends Record<string, unknown>>(
  client: BetterSqlite3.Database,
  schema: TSchema,
  options: SqliteGateOptions = {},
) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const als = new AsyncLocalStorage<GateStore>();
  let active: symbol | null = null;
  let waiters: Array<() => void> = [];

  let stampStatements: [BetterSqlite3.Statement, BetterSqlite3.Statement] | undefined;

  const cache = new Map<string, BetterSqlite3.Statement>();
  function prepare(sql: string) {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = client.prepare(sql);
      if (cache.size >= 256) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
    }
    return stmt;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the proxy contract is untyped rows
  function execSync(sql: string, params: unknown[], method: Method): { rows: any } {
    // ROLLBACK guard: after SQLite rolled back by itself (BUSY, FULL, RAISE(ROLLBACK)) a second
    // rollback would mask the real error with "no transaction is active".
    if (!client.inTransaction && /^\s*rollback\b/i.test(sql)) return { rows: [] };
    const stmt = prepare(sql);
    if (stmt.reader) {
      stmt.raw(true);
      if (method === 'get') return { rows: stmt.get(...params) as unknown[] | undefined };
      return { rows: stmt.all(...params) as unknown[][] };
    }
    const r = stmt.run(...params);
    // Shaped like mysql2's [ResultSetHeader, fields] so `const [h] = await db.update(…)` works on both.
    const header = { affectedRows: r.changes, insertId: Number(r.lastInsertRowid) };
    return Object.assign([header, []], { rows: [] });
  }

  const mine = () => active !== null && als.getStore()?.token === active;

  function waitRelease(): Promise<void> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== wake);
        reject(new GateTimeoutError(timeoutMs));
      }, timeoutMs);
      waiters.push(wake);
    });
  }

  function release() {
    active = null;
    const ws = waiters;
    waiters = [];
    for (const w of ws) w();
  }

  const gated = !options.disableGate && !options.gateTransactionsOnly;

  // Root instance: waits while another context's transaction is open; refuses use inside one's own.
  const db = drizzle(async (sql, params, method) => {
    if (gated) {
      if (mine()) throw new Error('use the tx handle: the root db was used inside withTransaction');
      while (active !== null && !mine()) await waitRelease();
    }
    // Outside a transaction of ours: another process may hold the write lock.
    if (client.inTransaction) return execSync(sql, params, method);
    return retryWhileBusy(() => execSync(sql, params, method), timeoutMs);
  }, { schema });

  // Transaction instance: only the owner of the open transaction may use it.
  const txDb = drizzle(async (sql, params, method) => {
    if (gated && !mine() && !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(sql)) {
      throw new Error('a transaction handle was used outside its transaction');
    }
    // BEGIN IMMEDIATE takes the write lock, which another process may hold: wait for it on timers.
    if (/^\s*begin\b/i.test(sql)) return retryWhileBusy(() => execSync(sql, params, method), timeoutMs);
    return execSync(sql, params, method);
  }, { schema });

  type Tx = Parameters<Parameters<SqliteRemoteDatabase<TSchema>['transaction']>[0]>[0];

  async function withTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const cur = als.getStore();
    if (cur && cur.token === active && cur.tx) {
      const outer = cur.tx as Tx;
      return outer.transaction((inner) => als.run({ token: cur.token, tx: inner }, () => fn(inner)));
    }
    if (!options.disableGate) {
      while (active !== null) await waitRelease();
    }
    const token = Symbol('tx');
    if (!options.disableGate) active = token;
    try {
      const store: GateStore = { token, tx: null };
      return await als.run(store, () =>
        txDb.transaction(
          (tx) => {
            store.tx = tx;
            return fn(tx);
          },
          { behavior: 'immediate' },
        ),
      );
    } finally {
      if (!options.disableGate) release();
    }
  }

  /** The open transaction's handle in the caller's async context, if any. */
  function currentTx(): Tx | undefined {
    const cur = als.getStore();
    return cur && cur.token === active ? (cur.tx as Tx) : undefined;
  }

  /**
   * A value that changes whenever the database's data may have changed: SQLite's `data_version` (moves
   * when another connection, e.g. another server process, commits) and `total_changes()` (rows this
   * connection inserted, updated or deleted, rolled back or not). Equal stamps mean equal data, so a
   * result computed under one stamp may be reused while the stamp stays the same.
   */
  function changeStamp(): string {
    stampStatements ??= [client.prepare('pragma data_version').raw(true), client.prepare('select total_changes()').raw(true)];
    return `${(stampStatements[0].get() as [number])[0]}:${(stampStatements[1].get() as [number])[0]}`;
  }

  return { db, withTransaction, currentTx, client, changeStamp };
}
