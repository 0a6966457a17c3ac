/**
 * MySQL/MariaDB column kit: the same names as `columns.sqlite.ts`; the generated db/schema/mysql.ts
 * imports this file. Instants are `datetime(3)` read and written as UTC (the pool runs with `timezone: 'Z'`).
 */
import { bigint, boolean, customType, date, datetime, double, int as mysqlInt, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';

export { index, uniqueIndex } from 'drizzle-orm/mysql-core';
/** The table factory. */
export const table = mysqlTable;

/** Integer surrogate key (unsigned bigint, auto-increment; `serial()` breaks on MariaDB). */
export const id = () => bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey();
/** Integer foreign-key column (matches `id()`). */
export const fkId = (name: string) => bigint(name, { mode: 'number', unsigned: true });
/** Integer count or small number. */
export const int = (name: string) => mysqlInt(name);
/** Short, indexable text. */
export const shortText = (name: string, len: number) => varchar(name, { length: len });
/** Unbounded text. */
export const longText = (name: string) => text(name);
/** Boolean stored as tinyint(1). */
export const bool = (name: string) => boolean(name);
/** A UTC instant with millisecond precision. */
export const instant = (name: string) => datetime(name, { mode: 'date', fsp: 3 });
/** A calendar date as `'YYYY-MM-DD'`. */
export const dateOnly = (name: string) => date(name, { mode: 'string' });
/** A floating-point measurement (e.g. °C, kg). */
export const real = (name: string) => double(name);

/** JSON column: MariaDB stores JSON as LONGTEXT and hands it back as a string, so parse when given one. */
const jsonType = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'json',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
});
/** A JSON document (validated with zod at the edges). */
export const json = <T>(name: string) => jsonType(name).$type<T>();
