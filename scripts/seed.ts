/**
 * `npm run db:seed` — seeds the demo clinic when the database is empty (no users).
 * `npm run db:seed -- --patients 100000 [--records 1000000] [--doctors 50]` — adds a large clinic for
 * benchmarks (patients without accounts, records over the last two years; default records = 10 × patients).
 * The database comes from DATABASE_URL (default file:data/ehealth.sqlite); it is migrated first.
 */
import { parseArgs } from 'node:util';
import { closeDatabase, getDatabase } from '../db';
import { DEMO_LOGINS, seedDemoIfEmpty } from '@/lib/seed/demo';
import { seedLarge } from '@/lib/seed/large';
import { ensureVisitStats } from '../lib/dashboard/ensure-visit-stats';

const USAGE = `Usage:
  npm run db:seed                       seed the demo clinic if the database has no users
  npm run db:seed -- --patients N [--records N] [--doctors N] [--chunk N] [--batch N]
                                        add a large clinic (records default to 10 × patients, doctors to 50)`;

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      patients: { type: 'string' }, records: { type: 'string' }, doctors: { type: 'string' },
      chunk: { type: 'string' }, batch: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const patients = positiveInt('patients', values.patients);
  const large = patients !== undefined || values.records !== undefined || values.doctors !== undefined;
  const db = await getDatabase();
  console.log(`Database: ${db.describe}`);
  await db.migrate();
  await ensureVisitStats((line) => console.log(line));

  if (!large) {
    const started = performance.now();
    const { seeded, summary } = await seedDemoIfEmpty();
    if (!seeded) {
      console.log('The database already has users: demo seed skipped.');
      return;
    }
    const s = summary!;
    const appts = Object.entries(s.appointments).map(([k, v]) => `${v} ${k}`).join(', ');
    console.log(`Demo clinic seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${s.doctors} doctors, ${s.patients} patients, appointments (${appts}), ${s.records} records.`);
    console.log('Demo logins:');
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(8)} ${l.email.padEnd(22)} ${l.password}`);
    return;
  }

  if (!patients) throw new Error('--patients N is required for a large clinic (N > 0)');
  const result = await seedLarge({
    patients,
    records: positiveInt('records', values.records),
    doctors: positiveInt('doctors', values.doctors),
    chunk: positiveInt('chunk', values.chunk),
    batch: positiveInt('batch', values.batch),
    log: (line) => console.log(line),
  });
  console.log(`Large clinic added: ${result.doctors} doctors, ${result.patients} patients (${result.firstPatientNumber}…${result.lastPatientNumber}), ${result.records} records, ${result.diagnoses} diagnoses, ${result.prescriptions} prescription lines.`);
}

main()
  .catch((e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    console.error(`db:seed failed: ${msg}`);
    if (String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) console.error(USAGE);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
