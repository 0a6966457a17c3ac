/**
 * `npm run bench -- peer`: E-Health side by side with the seed's Django + DRF peer
 * (/work/shared/peers/django-seed, gunicorn -w 2 sync workers, SQLite), on the four endpoints of
 * /work/shared/peers/side-by-side.sh, measured the same way: wrk, 2 threads, 32 connections (this
 * case's default; `--connections` overrides), a 2 s warm-up then 10 s measured (`--warmup`,
 * `--duration`), percentiles from the peer's bench/wrk_report.lua. Per endpoint the peer runs first,
 * then E-Health; BENCH_ROUNDS rounds (default 2).
 *
 * - `GET /api/health-check/` (no auth);
 * - `GET /api/appointments/` as a doctor with ≥ 2 000 appointments, page 1 (E-Health `Bearer`, the peer `Token`);
 *   also served by bench/bare-appointments.mjs (node:http + better-sqlite3, same SQL and JSON, no
 *   framework) to show the framework's share;
 * - `GET /api/medical-records/patient-history/?patient_id=` of a patient with 512 visits, as an admin
 *   (E-Health's `patient_id` is the patient's user id; so is the peer's);
 * - `GET /api/dashboard/stats/` as an admin (both default to the last 30 days).
 *
 * Data: the peer seeded by its README (1 000 patients, 10 doctors, 20 000 appointments, 20 000
 * records); E-Health as bench/peer-data.ts says. Both are prepared before their servers start.
 * E-Health runs from the production build (`scripts/serve.mjs`, WEB_CONCURRENCY passed through).
 * With BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306 the comparison runs a second time with E-Health
 * on a fresh MySQL database (`ehealth_bench_<random>`, dropped at the end; no bare row there).
 *
 * Targets are printed, not enforced: each data endpoint PASS when E-Health has ≥ 2× the peer's req/s
 * and a p95 no higher than the peer's; the health check PASS at ≥ 1× req/s. The case fails only when a
 * server cannot start, an endpoint does not answer 200 before the load, or any non-2xx answer or
 * socket error happens under load.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, formatNumber as num, freePort, spawnServer, startNextApp, waitForHttp, type BenchCase, type BenchContext, type ServerProcess } from './lib';
import { startPeer, type PeerServer } from './peer-django';
import { DOCTOR_APPOINTMENTS, HEAVY_RECORDS, prepareEhealth, type EhealthData } from './peer-data';
import { measureWrk, type WrkMeasurement, type WrkOptions } from './wrk';

const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 2)) || 2);
const BARE_LABEL = 'bare node:http + better-sqlite3';

interface Endpoint {
  name: string;
  /** 'health': target ≥ 1× req/s; 'data': ≥ 2× req/s and p95 ≤ the peer's. */
  kind: 'health' | 'data';
  dj: { path: string; headers: Record<string, string> };
  eh: { path: string; headers: Record<string, string> };
  bare?: boolean;
}

interface Row {
  endpoint: string;
  kind: Endpoint['kind'] | 'bare';
  dj: WrkMeasurement;
  eh: WrkMeasurement;
}

const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function endpoints(peer: PeerServer, eh: EhealthData): Endpoint[] {
  const token = (t: string) => ({ Authorization: `Token ${t}` });
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
  return [
    { name: 'health-check', kind: 'health', dj: { path: '/api/health-check/', headers: {} }, eh: { path: '/api/health-check/', headers: {} } },
    {
      name: 'appointments (doctor, p.1)', kind: 'data', bare: true,
      dj: { path: '/api/appointments/', headers: token(peer.doctorToken) },
      eh: { path: '/api/appointments/', headers: bearer(eh.doctorToken) },
    },
    {
      name: `patient-history (${HEAVY_RECORDS} rec)`, kind: 'data',
      dj: { path: `/api/medical-records/patient-history/?patient_id=${peer.heavyPatientId}`, headers: token(peer.adminToken) },
      eh: { path: `/api/medical-records/patient-history/?patient_id=${eh.heavyPatientId}`, headers: bearer(eh.adminToken) },
    },
    {
      name: 'dashboard stats (30 d)', kind: 'data',
      dj: { path: '/api/dashboard/stats/', headers: token(peer.adminToken) },
      eh: { path: '/api/dashboard/stats/', headers: bearer(eh.adminToken) },
    },
  ];
}

