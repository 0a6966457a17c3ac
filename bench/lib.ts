/**
 * Benchmark kit: child servers in their own process groups (killed as a group, also on errors and
 * Ctrl-C), the built Next.js app on a free port with a migrated temporary database, a bare node:http
 * baseline, and load from autocannon against 127.0.0.1 with exact latency percentiles.
 *
 * A benchmark is a `BenchCase` default-exported from `bench/<name>.bench.ts` (or an array of them);
 * `bench/run.ts` finds them. A later case, e.g. the dashboard at 10k/100k/1M records, would be:
 *
 *   const db = await tempSqlite(() => seedLarge({ patients: 100_000, records: 1_000_000 }).then(() => {}));
 *   const app = await startNextApp(db.url, ctx.log);
 *   try { rows.push(await measure('dashboard 1M', app.url + '/api/…', ctx.load)); }
 *   finally { await app.stop(); db.remove(); }
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openSqlite } from '../db';

export const ROOT = path.resolve(__dirname, '..');

export interface LoadOptions {
  /** Seconds of measured load (default 10). */
  durationS: number;
  /** Seconds of unmeasured load first (default 2). */
  warmupS: number;
  connections: number;
}

export interface BenchContext {
  load: LoadOptions;
  /** Prints a line of the case's report. */
  log(line: string): void;
  /** Prints `message` and marks the case as not completed (the run exits 1), without stopping it. */
  fail(message: string): void;
}

export interface BenchCase {
  /** Short name, used to pick cases: `npm run bench -- health-check`. */
  name: string;
  description: string;
  /** This case's own defaults, used where the command line gives no flag (e.g. more connections). */
  loadDefaults?: Partial<LoadOptions>;
  run(ctx: BenchContext): Promise<void>;
}

export interface Measurement {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

// ---------------------------------------------------------------- child processes

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The last lines the process printed (for error reports). */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ServerProcess>();

/** Kills every child process group still running (runs on exit, errors and signals). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on('exit', () => {
  for (const s of running) killGroup(s.child, 'SIGKILL');
});

/** Spawns `cmd` in its own process group (so its children die with it), keeping its last output. */
export function spawnServer(cmd: string, args: string[], env: NodeJS.ProcessEnv, url: string): ServerProcess {
  const child = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (b: Buffer) => {
    tail = (tail + b.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  const server: ServerProcess = {
    child,
    url,
    output: () => tail,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          killGroup(child, 'SIGTERM');
          const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        // Whatever the leader left behind in its group.
        killGroup(child, 'SIGKILL');
        running.delete(server);
      })();
      return stopping;
    },
  };
  running.add(server);
  return server;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers at all (any status); fails early if the server exits. */
export async function waitForHttp(server: ServerProcess, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`server exited (${server.child.exitCode ?? server.child.signalCode}) before answering:\n${server.output()}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s:\n${server.output()}`);
}

// ---------------------------------------------------------------- servers under test

/** A bare node:http server in its own process answering every request with `body` as JSON. */
export async function startBaseline(body: unknown): Promise<ServerProcess> {
  const port = await freePort();
  const json = JSON.stringify(body);
  const script = `
    const http = require('node:http');
    const body = ${JSON.stringify(json)};
    http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }).listen(${port}, '127.0.0.1');`;
  const server = spawnServer(process.execPath, ['-e', script], { ...process.env }, `http://127.0.0.1:${port}`);
  await waitForHttp(server, server.url);
  return server;
}

/** Builds the app (`npm run build`) unless `.next/BUILD_ID` exists. */
export function ensureBuild(log: (line: string) => void): void {
  if (fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) return;
  log('No .next/BUILD_ID: running `npm run build` first…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0 || !fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    throw new Error(`npm run build failed (exit ${r.status ?? r.signal})`);
  }
}

export interface TempDatabase {
  url: string;
  file: string;
  remove(): void;
}

/** A new SQLite file in a temp folder, migrated; `prepare` may fill it (runs with it as the process-wide database). */
export async function tempSqlite(prepare?: () => Promise<void>): Promise<TempDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = openSqlite(file);
  try {
    await db.migrate();
    if (prepare) {
      const { useDatabase, closeDatabase } = await import('../db');
      useDatabase(db);
      try {
        await prepare();
      } finally {
        await closeDatabase();
      }
    }
  } finally {
    await db.close().catch(() => {});
  }
  return { url: `file:${file}`, file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the built app as `npm run serve` does (scripts/serve.mjs) on a free 127.0.0.1 port against `databaseUrl`. */
export async function startNextApp(databaseUrl: string, log: (line: string) => void, env: Record<string, string> = {}): Promise<ServerProcess> {
  ensureBuild(log);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawnServer(
    process.execPath,
    [path.join(ROOT, 'scripts', 'serve.mjs')],
    {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: 'bench-secret',
      NEXTAUTH_URL: url,
      SEED_DEMO: '0',
      ...env,
    },
    url,
  );
  await waitForHttp(server, url);
  return server;
}

// ---------------------------------------------------------------- load

function runAutocannon(url: string, connections: number, durationS: number, onLatency?: (ms: number) => void, headers?: Record<string, string>) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationS, timeout: 10, headers }, (err, result) => (err ? reject(err) : resolve(result)));
    if (onLatency) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => onLatency(ms));
  });
}

/** The `p`th percentile (nearest rank) of ascending `sorted` values; NaN when empty. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * Warm-up, then `durationS` of load from `connections` connections (each request with `headers`, e.g.
 * a bearer token or a session cookie); requests/s and exact latency percentiles.
 */
export async function measure(label: string, url: string, load: LoadOptions, headers?: Record<string, string>): Promise<Measurement> {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1 (${u.hostname})`);
  if (load.warmupS > 0) await runAutocannon(url, load.connections, load.warmupS, undefined, headers);
  const latencies: number[] = [];
  const r = await runAutocannon(url, load.connections, load.durationS, (ms) => latencies.push(ms), headers);
  const sorted = Float64Array.from(latencies).sort();
  const requests = r.requests.total ?? latencies.length;
  return {
    label,
    requestsPerSecond: requests / r.duration,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    requests,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

// ---------------------------------------------------------------- report

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');

/** A fixed-width table of measurements. */
export function formatTable(rows: Measurement[]): string[] {
  const head = ['target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'];
  const body = rows.map((m) => [m.label, num(m.requestsPerSecond), num(m.p50Ms, 2), num(m.p95Ms, 2), num(m.p99Ms, 2), num(m.requests), num(m.non2xx), num(m.errors)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

export { num as formatNumber };
