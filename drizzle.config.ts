import { defineConfig } from 'drizzle-kit';

// Used only to generate migrations: `npm run db:generate` writes db/schema/{sqlite,mysql}.ts from
// db/schema/tables.ts, then runs drizzle-kit with this config once per dialect.
// Which database the app uses at run time is decided by DATABASE_URL alone (db/index.ts).
const dialect = process.env.DB_DIALECT === 'mysql' ? 'mysql' : 'sqlite';

export default defineConfig({
  dialect,
  schema: `./db/schema/${dialect}.ts`,
  out: `./db/migrations/${dialect}`,
  strict: true,
  verbose: false,
});
