/**
 * SQLite column kit: the table factory, index builders and column helpers db/schema/tables.ts is written
 * with. Exports the same names as `columns.mysql.ts`; the generated db/schema/sqlite.ts imports this file.
 */
import type { ColumnBaseConfig } from 'drizzle-orm';
import {
  type AnySQLiteTable, integer, real as sqliteReal, sqliteTable, SQLiteText, SQLiteTextBuilder, text,
} from 'drizzle-orm/sqlite-core';

export { index, uniqueIndex } from 'drizzle-orm/sqlite-core';
/** The table factory. */
export const table = sqliteTable;

/** The builder type `text(name, { length })` gives. */
type ShortTextConfig = {
  name: string; dataType: 'string'; columnType: 'SQLiteText'; data: string; driverParam: string;
  enumValues: [string, ...string[]]; length: number;
};
type ShortTextBuilder = SQLiteTextBuilder<ShortTextConfig>;

/**
 * SQLite text that keeps its declared length (`column.length`, compared with MySQL's varchar by the
 * parity test) out of the DDL: SQLite does not enforce `text(n)`, and spelling it would make drizzle-kit
 * rebuild every table that has one.
 */
class BoundedText extends SQLiteText<ColumnBaseConfig<'string', 'SQLiteText'> & { length: number }> {
  override getSQLType(): string {
    return 'text';
  }
}
class BoundedTextBuilder extends SQLiteTextBuilder<ShortTextConfig> {
  /** Called by the table factory: builds the column that keeps the length out of the DDL. */
  build(table: AnySQLiteTable) {
    return new BoundedText(table, this.config as never);
  }
}

/** Integer surrogate key (rowid alias, auto-increment). */
export const id = () => integer('id').primaryKey({ autoIncrement: true });
/** Integer foreign-key column. */
export const fkId = (name: string) => integer(name);
/** Integer count or small number. */
export const int = (name: string) => integer(name);
/** Short, indexable text; the length is enforced by MySQL only (zod validates it for both). */
export const shortText = (name: string, length: number): ShortTextBuilder => new BoundedTextBuilder(name, { length });
/** Unbounded text. */
export const longText = (name: string) => text(name);
/** Boolean stored as 0/1. */
export const bool = (name: string) => integer(name, { mode: 'boolean' });
/** A UTC instant with millisecond precision (integer ms since the epoch). */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
/** A calendar date as `'YYYY-MM-DD'`. */
export const dateOnly = (name: string) => text(name);
/** A floating-point measurement (e.g. °C, kg). */
export const real = (name: string) => sqliteReal(name);
/** A JSON document (validated with zod at the edges). */
export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
