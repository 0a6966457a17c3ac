/**
 * Start-up work that writes, run once before the server's processes open the database (so it runs
 * alone): apply migrations, seed the demo clinic into an empty database unless SEED_DEMO=0 (or the
 * database was ever started that way), print the demo logins.
 */
import { closeDatabase, getDatabase } from '@/db';
import { DEMO_LOGINS } from '@/lib/seed/demo';
import { prepareDatabase } from '@/lib/clinic/prepare-database';

async function main() {
  const db = await getDatabase();
  const { seeded, realClinic } = await prepareDatabase({ seedDemo: process.env.SEED_DEMO !== '0' });
  console.log(`Database ready (${db.describe}).`);
  if (realClinic) {
    console.log('Real clinic: no demo data. Create the first admin with `npm run user:create -- --role admin --email …`.');
  } else {
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
