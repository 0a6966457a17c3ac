/**
 * Child process of `runInProcesses` (processes.ts): opens DATABASE_URL (already migrated by the test),
 * loads the scenario named on the command line, prints `READY`, waits for `GO` on stdin, runs the
 * scenario with SCENARIO_ARGS (JSON) and prints `RESULT <json>`.
 */
import readline from 'node:readline';
import { closeDatabase, getDatabase } from '@/db';
import { SCENARIOS, type ScenarioName } from './process-scenarios';

async function main() {
  const name = process.argv[2] as ScenarioName;
  const scenario = SCENARIOS[name];
  if (!scenario) throw new Error(`unknown scenario ${name}`);
  const args = JSON.parse(process.env.SCENARIO_ARGS ?? 'null') as never;
  const db = await getDatabase();
  await db.ping();
  const lines = readline.createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.on('line', (l) => { if (l === 'GO') resolve(); }));
  process.stdout.write('READY\n');
  await go;
  lines.close();
  const result = await scenario(args);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  await closeDatabase();
}

main().then(() => process.exit(0), (e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
