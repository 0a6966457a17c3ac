/**
 * Start-up work that writes, run before the server opens the database (one process owns a SQLite
 * file): apply migrations, seed the demo clinic into an empty database unless SEED_DEMO=0, print the
 * demo logins.
 */
import { closeDatabase, getDatabase } from '@/db';
import { DEMO_LOGINS, seedDemoIfEmpty } from '@/db/seed/demo';

async function main() {
  const db = await getDatabase();
  await db.migrate();
  console.log(`Database ready (${db.describe}).`);
  if (process.env.SEED_DEMO !== '0') {
    const { seeded } = await seedDemoIfEmpty();
    if (seeded) console.log('Seeded the demo clinic.');
    console.log('\nDemo logins (password for each: ehealth-demo):');
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(8)} ${l.email}`);
    console.log('');
  }
  await closeDatabase();
}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.message : e);
  await closeDatabase();
  process.exit(1);
});
