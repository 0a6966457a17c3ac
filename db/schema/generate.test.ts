/**
 * The committed db/schema/sqlite.ts and db/schema/mysql.ts are exactly what the generator makes of
 * db/schema/tables.ts: a hand edit of a generated file, or a change to tables.ts without
 * `npm run db:generate`, fails here (and so fails `npm test`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generatedSchemaFiles, renderSchema, SCHEMA_SOURCE, staleSchemaFiles } from './generate';

const root = path.resolve(__dirname, '../..');

describe('generated schema files', () => {
  it.each(generatedSchemaFiles(root))('$path is generated from db/schema/tables.ts (run npm run db:generate when this fails)', (file) => {
    expect(fs.readFileSync(path.join(root, file.path), 'utf8')).toBe(file.content);
  });

  it('point the neutral column kit at the dialect kit under a do-not-edit header', () => {
    const [sqlite, mysql] = generatedSchemaFiles(root).map((f) => f.content);
    for (const [text, dialect] of [[sqlite, 'sqlite'], [mysql, 'mysql']] as const) {
      expect(text.split('\n')[1]).toContain('Generated from db/schema/tables.ts by npm run db:generate — do not edit.');
      expect(text).toContain(`} from './columns.${dialect}';`);
      expect(text).not.toContain("from './columns';");
    }
    // Apart from the header and the kit import, the two files are the same text.
    const body = (text: string, dialect: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\n/, '').replace(`./columns.${dialect}'`, "./columns'");
    expect(body(sqlite, 'sqlite')).toBe(body(mysql, 'mysql'));
  });

  it('refuses a source without its header comment or with other than one import of the neutral kit', () => {
    const ok = "/** Tables. */\nimport { table } from './columns';\nexport const t = 1;\n";
    expect(renderSchema(ok, 'mysql')).toContain("import { table } from './columns.mysql';\nexport const t = 1;\n");
    expect(() => renderSchema(ok.replace('/** Tables. */\n', ''), 'sqlite')).toThrow(/must start with/);
    expect(() => renderSchema(ok.replace("'./columns'", "'./columns.sqlite'"), 'sqlite')).toThrow(/exactly once.*found 0/);
    expect(() => renderSchema(`${ok}import { id } from './columns';\n`, 'sqlite')).toThrow(/found 2/);
  });
});

describe('stale check: negative control', () => {
  let tmp: string | undefined;
  afterEach(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  it('names both generated files when tables.ts changed after they were generated', () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-schema-'));
    fs.mkdirSync(path.join(tmp, 'db/schema'), { recursive: true });
    fs.copyFileSync(path.join(root, SCHEMA_SOURCE), path.join(tmp, SCHEMA_SOURCE));
    for (const f of generatedSchemaFiles(tmp)) fs.writeFileSync(path.join(tmp, f.path), f.content);
    expect(staleSchemaFiles(tmp)).toEqual([]);

    const source = fs.readFileSync(path.join(tmp, SCHEMA_SOURCE), 'utf8');
    expect(source).toContain("shortText('email', 254)");
    fs.writeFileSync(path.join(tmp, SCHEMA_SOURCE), source.replace("shortText('email', 254)", "shortText('email', 320)"));
    expect(staleSchemaFiles(tmp)).toEqual(['db/schema/sqlite.ts', 'db/schema/mysql.ts']);

    fs.rmSync(path.join(tmp, 'db/schema/mysql.ts'));
    fs.writeFileSync(path.join(tmp, SCHEMA_SOURCE), source);
    expect(staleSchemaFiles(tmp)).toEqual(['db/schema/mysql.ts']);
  });
});
