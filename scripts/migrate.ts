/** `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL selects. */
import { closeDatabase, getDatabase } from '@/db';

getDatabase()
  .then(async (db) => {
    await db.migrate();
    console.log(`Migrations applied (${db.describe}).`);
    await closeDatabase();
  })
  .catch(async (e) => {
    console.error(e instanceof Error ? e.message : e);
    await closeDatabase();
    process.exit(1);
  });
