/**
 * The admin dashboard at 10 000, 100 000 and 1 000 000 medical records (patients = records / 10, the
 * large seed's clinic over two years, SQLite): for the default range (last 30 clinic days, by day)
 *
 * - baseline: the same statistics computed live over the records and appointments
 *   (db/repositories/stats-live.ts — what the dashboard did before its summary tables), in process;
 * - the statistics as the app computes them (`getDashboardStats`, summary tables), in process;
 * - `GET /api/dashboard/stats/` on the built app with an admin's bearer token, one connection (latency);
 * - the `/admin` dashboard page on the built app with an admin's browser session, one connection.
 *
 * Reports each size's times, the baseline/summary ratio, and how each time grows with the table (×10
 * records each step): the summary's must stay far from ×10. The seed spreads every size over the same
 * two years, so the 30-day range also holds ×10 visits each step: the summaries read per-day rows for
 * visits, doctors and diagnoses (bounded by days × doctors/codes) and one indexed row per visit in the
 * range for "patients seen"; patient totals are per-day registration counts. Fails when, at the
 * largest size, the API's p95 reaches 200 ms or the page's p95 reaches 1 s (the issue's targets).
 *
 * Databases are seeded once into `.bench-data/` (1M records take several minutes) and reused while the
 * migrations are the same. `BENCH_DASHBOARD_SIZES=10000,100000` picks other sizes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import {
  ROOT, formatNumber as num, measure, percentile, startNextApp, type BenchCase, type BenchContext, type Measurement,
} from './lib';
import { closeDatabase, openSqlite, useDatabase } from '../db';
import { createUser, findUserByEmail } from '../db/repositories/users';
import * as live from '../db/repositories/stats-live';
import { countAppointmentsByStatus } from '../db/repositories/stats-queries';
import { seedLarge } from '@/lib/seed/large';
import { hashPassword } from '../lib/auth/password';
import { issueApiToken } from '../lib/auth/tokens';
import { buckets, getDashboardStats, resolveRange } from '../lib/dashboard/get-dashboard-stats';
import { foldName } from '../core/text';

const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };
const API_P95_BUDGET_MS = 200;
const PAGE_P95_BUDGET_MS = 1000;

function sizes(): number[] {
  const raw = process.env.BENCH_DASHBOARD_SIZES;
  if (!raw) return [10_000, 100_000, 1_000_000];
  return raw.split(',').map((s) => Number(s.replace(/_/g, ''))).filter((n) => Number.isInteger(n) && n > 0);
}

/** A short hash of the SQLite migrations: a cached database is reused only while they are unchanged. */
function migrationsTag(): string {
  const dir = path.join(ROOT, 'db', 'migrations', 'sqlite');
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.sql')).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 10);
}

/** The cached database with `records` records (seeded on first use) and an admin; its file path. */
async function database(records: number, ctx: BenchContext): Promise<string> {
  const dir = path.join(ROOT, '.bench-data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `dashboard-${records}-${migrationsTag()}.sqlite`);
  const ready = `${file}.ready`;
  if (!fs.existsSync(ready)) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    ctx.log(`seeding ${num(records)} records, ${num(records / 10)} patients into ${path.relative(ROOT, file)} (once)…`);
  }
  const db = openSqlite(file);
  useDatabase(db);
  try {
    await db.migrate();
    if (!fs.existsSync(ready)) {
      const started = performance.now();
      await seedLarge({ patients: Math.max(1, Math.round(records / 10)), records, doctors: 50 });
      ctx.log(`  seeded in ${num((performance.now() - started) / 1000, 1)} s`);
    }
    if (!(await findUserByEmail(ADMIN.email))) {
      const now = new Date();
      await createUser({
        email: ADMIN.email, name: 'Bench Admin', nameFolded: foldName('Bench Admin'), role: 'admin', isActive: true,
        dateJoined: now, passwordHash: await hashPassword(ADMIN.password), mustChangePassword: false, sessionVersion: 1, updatedAt: now,
      });
    }
    fs.writeFileSync(ready, new Date().toISOString());
  } finally {
    await closeDatabase();
  }
  return file;
}

const percentileOf = (xs: number[], p: number) => percentile(Float64Array.from(xs).sort(), p);

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm caches
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The live computation of the default range (every figure the dashboard shows), as before the summary tables. */
async function liveStats() {
  const { from, end, granularity } = resolveRange({});
  const range = { from: from.toJSDate(), to: end.toJSDate() };
  await Promise.all([
    live.countPatientsTotalAndNew(range), live.countVisitsByBucket(buckets(from, end, granularity).bounds), countAppointmentsByStatus(range),
    live.countDiagnoses(range, 10), live.countVisitsPerDoctor(range), live.listPatientsSeen(range),
  ]);
}

