/**
 * The dialect seam: the only place outside db/index.ts that knows SQLite from MySQL.
 * Insert-and-return-id, bulk insert, upsert, affected-row counts, locking reads, query plans and (from
 * ./errors.ts) error classification.
 */
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { getDatabase, q } from './index';
export { classifyDbError, isDrizzleQueryError, rootCauseMessage, type DbErrorKind } from './errors';

type Header = { affectedRows: number; insertId: number };

/** Inserts one row and returns its new integer id. */
export async function insertOne<T extends MySqlTable>(table: T, values: T['$inferInsert']): Promise<number> {
  const db = await q();
  const [h] = (await db.insert(table).values(values)) as unknown as [Header];
  return Number(h.insertId);
}

/** Inserts rows in one statement per `chunk` rows (ids not returned). */
export async function insertMany<T extends MySqlTable>(table: T, rows: T['$inferInsert'][], chunk = 500): Promise<void> {
  const db = await q();
  for (let i = 0; i < rows.length; i += chunk) {
    await db.insert(table).values(rows.slice(i, i + chunk));
  }
}

/** The number of rows an update or delete changed. */
export function affectedRows(result: unknown): number {
  return Number((result as [Header])[0]?.affectedRows ?? 0);
}

/**
 * Inserts `values`, or on a clash with the table's unique key `target` updates `set`.
 * MySQL's ON DUPLICATE KEY has no target: give upsert tables exactly one unique key besides the id.
 */
export async function upsert<T extends MySqlTable>(
  table: T,
  values: T['$inferInsert'],
  target: unknown[],
  set: Partial<T['$inferInsert']>,
): Promise<void> {
  const d = await getDatabase();
  const db = (await q()) as unknown as {
    insert(t: T): { values(v: unknown): { onConflictDoUpdate(o: unknown): Promise<unknown>; onDuplicateKeyUpdate(o: unknown): Promise<unknown> } };
  };
  const ins = db.insert(table).values(values);
  if (d.dialect === 'sqlite') await ins.onConflictDoUpdate({ target, set });
  else await ins.onDuplicateKeyUpdate({ set });
}

/**
 * Inserts `rows` (`chunk` a statement), and where a row clashes with the unique key `target` updates
 * the existing row with `update(incoming)`, where `incoming(col)` is the clashing row's value for
 * `col` (SQLite `excluded.col`, MySQL `VALUES(col)`), e.g. `{ n: sql`${t.n} + ${incoming(t.n)}` }`.
 * MySQL's ON DUPLICATE KEY has no target: the rows must clash on `target` only.
 */
export async function upsertMany<T extends MySqlTable>(
  table: T,
  rows: T['$inferInsert'][],
  target: unknown[],
  update: (incoming: (col: AnyColumn) => SQL) => Record<string, SQL>,
  chunk = 500,
): Promise<void> {
  const d = await getDatabase();
  const incoming = (col: AnyColumn) => (d.dialect === 'sqlite' ? sql`excluded.${sql.identifier(col.name)}` : sql`values(${col})`);
  const set = update(incoming);
  const db = (await q()) as unknown as {
    insert(t: T): { values(v: unknown[]): { onConflictDoUpdate(o: unknown): Promise<unknown>; onDuplicateKeyUpdate(o: unknown): Promise<unknown> } };
  };
  for (let i = 0; i < rows.length; i += chunk) {
    const ins = db.insert(table).values(rows.slice(i, i + chunk));
    if (d.dialect === 'sqlite') await ins.onConflictDoUpdate({ target, set });
    else await ins.onDuplicateKeyUpdate({ set });
  }
}

/**
 * `query` as a locking read: on MySQL `SELECT … FOR UPDATE` (the latest committed rows, locked until the
 * transaction ends); on SQLite as is (one writing transaction runs at a time).
 */
export async function lockingRead<T extends { for(strength: 'update'): unknown }>(query: T): Promise<Awaited<T>> {
  const { dialect } = await getDatabase();
  return (dialect === 'mysql' ? await query.for('update') : await query) as Awaited<T>;
}

/**
 * `column LIKE %text%`-style matching with `text` taken literally (its `%`, `_` and `!` escaped), the same
 * on both dialects: SQLite has no default escape character and MySQL reads a backslash inside a string
 * literal as an escape, so the ESCAPE character is an explicit `!`.
 * `pattern(escaped)` builds the pattern around the escaped text, e.g. `(t) => `%${t}%``.
 */
export function likeLiteral(column: SQLWrapper, text: string, pattern: (escaped: string) => string): SQL {
  const escaped = text.replace(/[!%_]/g, (c) => `!${c}`);
  return sql`${column} like ${pattern(escaped)} escape '!'`;
}

/** `prefix` + a built query as one SQL object, its `?` placeholders bound to its parameters again. */
function prefixed(prefix: string, built: { sql: string; params: unknown[] }): SQL {
  const parts = built.sql.split('?');
  const chunks: SQL[] = [sql.raw(prefix + parts[0])];
  parts.slice(1).forEach((part, i) => chunks.push(sql`${built.params[i]}`, sql.raw(part)));
  return sql.join(chunks);
}

/**
 * The database's plan for a built query (`query.toSQL()`), as text, one line per plan row: SQLite's
 * `EXPLAIN QUERY PLAN` details, or MySQL/MariaDB `EXPLAIN` rows as `table type key=… possible_keys=… extra=…`.
 * For tests and diagnostics that a query uses its index.
 */
export async function explainQuery(built: { sql: string; params: unknown[] }): Promise<string> {
  const database = await getDatabase();
  const db = await q();
  if (database.dialect === 'sqlite') {
    const rows = await (db as unknown as { all(s: SQL): Promise<unknown[][]> }).all(prefixed('EXPLAIN QUERY PLAN ', built));
    return rows.map((row) => String(row[row.length - 1])).join('\n');
  }
  const [rows] = await (db as unknown as { execute(s: SQL): Promise<[Array<Record<string, unknown>>]> }).execute(prefixed('EXPLAIN ', built));
  return rows.map((row) => `${row.table} ${row.type} key=${row.key ?? 'NULL'} possible_keys=${row.possible_keys ?? ''} extra=${row.Extra ?? ''}`).join('\n');
}
