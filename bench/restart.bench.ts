/**
 * `npm run bench -- restart`: "a restart after a power cut serves within 15 s on this machine".
 *
 * The app is started as `npm start` starts it (`node scripts/start.mjs`: build check, migrations and
 * demo seed in scripts/boot.ts, then scripts/serve.mjs) in its own process group, against a new SQLite
 * file in a temp folder, on a free 127.0.0.1 port. When the build fingerprint in .next matches the
 * sources (scripts/build-fingerprint.mjs) it runs exactly that path, fingerprint check included;
 * otherwise with SKIP_BUILD=1, so that a restart never turns into a build (the output says which).
 * The first start (migrations + demo seed) is timed too, not judged.
 *
 * Then, 3 times: 16 async loops sign in with the demo logins (POST /api/auth/login/, password
 * 'ehealth-demo': each success writes a token row and an audit row) for 3 s, and the whole process
 * group gets SIGKILL with requests in flight — the "power cut" (the WAL is left as it was; the OS page
 * cache survives a kill -9, a real power cut may lose it, so this is the process half of a power cut).
 * The same command is started again and timed from spawn to the first 200 on GET /api/health-check/
 * (polled every 50 ms). Each restart: PASS/MISS against 15 s; fails when over 15 s or no 200 in 60 s.
 *
 * After the last restart: a sign-in must work, then the server stops and the file is opened with
 * better-sqlite3: `PRAGMA integrity_check` must say ok.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_LOGINS } from '../lib/seed/demo';
import { buildNeeded, computeFingerprint } from '../scripts/build-fingerprint.mjs';
import { ROOT, ensureBuild, formatNumber as num, freePort, spawnServer, type BenchCase, type BenchContext, type ServerProcess } from './lib';

const TARGET_S = 15;
const GIVE_UP_S = 60;
const FIRST_START_GIVE_UP_S = 300;
const CUTS = 3;
const LOOPS = 16;
const LOAD_S = 3;
const POLL_MS = 50;
const HEALTH = '/api/health-check/';
const LOGIN = '/api/auth/login/';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether any process of group `pgid` is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One sign-in with a demo login: the HTTP status (throws on a network error or after 10 s). */
async function signIn(base: string, i: number): Promise<number> {
  const login = DEMO_LOGINS[i % DEMO_LOGINS.length];
  const res = await fetch(base + LOGIN, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Polls GET /api/health-check/ every 50 ms from `startedAt` (performance.now() ms) until a 200:
 * seconds from `startedAt` to it, or undefined after `giveUpS` or when the server exits first
 * (`why` tells which).
 */
async function firstOk(server: ServerProcess, startedAt: number, giveUpS: number): Promise<{ s?: number; why?: string }> {
  const deadline = startedAt + giveUpS * 1000;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      return { why: `the server exited (${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}` };
    }
    const sent = performance.now();
    try {
      const res = await fetch(server.url + HEALTH, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return { s: (performance.now() - startedAt) / 1000 };
      last = `status ${res.status}`;
    } catch (e) {
      last = (e as { cause?: { code?: string } }).cause?.code ?? (e instanceof Error ? e.message : String(e));
    }
    await sleep(Math.max(0, POLL_MS - (performance.now() - sent)));
  }
  return { why: `no 200 within ${giveUpS} s (last: ${last}):\n${server.output()}` };
}

interface Cut {
  ok: number;
  other: Map<number, number>;
  errors: number;
  inFlight: number;
  walBytes: number;
}

/** 16 sign-in loops for 3 s, then SIGKILL to the whole process group with requests in flight. */
async function loadAndCut(server: ServerProcess, dbFile: string): Promise<Cut> {
  const pid = server.child.pid!;
  const cut: Cut = { ok: 0, other: new Map(), errors: 0, inFlight: 0, walBytes: 0 };
  let killed = false;
  const end = performance.now() + LOAD_S * 1000;
  const loops = Array.from({ length: LOOPS }, async (_, loop) => {
    let n = loop;
    while (!killed) {
      cut.inFlight++;
      try {
        const status = await signIn(server.url, n++);
        if (status === 200) cut.ok++;
        else cut.other.set(status, (cut.other.get(status) ?? 0) + 1);
      } catch {
        cut.errors++;
      } finally {
        cut.inFlight--;
      }
    }
  });
  while (performance.now() < end) await sleep(20);
  const inFlightAtCut = cut.inFlight;
  try {
    cut.walBytes = fs.statSync(`${dbFile}-wal`).size;
  } catch {
    cut.walBytes = 0;
  }
  killed = true;
  process.kill(-pid, 'SIGKILL');
  await Promise.all(loops);
  cut.inFlight = inFlightAtCut;
  // Wait until every process of the group (primary, workers) is gone, then forget the server.
  const deadline = Date.now() + 10_000;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(20);
  await server.stop();
  return cut;
}

async function run(ctx: BenchContext): Promise<void> {
  ensureBuild(ctx.log);
  const fingerprint = computeFingerprint(ROOT);
  const { needed, reason } = buildNeeded(ROOT, fingerprint);
  const skipBuild = needed;
  ctx.log(skipBuild
    ? `start: node scripts/start.mjs with SKIP_BUILD=1 (the build's fingerprint does not match: ${reason}; a restart must not become a build)`
    : `start: node scripts/start.mjs as npm start runs it, build check included (fingerprint matches: ${reason})`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-restart-'));
  const dbFile = path.join(dir, 'clinic.sqlite');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    NEXTAUTH_SECRET: 'bench-secret',
    NEXTAUTH_URL: url,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (skipBuild) env.SKIP_BUILD = '1';
  else delete env.SKIP_BUILD;
  const start = () => ({ at: performance.now(), server: spawnServer(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], env, url) });
  ctx.log(`database: ${dbFile}; ${url}; WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? `default (${os.availableParallelism()})`}`);

  let server: ServerProcess | undefined;
  try {
    // First start: migrations and the demo seed.
    let s = start();
    server = s.server;
    const first = await firstOk(server, s.at, FIRST_START_GIVE_UP_S);
    if (first.s === undefined) {
      ctx.fail(`FAIL first start: ${first.why}`);
      return;
    }
    ctx.log(`first start (migrations + demo seed): ${num(first.s, 2)} s to the first 200 on ${HEALTH}`);

    const times: (number | undefined)[] = [];
    for (let i = 1; i <= CUTS; i++) {
      const cut = await loadAndCut(server, dbFile);
      server = undefined;
      const other = [...cut.other].map(([st, n]) => `${st}×${n}`).join(' ');
      ctx.log(`cut ${i}: ${LOOPS} sign-in loops for ${LOAD_S} s: ${cut.ok} answered 200${other ? `, ${other}` : ''}; ` +
        `SIGKILL to the process group with ${cut.inFlight} in flight (${cut.errors} requests got no answer); WAL ${num(cut.walBytes / 1024)} KiB at the cut`);
      if (cut.ok === 0) ctx.fail(`FAIL cut ${i}: no sign-in succeeded before the cut: no write load`);
      s = start();
      server = s.server;
      const r = await firstOk(server, s.at, GIVE_UP_S);
      times.push(r.s);
      if (r.s === undefined) {
        ctx.fail(`FAIL restart ${i}: ${r.why}`);
        return;
      }
      const pass = r.s <= TARGET_S;
      const line = `restart ${i}: ${num(r.s, 2)} s from spawn to the first 200 on ${HEALTH} (target ${TARGET_S} s)`;
      if (pass) ctx.log(`PASS ${line}`);
      else ctx.fail(`MISS ${line}`);
    }
    const got = times.filter((t): t is number => t !== undefined);
    ctx.log(`restarts: ${got.map((t) => num(t, 2)).join(' s, ')} s; slowest ${num(Math.max(...got), 2)} s`);

    // Sound afterwards: a sign-in, then the file itself.
    const status = await signIn(server.url, 0).catch((e: unknown) => `no answer (${e instanceof Error ? e.message : String(e)})`);
    if (status === 200) ctx.log(`PASS sign-in after the last restart: 200`);
    else ctx.fail(`FAIL sign-in after the last restart: ${status}`);
    await server.stop();
    server = undefined;
    const db = new Database(dbFile);
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      const result = rows.map((r) => r.integrity_check).join('; ');
      if (result === 'ok') ctx.log('PASS PRAGMA integrity_check: ok');
      else ctx.fail(`FAIL PRAGMA integrity_check: ${result.slice(0, 500)}`);
    } finally {
      db.close();
    }
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const restartCase: BenchCase = {
  name: 'restart',
  description: `a restart after a power cut (kill -9 of the whole server under sign-in load) serves within ${TARGET_S} s, ${CUTS} times; the database is sound afterwards`,
  run,
};

export default restartCase;
