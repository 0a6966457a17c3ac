/**
 * Compares the tables of two schema modules (SQLite's and MySQL's, or any two) in dialect-neutral terms,
 * for db/schema/parity.test.ts. Every exported table is compared — there is no list of tables or columns
 * to keep — by its columns (SQL name, column-kit kind, length, nullability, primary key, auto-increment,
 * default), indexes, uniques, primary keys, checks and foreign keys. Differences come back as sentences.
 */
import { Column, getTableName, type InferInsertModel, type InferSelectModel, is, Param, SQL, StringChunk, Table } from 'drizzle-orm';
import { getTableConfig as mysqlConfig, MySqlTable } from 'drizzle-orm/mysql-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';

/** The column helpers of the kits (columns.sqlite.ts and columns.mysql.ts export the same names). */
export type Kind = 'id' | 'fkId' | 'int' | 'shortText' | 'longText' | 'bool' | 'instant' | 'dateOnly' | 'real' | 'json';

/** The per-dialect column properties the kind map reads (public fields of Drizzle's column classes). */
type DriverColumn = Column & {
  length?: number; autoIncrement?: boolean; mode?: string; fsp?: number; textType?: string;
};

const key = (c: DriverColumn) => c.primary && c.autoIncrement;

/**
 * Which kit helpers can have built a column, by Drizzle's driver column type. SQLite cannot tell some
 * helpers apart (fkId and int are both `integer`, longText and dateOnly both `text`), so a column maps to
 * the set of helpers it may come from; an empty set means no kit helper builds such a column.
 */
const KINDS: Record<string, (c: DriverColumn) => Kind[]> = {
  SQLiteInteger: (c) => (key(c) ? ['id'] : ['fkId', 'int']),
  SQLiteText: (c) => (c.length === undefined ? ['longText', 'dateOnly'] : ['shortText']),
  SQLiteTextJson: () => ['json'],
  SQLiteBoolean: () => ['bool'],
  SQLiteTimestamp: (c) => (c.mode === 'timestamp_ms' ? ['instant'] : []),
  SQLiteReal: () => ['real'],
  MySqlBigInt53: (c) => (c.getSQLType() !== 'bigint unsigned' ? [] : key(c) ? ['id'] : ['fkId']),
  MySqlInt: (c) => (c.getSQLType() !== 'int' ? [] : ['int']),
  MySqlVarChar: () => ['shortText'],
  MySqlText: (c) => (c.textType === 'text' ? ['longText'] : []),
  MySqlBoolean: () => ['bool'],
  MySqlDateTime: (c) => (c.fsp === 3 ? ['instant'] : []),
  MySqlDateString: () => ['dateOnly'],
  MySqlDouble: () => ['real'],
  MySqlCustomColumn: (c) => (c.getSQLType() === 'json' ? ['json'] : []),
};

/** The kit helpers that can have built `column` (empty when none does). */
export function kindsOf(column: Column): Kind[] {
  return KINDS[column.columnType]?.(column as DriverColumn) ?? [];
}

/** One column in dialect-neutral terms. */
export interface ColumnShape {
  /** The TypeScript property name. */
  key: string;
  name: string;
  columnType: string;
  kinds: Kind[];
  length: number | undefined;
  notNull: boolean;
  primaryKey: boolean;
  autoIncrement: boolean;
  hasDefault: boolean;
  default: string | undefined;
  defaultFn: string | undefined;
  onUpdateFn: string | undefined;
  unique: string | undefined;
}

/** One table in dialect-neutral terms; constraints as sorted one-line descriptions. */
export interface TableShape {
  name: string;
  columns: ColumnShape[];
  indexes: string[];
  uniques: string[];
  primaryKeys: string[];
  checks: string[];
  foreignKeys: string[];
}

type AnyTable = SQLiteTable | MySqlTable;

function describeSql(value: SQL): string {
  return value.queryChunks.map((chunk) => {
    if (is(chunk, StringChunk)) return chunk.value.join('');
    if (is(chunk, Column)) return chunk.name;
    if (is(chunk, Param)) return JSON.stringify(chunk.value);
    if (is(chunk, SQL)) return describeSql(chunk);
    return JSON.stringify(chunk);
  }).join('');
}

function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (is(value, SQL)) return `sql\`${describeSql(value)}\``;
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  return JSON.stringify(value);
}

const names = (columns: unknown[]) =>
  columns.map((c) => (is(c, Column) ? c.name : is(c, SQL) ? `sql\`${describeSql(c)}\`` : String(c))).join(', ');