/** GETs `url` once; true when it answers 200 (else fails the case with the body). Logs the list's `count` when there is one. */
async function answers200(ctx: BenchContext, who: string, url: string, headers: Record<string, string>): Promise<boolean> {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
    const body = await res.text();
    if (res.status !== 200) {
      ctx.fail(`${who} GET ${url} answered ${res.status}, not 200: ${body.slice(0, 600)}`);
      return false;
    }
    const count = /^\{"count":(\d+)/.exec(body)?.[1];
    if (count) ctx.log(`  ${who.padEnd(8)} ${new URL(url).pathname}: 200, count ${count}, ${num(body.length)} bytes`);
    return true;
  } catch (e) {
    ctx.fail(`${who} GET ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

const pct = (m: WrkMeasurement) => `${num(m.p50Ms, 1)}/${num(m.p95Ms, 1)}/${num(m.p99Ms, 1)}`;
const errs = (m: WrkMeasurement) => `${m.non2xx}/${m.errors}`;

/** PASS/MISS of E-Health (or the bare row) against the peer for this kind of endpoint. */
function target(kind: Row['kind'], dj: { rps: number; p95: number }, eh: { rps: number; p95: number }): string {
  if (kind === 'bare') return '-';
  if (kind === 'health') return eh.rps >= dj.rps ? 'PASS (≥1×)' : 'MISS (≥1×)';
  return eh.rps >= 2 * dj.rps && eh.p95 <= dj.p95 ? 'PASS (≥2×, p95≤)' : 'MISS (≥2×, p95≤)';
}

function table(rows: Row[]): string[] {
  const head = ['endpoint', 'dj req/s', 'eh req/s', 'ratio', 'dj p50/p95/p99 ms', 'eh p50/p95/p99 ms', 'non2xx/sockerr dj eh', 'target'];
  const body = rows.map((r) => [
    r.kind === 'bare' ? `  ${BARE_LABEL}` : r.endpoint,
    num(r.dj.requestsPerSecond), num(r.eh.requestsPerSecond), num(r.eh.requestsPerSecond / r.dj.requestsPerSecond, 2),
    pct(r.dj), pct(r.eh), `${errs(r.dj)} ${errs(r.eh)}`,
    target(r.kind, { rps: r.dj.requestsPerSecond, p95: r.dj.p95Ms }, { rps: r.eh.requestsPerSecond, p95: r.eh.p95Ms }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((c) => c[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

/** One backend's comparison: E-Health (and the bare server on SQLite) against the running peer. */
async function compare(ctx: BenchContext, peer: PeerServer, backend: 'sqlite' | 'mysql', mysqlBase: string | undefined, wrkOpts: Omit<WrkOptions, 'headers'>) {
  ctx.log(`-- E-Health on ${backend}`);
  const data = await prepareEhealth(ctx.log, mysqlBase);
  let app: ServerProcess | undefined;
  let bare: ServerProcess | undefined;
  try {
    try {
      app = await startNextApp(data.url, ctx.log);
    } catch (e) {
      ctx.fail(`E-Health could not start: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    ctx.log(`E-Health serving at ${app.url} (scripts/serve.mjs, WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? 'default'})`);
    if (data.sqliteFile) {
      const port = await freePort();
      bare = spawnServer(process.execPath, [path.join(ROOT, 'bench', 'bare-appointments.mjs')],
        { ...process.env, BARE_DB: data.sqliteFile, PORT: String(port), HOST: '127.0.0.1' }, `http://127.0.0.1:${port}`);
      try {
        await waitForHttp(bare, bare.url);
        ctx.log(`bare server at ${bare.url} (${process.env.WEB_CONCURRENCY ?? os.availableParallelism()} worker process(es), node:cluster, read-only SQLite)`);
      } catch (e) {
        ctx.fail(`the bare server could not start: ${e instanceof Error ? e.message : String(e)}`);
        await bare.stop();
        bare = undefined;
      }
    }

    const eps = endpoints(peer, data);
    const ready: Endpoint[] = [];
    for (const ep of eps) {
      const ok = [
        await answers200(ctx, 'django', peer.server.url + ep.dj.path, ep.dj.headers),
        await answers200(ctx, 'e-health', app.url + ep.eh.path, ep.eh.headers),
        ...(ep.bare && bare ? [await answers200(ctx, 'bare', bare.url + ep.eh.path, ep.eh.headers)] : []),
      ];
      if (ok.every(Boolean)) ready.push(ep);
    }

    const all: Row[][] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const rows: Row[] = [];
      for (const ep of ready) {
        const dj = await measureWrk(`dj ${ep.name}`, peer.server.url + ep.dj.path, { ...wrkOpts, headers: ep.dj.headers });
        const eh = await measureWrk(`eh ${ep.name}`, app.url + ep.eh.path, { ...wrkOpts, headers: ep.eh.headers });
        rows.push({ endpoint: ep.name, kind: ep.kind, dj, eh });
        if (ep.bare && bare) {
          const b = await measureWrk(BARE_LABEL, bare.url + ep.eh.path, { ...wrkOpts, headers: ep.eh.headers });
          rows.push({ endpoint: ep.name, kind: 'bare', dj, eh: b });
        }
      }
      all.push(rows);
      ctx.log('');
      ctx.log(`round ${round}/${ROUNDS} (E-Health on ${backend}; load average now ${loadavg()}):`);
      for (const l of table(rows)) ctx.log(l);
      for (const r of rows) {
        for (const [who, m] of [['django', r.dj], [r.kind === 'bare' ? 'bare' : 'e-health', r.eh]] as const) {
          if (m.non2xx || m.errors) ctx.fail(`${who} ${r.endpoint}: ${m.non2xx} non-2xx answers and ${m.errors} socket errors under load`);
        }
      }
    }

    ctx.log('');
    ctx.log(`targets over ${ROUNDS} round(s) (mean req/s, mean p95; printed, not enforced):`);
    for (const ep of ready) {
      const rows = all.map((rs) => rs.find((r) => r.endpoint === ep.name && r.kind !== 'bare')!);
      const mean = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
      const dj = { rps: mean((r) => r.dj.requestsPerSecond), p95: mean((r) => r.dj.p95Ms) };
      const eh = { rps: mean((r) => r.eh.requestsPerSecond), p95: mean((r) => r.eh.p95Ms) };
      ctx.log(`  ${ep.name.padEnd(28)} dj ${num(dj.rps).padStart(6)} req/s p95 ${num(dj.p95, 1).padStart(6)} ms | eh ${num(eh.rps).padStart(6)} req/s p95 ${num(eh.p95, 1).padStart(6)} ms | ×${num(eh.rps / dj.rps, 2)}  ${target(ep.kind, dj, eh)}`);
      const bares = all.map((rs) => rs.find((r) => r.endpoint === ep.name && r.kind === 'bare')).filter((r): r is Row => !!r);
      if (bares.length) {
        const b = bares.reduce((s, r) => s + r.eh.requestsPerSecond, 0) / bares.length;
        ctx.log(`  ${''.padEnd(28)} bare ${num(b)} req/s: E-Health reaches ${num((100 * eh.rps) / b, 0)} % of the bare server (the framework's share is the rest)`);
      }
    }
  } finally {
    await bare?.stop();
    await app?.stop();
    await data.remove();
  }
}

