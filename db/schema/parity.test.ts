/**
 * The two schema files must stay mirrors: same tables, columns (SQL name, nullability, primary key),
 * indexes, uniques and foreign keys — and the same inferred row types.
 */
import { getTableConfig as mysqlConfig, MySqlTable } from 'drizzle-orm/mysql-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as my from './mysql';
import * as lite from './sqlite';

type Shape = { name: string; columns: string[]; indexes: string[]; fks: string[] };

function shapeOf(cfg: ReturnType<typeof mysqlConfig> | ReturnType<typeof sqliteConfig>): Shape {
  return {
    name: cfg.name,
    columns: cfg.columns.map((c) => `${c.name}:${c.notNull ? 'not null' : 'null'}${c.primary ? ':pk' : ''}`).sort(),
    indexes: [
      ...cfg.indexes.map((i) => `${i.config.name}:${i.config.unique ? 'unique' : 'index'}(${i.config.columns.map((c) => (c as { name: string }).name).join(',')})`),
      ...cfg.uniqueConstraints.map((u) => `${u.name}:unique(${u.columns.map((c) => c.name).join(',')})`),
      ...cfg.primaryKeys.map((p) => `pk(${p.columns.map((c) => c.name).join(',')})`),
    ].sort(),
    fks: cfg.foreignKeys.map((f) => {
      const r = f.reference();
      return `${r.columns.map((c) => c.name).join(',')}->${(r.foreignTable as unknown as { [k: symbol]: string })[Symbol.for('drizzle:Name')]}(${r.foreignColumns.map((c) => c.name).join(',')})`;
    }).sort(),
  };
}

describe('schema parity (SQLite ↔ MySQL)', () => {
  const liteTables = Object.entries(lite).filter(([, v]) => v instanceof SQLiteTable);
  const myTables = Object.entries(my).filter(([, v]) => v instanceof MySqlTable);

  it('exports the same tables', () => {
    expect(liteTables.map(([k]) => k).sort()).toEqual(myTables.map(([k]) => k).sort());
    expect(liteTables.length).toBeGreaterThanOrEqual(12);
  });

  it.each(Object.keys(lite).filter((k) => (lite as Record<string, unknown>)[k] instanceof SQLiteTable))('%s has the same columns, indexes and keys', (key) => {
    const a = shapeOf(sqliteConfig((lite as unknown as Record<string, SQLiteTable>)[key]));
    const b = shapeOf(mysqlConfig((my as unknown as Record<string, MySqlTable>)[key]));
    expect(a).toEqual(b);
  });

  it('every foreign key column is the first column of an index', () => {
    for (const [key, t] of myTables) {
      const cfg = mysqlConfig(t as MySqlTable);
      const leading = new Set(cfg.indexes.map((i) => (i.config.columns[0] as { name: string }).name));
      for (const fk of cfg.foreignKeys) {
        const col = fk.reference().columns[0].name;
        expect(leading.has(col), `${key}.${col} has no index`).toBe(true);
      }
    }
  });

  it('infers identical row types', () => {
    expectTypeOf<typeof lite.users.$inferSelect>().toEqualTypeOf<typeof my.users.$inferSelect>();
    expectTypeOf<typeof lite.users.$inferInsert>().toEqualTypeOf<typeof my.users.$inferInsert>();
    expectTypeOf<typeof lite.patients.$inferSelect>().toEqualTypeOf<typeof my.patients.$inferSelect>();
    expectTypeOf<typeof lite.patients.$inferInsert>().toEqualTypeOf<typeof my.patients.$inferInsert>();
    expectTypeOf<typeof lite.appointments.$inferSelect>().toEqualTypeOf<typeof my.appointments.$inferSelect>();
    expectTypeOf<typeof lite.appointments.$inferInsert>().toEqualTypeOf<typeof my.appointments.$inferInsert>();
    expectTypeOf<typeof lite.medicalRecords.$inferSelect>().toEqualTypeOf<typeof my.medicalRecords.$inferSelect>();
    expectTypeOf<typeof lite.medicalRecords.$inferInsert>().toEqualTypeOf<typeof my.medicalRecords.$inferInsert>();
    expectTypeOf<typeof lite.diagnoses.$inferInsert>().toEqualTypeOf<typeof my.diagnoses.$inferInsert>();
    expectTypeOf<typeof lite.prescriptions.$inferInsert>().toEqualTypeOf<typeof my.prescriptions.$inferInsert>();
    expectTypeOf<typeof lite.apiTokens.$inferInsert>().toEqualTypeOf<typeof my.apiTokens.$inferInsert>();
    expectTypeOf<typeof lite.signInAttempts.$inferInsert>().toEqualTypeOf<typeof my.signInAttempts.$inferInsert>();
    expectTypeOf<typeof lite.externalIds.$inferInsert>().toEqualTypeOf<typeof my.externalIds.$inferInsert>();
    expectTypeOf<typeof lite.auditEvents.$inferInsert>().toEqualTypeOf<typeof my.auditEvents.$inferInsert>();
    expectTypeOf<typeof lite.practitioners.$inferInsert>().toEqualTypeOf<typeof my.practitioners.$inferInsert>();
    expectTypeOf<typeof lite.sequences.$inferInsert>().toEqualTypeOf<typeof my.sequences.$inferInsert>();
    expectTypeOf<typeof lite.workingHours.$inferInsert>().toEqualTypeOf<typeof my.workingHours.$inferInsert>();
    expectTypeOf<typeof lite.timeOff.$inferInsert>().toEqualTypeOf<typeof my.timeOff.$inferInsert>();
    expectTypeOf<typeof lite.appointmentCells.$inferInsert>().toEqualTypeOf<typeof my.appointmentCells.$inferInsert>();
    expectTypeOf<typeof lite.appointmentEvents.$inferInsert>().toEqualTypeOf<typeof my.appointmentEvents.$inferInsert>();
    expectTypeOf<typeof lite.reminders.$inferSelect>().toEqualTypeOf<typeof my.reminders.$inferSelect>();
    expectTypeOf<typeof lite.reminders.$inferInsert>().toEqualTypeOf<typeof my.reminders.$inferInsert>();
    expectTypeOf<typeof lite.statsVisits.$inferSelect>().toEqualTypeOf<typeof my.statsVisits.$inferSelect>();
    expectTypeOf<typeof lite.statsVisits.$inferInsert>().toEqualTypeOf<typeof my.statsVisits.$inferInsert>();
    expectTypeOf<typeof lite.statsDiagnosesDaily.$inferSelect>().toEqualTypeOf<typeof my.statsDiagnosesDaily.$inferSelect>();
    expectTypeOf<typeof lite.statsDiagnosesDaily.$inferInsert>().toEqualTypeOf<typeof my.statsDiagnosesDaily.$inferInsert>();
    expectTypeOf<typeof lite.statsVisitsDaily.$inferInsert>().toEqualTypeOf<typeof my.statsVisitsDaily.$inferInsert>();
    expectTypeOf<typeof lite.statsPatientsDaily.$inferInsert>().toEqualTypeOf<typeof my.statsPatientsDaily.$inferInsert>();
  });
});