/** The shape of one Drizzle table (SQLite or MySQL). */
export function tableShape(table: AnyTable): TableShape {
  const cfg = is(table, SQLiteTable) ? sqliteConfig(table) : mysqlConfig(table as MySqlTable);
  const keyOf = new Map(Object.entries(table as unknown as Record<string, unknown>)
    .filter(([, v]) => is(v, Column)).map(([k, v]) => [v as Column, k]));
  const columns = (cfg.columns as DriverColumn[]).map((c): ColumnShape => ({
    key: keyOf.get(c) ?? c.name,
    name: c.name,
    columnType: c.columnType,
    kinds: kindsOf(c),
    length: c.length,
    notNull: c.notNull,
    primaryKey: c.primary,
    autoIncrement: c.autoIncrement === true,
    hasDefault: c.hasDefault,
    default: describeValue(c.default),
    defaultFn: c.defaultFn?.toString(),
    onUpdateFn: c.onUpdateFn?.toString(),
    unique: c.isUnique ? (c.uniqueName ?? '(unnamed)') : undefined,
  }));
  return {
    name: cfg.name,
    columns,
    indexes: cfg.indexes.map((i) => {
      const where = 'where' in i.config && i.config.where ? ` where ${describeValue(i.config.where)}` : '';
      return `${i.config.name} ${i.config.unique ? 'unique' : 'index'} (${names(i.config.columns)})${where}`;
    }).sort(),
    uniques: cfg.uniqueConstraints.map((u) => `${u.getName()} unique (${names(u.columns)})`).sort(),
    primaryKeys: cfg.primaryKeys.map((p) => `${p.getName()} primary key (${names(p.columns)})`).sort(),
    checks: cfg.checks.map((c) => `${c.name} check ${describeValue(c.value)}`).sort(),
    foreignKeys: cfg.foreignKeys.map((fk) => {
      const r = fk.reference();
      return `${fk.getName()}: (${names(r.columns)}) → ${getTableName(r.foreignTable)}(${names(r.foreignColumns)})`
        + ` on delete ${fk.onDelete ?? 'no action'} on update ${fk.onUpdate ?? 'no action'}`;
    }).sort(),
  };
}

/** The Drizzle tables a schema module exports, by export name. */
export function tablesOf(schema: object): Map<string, AnyTable> {
  return new Map(Object.entries(schema).filter((e): e is [string, AnyTable] => is(e[1], SQLiteTable) || is(e[1], MySqlTable)));
}

const COLUMN_FIELDS = [
  'name', 'length', 'notNull', 'primaryKey', 'autoIncrement', 'hasDefault', 'default', 'defaultFn', 'onUpdateFn', 'unique',
] as const;
const CONSTRAINTS = ['indexes', 'uniques', 'primaryKeys', 'checks', 'foreignKeys'] as const;

/**
 * The differences between two table shapes, one sentence each (empty when they agree). `labels` name
 * the two sides in the sentences, e.g. ['sqlite', 'mysql'].
 */
export function compareTables(where: string, a: TableShape, b: TableShape, labels: [string, string]): string[] {
  const [la, lb] = labels;
  const out: string[] = [];
  const both = (what: string, x: unknown, y: unknown) => `${what}: ${String(x)} (${la}) vs ${String(y)} (${lb})`;
  if (a.name !== b.name) out.push(both(`${where} SQL name`, a.name, b.name));
  const keysA = a.columns.map((c) => c.key);
  const keysB = b.columns.map((c) => c.key);
  if (keysA.join() !== keysB.join()) out.push(both(`${where} columns`, keysA.join(' '), keysB.join(' ')));
  for (const ca of a.columns) {
    const cb = b.columns.find((c) => c.key === ca.key);
    if (!cb) continue;
    const at = `${where}.${ca.key}`;
    for (const [shape, label] of [[ca, la], [cb, lb]] as const) {
      if (shape.kinds.length === 0) out.push(`${at}: ${shape.columnType} (${label}) is built by no column-kit helper`);
    }
    if (ca.kinds.length && cb.kinds.length && !ca.kinds.some((k) => cb.kinds.includes(k))) {
      out.push(both(`${at} type`, ca.kinds.join('|'), cb.kinds.join('|')));
    }
    for (const field of COLUMN_FIELDS) {
      if (ca[field] !== cb[field]) out.push(both(`${at} ${field}`, ca[field], cb[field]));
    }
  }
  for (const field of CONSTRAINTS) {
    for (const item of a[field]) if (!b[field].includes(item)) out.push(`${where} ${field}: only in ${la}: ${item}`);
    for (const item of b[field]) if (!a[field].includes(item)) out.push(`${where} ${field}: only in ${lb}: ${item}`);
  }
  return out;
}

/**
 * The differences between two schema modules: tables exported by one only, then every difference of the
 * tables both export (compared by export name). Empty when the two describe the same database.
 */
export function compareSchemas(a: object, b: object, labels: [string, string] = ['sqlite', 'mysql']): string[] {
  const ta = tablesOf(a);
  const tb = tablesOf(b);
  const out: string[] = [];
  for (const k of ta.keys()) if (!tb.has(k)) out.push(`table ${k}: only in ${labels[0]}`);
  for (const k of tb.keys()) if (!ta.has(k)) out.push(`table ${k}: only in ${labels[1]}`);
  for (const [k, t] of ta) {
    const u = tb.get(k);
    if (u) out.push(...compareTables(k, tableShape(t), tableShape(u), labels));
  }
  return out;
}

/**
 * The select and insert row types of every table a schema module exports, by export name — for a
 * type-level comparison of two modules that needs no list of tables.
 */
export type RowTypes<M> = {
  [K in keyof M as M[K] extends Table ? K : never]: M[K] extends Table
    ? { select: InferSelectModel<M[K]>; insert: InferInsertModel<M[K]> }
    : never;
};
