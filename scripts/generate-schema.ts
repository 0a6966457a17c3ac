/**
 * Writes db/schema/sqlite.ts and db/schema/mysql.ts from db/schema/tables.ts (the first step of
 * `npm run db:generate`, before the migrations). With `--check` it writes nothing, names the stale
 * files and exits 1 when one differs from what the source gives (CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { generatedSchemaFiles, SCHEMA_SOURCE, staleSchemaFiles } from '@/db/schema/generate';

const root = path.resolve(__dirname, '..');

if (process.argv.includes('--check')) {
  const stale = staleSchemaFiles(root);
  if (stale.length) {
    console.error(`Stale, not generated from ${SCHEMA_SOURCE}: ${stale.join(', ')}. Run npm run db:generate.`);
    process.exit(1);
  }
  console.log(`Schema files are up to date with ${SCHEMA_SOURCE}.`);
} else {
  for (const file of generatedSchemaFiles(root)) {
    const target = path.join(root, file.path);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (current === file.content) console.log(`${file.path}: unchanged`);
    else {
      fs.writeFileSync(target, file.content);
      console.log(`${file.path}: written from ${SCHEMA_SOURCE}`);
    }
  }
}