/** Signs in through next-auth's credentials flow; the session cookie header. */
async function sessionCookie(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in failed (${res.status})`);
  return cookie();
}

interface Row {
  records: number;
  /** Visits in the measured range (the rows the range's queries read grow with these, not with the table). */
  visitsInRange: number;
  liveMs: number;
  summaryP95: number;
  api?: Measurement;
  page?: Measurement;
}

const dashboard: BenchCase = {
  name: 'dashboard',
  description: 'dashboard statistics (30 days) and page at 10k/100k/1M records: summary tables vs live computation',
  async run(ctx) {
    const rows: Row[] = [];
    // Latency, not throughput: one request at a time.
    const load = { ...ctx.load, connections: 1 };
    for (const records of sizes()) {
      const file = await database(records, ctx);
      const db = openSqlite(file);
      useDatabase(db);
      let token: string;
      let row: Row;
      try {
        const admin = (await findUserByEmail(ADMIN.email))!;
        token = (await issueApiToken(admin)).token;
        const liveRuns = await timeIt(records >= 1_000_000 ? 2 : 5, liveStats);
        const user = { id: admin.id, name: admin.name, email: admin.email, role: 'admin' as const, via: 'token' as const, mustChangePassword: false };
        const summaryRuns = await timeIt(30, () => getDashboardStats({ user }));
        const { visits } = await getDashboardStats({ user });
        row = { records, visitsInRange: visits.total, liveMs: percentileOf(liveRuns, 50), summaryP95: percentileOf(summaryRuns, 95) };
      } finally {
        await closeDatabase();
      }
      const server = await startNextApp(`file:${file}`, ctx.log);
      try {
        const apiUrl = `${server.url}/api/dashboard/stats/`;
        const check = await fetch(apiUrl, { headers: { authorization: `Bearer ${token}` } });
        if (check.status !== 200) ctx.fail(`GET /api/dashboard/stats/ answers ${check.status}: ${(await check.text()).slice(0, 200)}`);
        else row.api = await measure(`API ${num(records)}`, apiUrl, load, { authorization: `Bearer ${token}` });
        const cookie = await sessionCookie(server.url);
        const pageUrl = `${server.url}/admin`;
        const page = await fetch(pageUrl, { headers: { cookie }, redirect: 'manual' });
        if (page.status !== 200) ctx.fail(`GET /admin answers ${page.status} (signed in as admin)`);
        else row.page = await measure(`page ${num(records)}`, pageUrl, load, { cookie });
      } catch (e) {
        ctx.fail(`app half failed at ${num(records)} records: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        await server.stop();
      }
      rows.push(row);
      ctx.log(`${num(records)} records: live ${num(row.liveMs, 1)} ms · summary p95 ${num(row.summaryP95, 1)} ms · API p95 ${num(row.api?.p95Ms ?? NaN, 1)} ms · page p95 ${num(row.page?.p95Ms ?? NaN, 1)} ms`);
    }

    const head = ['records', 'visits in range', 'baseline live ms', 'summary p95 ms', 'live/summary', 'API p50 ms', 'API p95 ms', 'page p50 ms', 'page p95 ms'];
    const body = rows.map((r) => [
      num(r.records), num(r.visitsInRange), num(r.liveMs, 1), num(r.summaryP95, 1), `${num(r.liveMs / r.summaryP95, 1)}×`,
      num(r.api?.p50Ms ?? NaN, 1), num(r.api?.p95Ms ?? NaN, 1), num(r.page?.p50Ms ?? NaN, 1), num(r.page?.p95Ms ?? NaN, 1),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
    ctx.log(`range: last 30 clinic days to ${DateTime.now().toISODate()}, by day; HTTP with 1 connection`);
    for (const l of [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)]) ctx.log(l);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1];
      const b = rows[i];
      const f = b.records / a.records;
      ctx.log(`growth ${num(a.records)} → ${num(b.records)} records (×${num(f)}; visits in the range ×${num(b.visitsInRange / a.visitsInRange, 1)}): live ×${num(b.liveMs / a.liveMs, 2)}, ` +
        `summary ×${num(b.summaryP95 / a.summaryP95, 2)}, API p95 ×${num((b.api?.p95Ms ?? NaN) / (a.api?.p95Ms ?? NaN), 2)}, ` +
        `page p95 ×${num((b.page?.p95Ms ?? NaN) / (a.page?.p95Ms ?? NaN), 2)}`);
    }
    const last = rows[rows.length - 1];
    if (last?.api && last.api.p95Ms >= API_P95_BUDGET_MS) ctx.fail(`API p95 ${num(last.api.p95Ms, 1)} ms at ${num(last.records)} records: budget ${API_P95_BUDGET_MS} ms`);
    if (last?.page && last.page.p95Ms >= PAGE_P95_BUDGET_MS) ctx.fail(`page p95 ${num(last.page.p95Ms, 1)} ms at ${num(last.records)} records: budget ${PAGE_P95_BUDGET_MS} ms`);
    for (const r of rows) {
      if ((r.api && (r.api.non2xx || r.api.errors)) || (r.page && (r.page.non2xx || r.page.errors))) {
        ctx.fail(`non-2xx or errors under load at ${num(r.records)} records`);
      }
    }
  },
};

export default dashboard;
