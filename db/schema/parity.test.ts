/**
 * The SQLite and MySQL schema modules describe the same database: every table either exports is compared
 * (db/schema/parity.ts) — columns with their kit kind, length, nullability, keys and defaults, indexes,
 * uniques and foreign keys — and so are the inferred row types of all tables. The negative controls
 * show the comparison does report a difference when there is one.
 */
import { foreignKey as mysqlForeignKey, getTableConfig as mysqlConfig, index as mysqlIndex, mysqlTable } from 'drizzle-orm/mysql-core';
import { index as sqliteIndex, sqliteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as myKit from './columns.mysql';
import * as liteKit from './columns.sqlite';
import * as my from './mysql';
import { compareSchemas, type RowTypes, tablesOf, tableShape } from './parity';
import * as lite from './sqlite';

describe('schema parity (SQLite ↔ MySQL)', () => {
  it('finds the tables in both modules', () => {
    expect([...tablesOf(lite).keys()].sort()).toEqual([...tablesOf(my).keys()].sort());
    expect(tablesOf(lite).size).toBeGreaterThanOrEqual(20);
  });

  it('every table has the same columns (name, kind, length, null, key, default), indexes, uniques and foreign keys', () => {
    expect(compareSchemas(lite, my)).toEqual([]);
  });

  it('every column is built by a column-kit helper, and every short text has a length, on both dialects', () => {
    for (const schema of [lite, my]) {
      for (const [key, t] of tablesOf(schema)) {
        for (const c of tableShape(t).columns) {
          expect(c.kinds, `${key}.${c.key} (${c.columnType})`).not.toEqual([]);
          if (c.kinds.includes('shortText')) expect(c.length, `${key}.${c.key}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('both column kits export the same helpers', () => {
    expect(Object.keys(liteKit).sort()).toEqual(Object.keys(myKit).sort());
  });

  it('every foreign key column is the first column of an index', () => {
    for (const [key, t] of tablesOf(my)) {
      const cfg = mysqlConfig(t as ReturnType<typeof mysqlTable>);
      const leading = new Set(cfg.indexes.map((i) => (i.config.columns[0] as { name: string }).name));
      for (const fk of cfg.foreignKeys) {
        const col = fk.reference().columns[0].name;
        expect(leading.has(col), `${key}.${col} has no index`).toBe(true);
      }
    }
  });

  it('infers identical row types for every table', () => {
    expectTypeOf<RowTypes<typeof lite>>().toEqualTypeOf<RowTypes<typeof my>>();
    // Not vacuous: the mapped type holds the tables, with their columns.
    expectTypeOf<RowTypes<typeof lite>['users']['select']['email']>().toEqualTypeOf<string | null>();
    expectTypeOf<'users' | 'reminders' | 'statsPatientsDaily'>().toExtend<keyof RowTypes<typeof my>>();
  });
});

describe('schema parity: negative controls', () => {
  const parent = {
    lite: sqliteTable('parents', { id: liteKit.id() }),
    my: mysqlTable('parents', { id: myKit.id() }),
  };

  it('reports a different length, default, nullability, kind, index order and foreign-key action', () => {
    const a = sqliteTable('things', {
      id: liteKit.id(),
      parentId: liteKit.fkId('parent_id').notNull().references(() => parent.lite.id, { onDelete: 'cascade' }),
      label: liteKit.shortText('label', 100).notNull(),
      kind: liteKit.shortText('kind', 8).notNull().default('a'),
      note: liteKit.longText('note'),
      seenAt: liteKit.instant('seen_at'),
    }, (t) => [sqliteIndex('things_parent_idx').on(t.parentId, t.label)]);
    const b = mysqlTable('things', {
      id: myKit.id(),
      parentId: myKit.fkId('parent_id').notNull(),
      label: myKit.shortText('label', 200).notNull(),
      kind: myKit.shortText('kind', 8).notNull().default('b'),
      note: myKit.shortText('note', 64),
      seenAt: myKit.instant('seen_at').notNull(),
    }, (t) => [
      mysqlIndex('things_parent_idx').on(t.label, t.parentId),
      mysqlForeignKey({ columns: [t.parentId], foreignColumns: [parent.my.id] }).onDelete('restrict'),
    ]);

    expect(compareSchemas({ parent: parent.lite, things: a }, { parent: parent.my, things: b })).toEqual([
      'things.label length: 100 (sqlite) vs 200 (mysql)',
      'things.kind default: "a" (sqlite) vs "b" (mysql)',
      'things.note type: longText|dateOnly (sqlite) vs shortText (mysql)',
      'things.note length: undefined (sqlite) vs 64 (mysql)',
      'things.seenAt notNull: false (sqlite) vs true (mysql)',
      'things indexes: only in sqlite: things_parent_idx index (parent_id, label)',
      'things indexes: only in mysql: things_parent_idx index (label, parent_id)',
      'things foreignKeys: only in sqlite: things_parent_id_parents_id_fk: (parent_id) → parents(id) on delete cascade on update no action',
      'things foreignKeys: only in mysql: things_parent_id_parents_id_fk: (parent_id) → parents(id) on delete restrict on update no action',
    ]);
  });

  it('reports tables, columns and kinds that differ where SQLite cannot tell the kit helpers apart', () => {
    const a = mysqlTable('counts', { id: myKit.id(), ownerId: myKit.fkId('owner_id'), n: myKit.int('n') });
    const b = mysqlTable('counts', { id: myKit.id(), ownerId: myKit.int('owner_id'), total: myKit.int('n') });
    expect(compareSchemas({ counts: a, extra: parent.my }, { counts: b }, ['before', 'after'])).toEqual([
      'table extra: only in before',
      'counts columns: id ownerId n (before) vs id ownerId total (after)',
      'counts.ownerId type: fkId (before) vs int (after)',
    ]);
  });

  it('finds nothing between a table and its copy in the other dialect', () => {
    const a = sqliteTable('t', { id: liteKit.id(), s: liteKit.shortText('s', 10).default('x'), d: liteKit.dateOnly('d') });
    const b = mysqlTable('t', { id: myKit.id(), s: myKit.shortText('s', 10).default('x'), d: myKit.dateOnly('d') });
    expect(compareSchemas({ t: a }, { t: b })).toEqual([]);
  });

  it('the row-type comparison tells different row types apart', () => {
    const a = { t: sqliteTable('t', { id: liteKit.id(), s: liteKit.shortText('s', 10).$type<'x' | 'y'>() }) };
    const b = { t: mysqlTable('t', { id: myKit.id(), s: myKit.shortText('s', 10) }) };
    expectTypeOf<RowTypes<typeof a>>().not.toEqualTypeOf<RowTypes<typeof b>>();
    const c = { t: mysqlTable('t', { id: myKit.id(), s: myKit.shortText('s', 10).$type<'x' | 'y'>() }) };
    expectTypeOf<RowTypes<typeof a>>().toEqualTypeOf<RowTypes<typeof c>>();
  });
});
