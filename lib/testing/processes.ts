/**
 * Runs a scenario in several real OS processes at once against the test's database, as several server
 * processes would: each child (`process-worker.ts`, run by tsx) opens `TEST_DATABASE_URL` itself, loads
 * the scenario, says it is ready, and all start together when every child is ready. Used to prove the
 * data layer's guarantees hold across processes (one SQLite file in WAL mode, or one MySQL database).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ScenarioName } from './process-scenarios';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Starts one child per element of `args` running `scenario(args[i])`, releases them together, and
 * resolves with their results in order. Rejects with the child's output when one fails or exits early.
 */
export async function runInProcesses<T = unknown>(scenario: ScenarioName, args: unknown[], timeoutMs = 90_000): Promise<T[]> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (lib/testing/setup-db.ts sets it in beforeAll)');
  const children = args.map((a, i) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'lib/testing/process-worker.ts'), scenario], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, SCENARIO_ARGS: JSON.stringify(a), SCENARIO_INDEX: String(i), NODE_OPTIONS: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString('utf8'); });
    child.stderr.on('data', (b: Buffer) => { err += b.toString('utf8'); });
    const ready = new Promise<void>((resolve, reject) => {
      const check = () => { if (out.includes('READY\n')) resolve(); };
      child.stdout.on('data', check);
      child.once('exit', (code) => reject(new Error(`child ${i} exited (${code}) before it was ready:\n${err}${out}`)));
    });
    const done = new Promise<T>((resolve, reject) => {
      child.once('exit', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('RESULT '));
        if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as T);
        else reject(new Error(`child ${i} (${scenario}) exited with ${code}:\n${err}${out}`));
      });
    });
    return { child, ready, done };
  });
  const timer = setTimeout(() => children.forEach((c) => c.child.kill('SIGKILL')), timeoutMs);
  try {
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.child.stdin.write('GO\n');
    return await Promise.all(children.map((c) => c.done));
  } finally {
    clearTimeout(timer);
    for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  }
}
