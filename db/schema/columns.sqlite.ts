/**
 * SQLite column kit. Exports the same helper names as `columns.mysql.ts` so the two
 * schema files stay line-for-line mirrors (see docs: one data layer, two databases).
 */
import { integer, real as sqliteReal, text } from 'drizzle-orm/sqlite-core';

/** Integer surrogate key (rowid alias, auto-increment). */
export const id = () => integer('id').primaryKey({ autoIncrement: true });
/** Integer foreign-key column. */
export const fkId = (name: string) => integer(name);
/** Integer count or small number. */
export const int = (name: string) => integer(name);
/** Short, indexable text (length enforced by MySQL only; zod validates it for both). */
export const shortText = (name: string, _len: number) => text(name);
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