const peerCase: BenchCase = {
  name: 'peer',
  description: 'E-Health vs the seed\'s Django+DRF peer (gunicorn -w 2) on 4 endpoints, wrk, alternating per endpoint',
  loadDefaults: { connections: 32 },
  async run(ctx) {
    const before = loadavg();
    const wrkOpts = {
      connections: ctx.load.connections, threads: 2, durationS: ctx.load.durationS, warmupS: ctx.load.warmupS, lua: '',
    };
    let peer: PeerServer;
    try {
      peer = await startPeer(ctx.log);
    } catch (e) {
      ctx.fail(`the Django peer could not start: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    try {
      // The peer's report script, from our temp copy.
      wrkOpts.lua = path.join(peer.dir, 'bench', 'wrk_report.lua');
      ctx.log(`Django peer at ${peer.server.url} (gunicorn -w 2, sync workers; heavy patient ${peer.heavyPatientId} with ${peer.heavyRecords} records)`);
      ctx.log(`wrk -t2 -c${wrkOpts.connections}, ${wrkOpts.warmupS} s warm-up + ${wrkOpts.durationS} s measured, ${ROUNDS} round(s) (BENCH_ROUNDS); ` +
        `E-Health's doctor gets ${DOCTOR_APPOINTMENTS} appointments, its heavy patient ${HEAVY_RECORDS} visits`);
      ctx.log(`load average before: ${before}`);
      await compare(ctx, peer, 'sqlite', undefined, wrkOpts);
      const mysqlBase = process.env.BENCH_DATABASE_URL;
      if (mysqlBase && /^(mysql|mariadb):\/\//.test(mysqlBase)) await compare(ctx, peer, 'mysql', mysqlBase, wrkOpts);
      else ctx.log(`(BENCH_DATABASE_URL ${mysqlBase ? 'is not a mysql:// URL' : 'unset'}: E-Health on SQLite only)`);
    } finally {
      await peer.server.stop();
      peer.remove();
    }
    ctx.log(`load average after: ${loadavg()} (before: ${before}); a busy machine (builds, other benches) skews every figure`);
  },
};

export default peerCase;
