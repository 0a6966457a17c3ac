#!/usr/bin/env node
// `npm test`: the type check, the unit tests (`*.test.ts`, no database), the database tests
// (`*.int.test.ts`) on SQLite, and the database tests again on MySQL/MariaDB when TEST_MYSQL_URL is set
// (e.g. mysql://root@127.0.0.1:3306). Extra arguments go to vitest (`npm test -- lib/users` runs the
// matching files and skips the type check). Ends with "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const projects = ['unit', 'sqlite'];
if (process.env.TEST_MYSQL_URL) projects.push('mysql');
else console.log('\n*** MySQL half SKIPPED: set TEST_MYSQL_URL=mysql://root@127.0.0.1:3306 to run the database tests on MySQL/MariaDB too ***\n');

// The type checker is part of the suite: it also holds the schema parity test's type assertions.
const onlySome = process.argv.length > 2;
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
let typecheckFailed = 0;
if (!onlySome) {
  console.log('Type-checking (tsc --noEmit)…');
  const started = Date.now();
  const tc = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { stdio: 'inherit' });
  typecheckFailed = tc.status === 0 ? 0 : 1;
  console.log(`${typecheckFailed ? 'Type check FAILED' : 'Type check passed'} (${seconds(started)}).`);
}

fs.mkdirSync('.test-output', { recursive: true });
const out = '.test-output/vitest.json';
fs.rmSync(out, { force: true });
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=./scripts/test-project-times.mjs', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
// A non-UTC zone catches code that reads or writes instants in local time.
const env = { ...process.env, TZ: process.env.TZ ?? 'America/Sao_Paulo', NEXT_TELEMETRY_DISABLED: '1' };
const vitestStarted = Date.now();
const r = spawnSync('npx', args, { stdio: 'inherit', env });
console.log(`vitest (${projects.join(', ')}) took ${seconds(vitestStarted)}.`);

let passed = 0, failed = 0, skipped = 0;
try {
  const j = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed = j.numPassedTests;
  failed = j.numFailedTests;
  skipped = j.numPendingTests + (j.numTodoTests ?? 0);
  // A file that fails to load counts as a failure even when no test in it ran.
  if (failed === 0 && j.numFailedTestSuites > 0) failed = j.numFailedTestSuites;
} catch { failed = Math.max(failed, 1); }
if (!onlySome) typecheckFailed ? failed++ : passed++;
if (!process.env.TEST_MYSQL_URL) console.log('MySQL half skipped (TEST_MYSQL_URL not set).');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(r.status === 0 && failed === 0 ? 0 : 1);
