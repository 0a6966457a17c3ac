/**
 * The neutral name of the column kit, the only import of db/schema/tables.ts besides shared value types.
 * The generator points it at `./columns.sqlite` or `./columns.mysql` in the files it writes; here it
 * re-exports the SQLite kit only so that tables.ts type-checks on its own (the generated mysql.ts is
 * type-checked against the MySQL kit). Nothing in the app imports this file or tables.ts.
 */
export * from './columns.sqlite';
