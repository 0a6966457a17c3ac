/**
 * Generates the per-dialect schema files Drizzle and drizzle-kit load (db/schema/sqlite.ts and
 * db/schema/mysql.ts) from the one hand-written source, db/schema/tables.ts: the same text under a
 * "generated, do not edit" header, with the neutral column-kit import `./columns` pointed at the
 * dialect's kit. Pure text in, text out; scripts/generate-schema.ts writes or checks the files, and
 * db/schema/generate.test.ts fails when a committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The dialects a schema file is generated for. */
export type SchemaDialect = 'sqlite' | 'mysql';
/** The single hand-written schema, relative to the repository root. */
export const SCHEMA_SOURCE = 'db/schema/tables.ts';

const DIALECTS: SchemaDialect[] = ['sqlite', 'mysql'];
const LABEL: Record<SchemaDialect, string> = { sqlite: 'SQLite', mysql: 'MySQL/MariaDB' };
const NEUTRAL_KIT = "from './columns';";
const LEADING_DOC = /^\/\*\*[\s\S]*?\*\/\n/;

/** The path of the schema file generated for `dialect`, relative to the repository root. */
export function generatedSchemaPath(dialect: SchemaDialect): string {
  return `db/schema/${dialect}.ts`;
}

/**
 * The text of the schema file for `dialect`, from the text of db/schema/tables.ts. The source's leading
 * doc comment is replaced by the generated header and its one import of `./columns` is pointed at
 * `./columns.<dialect>`; everything else is copied as it is. Throws when the source lacks either.
 */
export function renderSchema(source: string, dialect: SchemaDialect): string {
  if (!LEADING_DOC.test(source)) throw new Error(`${SCHEMA_SOURCE} must start with a /** … */ comment (it becomes the generated header)`);
  const imports = source.split(NEUTRAL_KIT).length - 1;
  if (imports !== 1) throw new Error(`${SCHEMA_SOURCE} must import its column kit exactly once with \`${NEUTRAL_KIT}\` (found ${imports})`);
  const header = [
    '/**',
    ` * ${LABEL[dialect]} tables. Generated from ${SCHEMA_SOURCE} by npm run db:generate — do not edit.`,
    ` * Same text as the source, with its column kit import pointed at ./columns.${dialect}.`,
    ' */',
    '',
  ].join('\n');
  return header + source.replace(LEADING_DOC, '').replace(NEUTRAL_KIT, `from './columns.${dialect}';`);
}

/** Every generated schema file with the text it should have, rendered from the source under `root`. */
export function generatedSchemaFiles(root: string): { path: string; content: string }[] {
  const source = fs.readFileSync(path.join(root, SCHEMA_SOURCE), 'utf8');
  return DIALECTS.map((dialect) => ({ path: generatedSchemaPath(dialect), content: renderSchema(source, dialect) }));
}

/** The generated schema files under `root` whose text differs from what the source gives (missing ones too). */
export function staleSchemaFiles(root: string): string[] {
  return generatedSchemaFiles(root)
    .filter((f) => {
      const file = path.join(root, f.path);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== f.content;
    })
    .map((f) => f.path);
}
