import { defineConfig } from 'drizzle-kit';

// Used only to generate migrations: `npm run db:generate` runs it once per dialect.
// Which database the app uses at run time is decided by DATABASE_URL alone (db/index.ts).
const dialect = process.env.DB_DIALECT === 'mysql' ? 'mysql' : 'sqlite';

export default defineConfig({
  dialect,
  schema: `./db/schema/${dialect}.ts`,
  out: `./db/migrations/${dialect}`,
  strict: true,
  verbose: false,
});
