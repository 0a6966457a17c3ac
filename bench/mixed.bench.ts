/**
 * `npm run bench -- mixed`: "mixed load holds". 60 s (`--duration`; a `--warmup` of the same mix first,
 * default 2 s) of reads and writes from 32 connections (`--connections`), each an async loop that picks
 * one kind of request by weight: chart reads 35 % (a patient's history, as the demo doctor for a
 * patient linked to them or as the admin for anyone; or one record as the admin), the admin's dashboard
 * 10 %, bookings 20 % (the admin books a free slot of a doctor for a patient), cancellations 10 % (of
 * an appointment this loop booked), charting 15 % (the demo doctor charts a visit of a linked patient),
 * sign-ins 10 % (the demo logins, password 'ehealth-demo').
 *
 * Data: bench/peer-data.ts (the demo clinic, the large seed at 1 000 patients / 20 000 records / 10
 * doctors, the heavy patient and the demo doctor's 2 000 appointments, admin and doctor tokens); the
 * large seed's doctors are then given working hours (every day 08:00–17:00) so that there is room to
 * book. The free slots of the next 62 days are fetched once (GET /api/doctors/{id}/slots/) and dealt
 * out so each loop books one doctor only, on days no other loop books that doctor, for patients no
 * other loop books: a 409 (a clash with the patient's own earlier appointment) is legitimate and
 * counted as "conflict", not as an error.
 *
 * At 2/3 of the measured time one worker process (not the primary, which replaces it) gets SIGKILL.
 * Requests that then fail without an answer — sent before the kill + 2 s, failed within 5 s of it — are
 * "killed in flight", not errors. Needs WEB_CONCURRENCY ≥ 2 (the default is one worker per core).
 *
 * Afterwards, with the server still up: every booking answered 2xx is read back (status pending, or
 * cancelled when its cancellation was answered 2xx; either when the cancellation got no answer), every
 * charted record is read back with its marker, every token from a sign-in reads its user. Then the
 * server stops and the database is opened directly: every chart read answered 2xx (before or after
 * the kill) must have its `chart.view` row in audit_events with the X-Request-Id it was answered with.
 * Memory: the RSS of every process of the server's process group (primary + workers), sampled each
 * second; the peak of the sum is printed against 600 MB (printed, not enforced).
 *
 * Fails (exit 1) on any 5xx or unexpected network error, any 4xx but a booking's 409, any 2xx write not
 * readable afterwards, any answered chart read without its audit row, or a kill that did not happen.
 * SQLite by default; with BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306 it runs a second time on a
 * fresh MySQL database.
 */
import Database from 'better-sqlite3';
import { closeDatabase, openMysql, openSqlite, useDatabase } from '../db';
import { listDoctorAppointments } from '../db/repositories/appointments';
import { listWorkingHours, replaceWorkingHours } from '../db/repositories/availability';
import { maxIds } from '../db/repositories/bulk-load';
import { listUsersByRole } from '../db/repositories/users';
import { addDays, clinicToday } from '../core/time';
import { DEMO_LOGINS } from '../lib/seed/demo';
import { formatNumber as num, startNextApp, type BenchCase, type BenchContext, type ServerProcess } from './lib';
import { KindStats, NetworkError, httpClient, kindTable, memorySampler, processGroup, type Answer, type HttpClient } from './mixed-load';
import { prepareEhealth, type EhealthData } from './peer-data';

const MEMORY_TARGET_MB = 600;
/** Days ahead whose free slots are dealt out to the loops. */
const SLOT_DAYS = 62;
/** A network error counts as killed in flight when sent before the kill + this and failed within KILL_FAIL_MS of it. */
const KILL_SENT_MS = 2000;
const KILL_FAIL_MS = 5000;

const KINDS = ['chart read (history)', 'chart read (record)', 'dashboard', 'booking', 'cancellation', 'charting', 'sign-in'] as const;
type Kind = (typeof KINDS)[number];
/** Weights in percent; the two chart reads share 35 %. */
const WEIGHTS: Array<[Kind, number]> = [
  ['chart read (history)', 25], ['chart read (record)', 10], ['dashboard', 10], ['booking', 20], ['cancellation', 10], ['charting', 15], ['sign-in', 10],
];

interface Slot { doctorId: number; start: string }
interface LoopPlan { slots: Slot[]; patients: number[]; nextPatient: number; cancellable: number[] }

/** Everything a run remembers to check afterwards. */
interface Ledger {
  /** Appointment id → the status it must have (undefined: pending or cancelled, a cancellation got no answer). */
  booked: Map<number, 'pending' | 'cancelled' | undefined>;
  /** Record id → the marker written into it. */
  records: Map<number, string>;
  tokens: Array<{ token: string; userId: number }>;
  /** X-Request-Id of every chart read answered 2xx. */
  chartReads: string[];
  chartReadsWithoutId: number;
  slotsRanOut: number;
}

/** The setup the bench adds to peer-data's: working hours for every doctor, the linked patients, the large-seed patients. */
async function extraSetup(data: EhealthData): Promise<{ largePatients: number[]; linkedPatients: number[]; maxRecordId: number; hoursAdded: number }> {
  useDatabase(data.sqliteFile ? openSqlite(data.sqliteFile) : await openMysql(data.url));
  try {
    let hoursAdded = 0;
    for (const d of await listUsersByRole('doctor', 1000)) {
      if ((await listWorkingHours(d.id)).length) continue;
      await replaceWorkingHours(d.id, [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60 })));
      hoursAdded++;
    }
    const largePatients = (await listUsersByRole('patient', 100_000)).filter((u) => u.email === null && u.isActive).map((u) => u.id);
    const now = Date.now();
    const appts = await listDoctorAppointments(data.doctorId, new Date(now - 400 * 86_400_000), new Date(now + 400 * 86_400_000));
    const linkedPatients = [...new Set([data.heavyPatientId, ...appts.map((a) => a.patientId)])];
    return { largePatients, linkedPatients, maxRecordId: (await maxIds()).record, hoursAdded };
  } finally {
    await closeDatabase();
  }
}

/** Every free slot of the bookable doctors from tomorrow for SLOT_DAYS days, dealt out to `loops` loops. */
async function planSlots(http: HttpClient, adminToken: string, loops: number): Promise<{ plans: Array<Pick<LoopPlan, 'slots'>>; doctors: number; slots: number }> {
  const list = await http.request('GET', '/api/doctors/?page_size=100', { token: adminToken });
  if (list.status !== 200) throw new Error(`GET /api/doctors/ answered ${list.status}: ${list.body.slice(0, 300)}`);
  const doctors = (JSON.parse(list.body) as { results: Array<{ id: number }> }).results.map((d) => d.id);
  if (!doctors.length) throw new Error('no bookable doctors');
  const plans = Array.from({ length: loops }, () => ({ slots: [] as Slot[] }));
  const first = addDays(clinicToday(), 1);
  let total = 0;
  for (const [di, doctorId] of doctors.entries()) {
    // The loops that book this doctor, each on its own days.
    const mine = plans.filter((_, i) => i % doctors.length === di);
    if (!mine.length) continue;
    for (let off = 0; off < SLOT_DAYS; off += 31) {
      const from = addDays(first, off);
      const to = addDays(first, Math.min(SLOT_DAYS, off + 31) - 1);
      const a = await http.request('GET', `/api/doctors/${doctorId}/slots/?from=${from}&to=${to}`, { token: adminToken });
      if (a.status !== 200) throw new Error(`GET slots of doctor ${doctorId} answered ${a.status}: ${a.body.slice(0, 300)}`);
      for (const s of (JSON.parse(a.body) as { results: Array<{ start: string }> }).results) {
        const day = Math.round((Date.parse(s.start.slice(0, 10)) - Date.parse(first)) / 86_400_000);
        mine[day % mine.length].slots.push({ doctorId, start: s.start });
        total++;
      }
    }
  }
  return { plans, doctors: doctors.length, slots: total };
}

/** Runs `fn` over `items` with at most `n` at a time. */
async function eachLimited<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/** The chart.view request ids in the stopped server's database. */
async function auditedRequestIds(data: EhealthData): Promise<{ ids: Set<string>; rows: number }> {
  const sql = "SELECT request_id FROM audit_events WHERE action = 'chart.view' AND request_id IS NOT NULL";
  let list: Array<{ request_id: string }>;
  if (data.sqliteFile) {
    const db = new Database(data.sqliteFile);
    try {
      list = db.prepare(sql).all() as Array<{ request_id: string }>;
    } finally {
      db.close();
    }
  } else {
    const mysql = await import('mysql2/promise');
    const c = await mysql.createConnection({ uri: data.url });
    try {
      list = (await c.query(sql))[0] as Array<{ request_id: string }>;
    } finally {
      await c.end();
    }
  }
  return { ids: new Set(list.map((r) => r.request_id)), rows: list.length };
}

const mb = (kb: number) => kb / 1024;

async function runOn(ctx: BenchContext, backend: 'sqlite' | 'mysql', mysqlBase: string | undefined): Promise<void> {
  ctx.log(`-- E-Health on ${backend}`);
  const data = await prepareEhealth(ctx.log, mysqlBase);
  let app: ServerProcess | undefined;
  let http: HttpClient | undefined;
  try {
    const extra = await extraSetup(data);
    ctx.log(`working hours given to ${extra.hoursAdded} large-seed doctors; ${extra.largePatients.length} patients to book, ${extra.linkedPatients.length} linked to the demo doctor`);
    app = await startNextApp(data.url, ctx.log);
    const pgid = app.child.pid!;
    const workers = () => processGroup(pgid).filter((p) => p.ppid === pgid).map((p) => p.pid);
    ctx.log(`E-Health at ${app.url} (scripts/serve.mjs, WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? 'default'}: ${workers().length} worker(s) + primary ${pgid})`);
    http = httpClient(app.url, ctx.load.connections + 4);
    const client = http;

    const loops = ctx.load.connections;
    const slotPlan = await planSlots(client, data.adminToken, loops);
    const plans: LoopPlan[] = slotPlan.plans.map((p, i) => ({
      slots: p.slots, patients: extra.largePatients.filter((_, j) => j % loops === i), nextPatient: 0, cancellable: [],
    }));
    ctx.log(`${num(slotPlan.slots)} free slots of ${slotPlan.doctors} doctors over ${SLOT_DAYS} days, ${num(Math.min(...plans.map((p) => p.slots.length)))}+ per loop`);

    const ledger: Ledger = { booked: new Map(), records: new Map(), tokens: [], chartReads: [], chartReadsWithoutId: 0, slotsRanOut: 0 };
    let killAt = Infinity;
    /** An instant (performance.now()) in words, relative to the kill when there was one. */
    const rel = (t: number) => (Number.isFinite(killAt) ? `${((t - killAt) / 1000).toFixed(1)} s ${t < killAt ? 'before' : 'after'} the kill`.replace('-', '') : `before any kill`);
    const isKilled = (e: NetworkError) => e.startedAt <= killAt + KILL_SENT_MS && e.failedAt >= killAt && e.failedAt <= killAt + KILL_FAIL_MS;
    let seq = 0;
    const pickKind = (): Kind => {
      let r = Math.random() * 100;
      for (const [k, w] of WEIGHTS) if ((r -= w) < 0) return k;
      return 'dashboard';
    };
    const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

    /** One request of `kind` from loop `plan`, tallied in `stats` and remembered in the ledger. */
    async function once(kind: Kind, plan: LoopPlan, loopNo: number, stats: Map<Kind, KindStats>): Promise<void> {
      if (kind === 'cancellation' && !plan.cancellable.length) kind = 'booking';
      if (kind === 'booking' && !plan.slots.length) {
        ledger.slotsRanOut++;
        kind = 'chart read (history)';
      }
      const s = stats.get(kind)!;
      let cancelling: number | undefined;
      try {
        let a: Answer;
        switch (kind) {
          case 'chart read (history)': {
            const asDoctor = Math.random() < 0.5;
            const patient = asDoctor ? pick(extra.linkedPatients) : pick(extra.largePatients);
            const page = 1 + Math.floor(Math.random() * 2);
            a = await client.request('GET', `/api/medical-records/patient-history/?patient_id=${patient}&page=${page}`, { token: asDoctor ? data.doctorToken : data.adminToken });
            break;
          }
          case 'chart read (record)':
            a = await client.request('GET', `/api/medical-records/${1 + Math.floor(Math.random() * extra.maxRecordId)}/`, { token: data.adminToken });
            break;
          case 'dashboard':
            a = await client.request('GET', '/api/dashboard/stats/', { token: data.adminToken });
            break;
          case 'booking': {
            const slot = plan.slots.shift()!;
            const patient = plan.patients[plan.nextPatient++ % plan.patients.length];
            a = await client.request('POST', '/api/appointments/', {
              token: data.adminToken, body: { doctor_id: slot.doctorId, patient_id: patient, date_time: slot.start, reason: 'Check-up (mixed load)' },
            });
            if (a.status === 201 || a.status === 200) {
              const id = (JSON.parse(a.body) as { id: number }).id;
              ledger.booked.set(id, 'pending');
              plan.cancellable.push(id);
            }
            break;
          }
          case 'cancellation': {
            cancelling = plan.cancellable.splice(Math.floor(Math.random() * plan.cancellable.length), 1)[0];
            a = await client.request('POST', `/api/appointments/${cancelling}/cancel/`, { token: data.adminToken, body: { reason: 'Mixed load: patient asked to cancel' } });
            if (a.status >= 200 && a.status < 300) ledger.booked.set(cancelling, 'cancelled');
            else ledger.booked.set(cancelling, undefined);
            break;
          }
          case 'charting': {
            const marker = `mixed-${loopNo}-${++seq}-${Date.now().toString(36)}`;
            a = await client.request('POST', '/api/medical-records/', {
              token: data.doctorToken,
              body: {
                patient_id: pick(extra.linkedPatients), symptoms: `Cough and fever for three days (${marker})`,
                diagnoses: [{ system: 'ICD-10', code: 'J06.9' }], vital_signs: { systolic_mmhg: 124, diastolic_mmhg: 82, temperature_c: 37.9 },
                notes: 'Charted by the mixed-load benchmark.',
              },
            });
            if (a.status === 201 || a.status === 200) ledger.records.set((JSON.parse(a.body) as { id: number }).id, marker);
            break;
          }
          case 'sign-in': {
            const login = DEMO_LOGINS[seq++ % DEMO_LOGINS.length];
            a = await client.request('POST', '/api/auth/login/', { body: { email: login.email, password: login.password } });
            if (a.status === 200) {
              const b = JSON.parse(a.body) as { token: string; user: { id: number } };
              ledger.tokens.push({ token: b.token, userId: b.user.id });
            }
            break;
          }
        }
        s.answered(a, kind === 'booking');
        if (kind.startsWith('chart read') && a.status === 200) {
          if (a.requestId) ledger.chartReads.push(a.requestId);
          else ledger.chartReadsWithoutId++;
        }
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        // A cancellation without an answer may or may not have happened.
        if (cancelling !== undefined) ledger.booked.set(cancelling, undefined);
        s.failed(e, isKilled(e), (x) => `${x.code}: sent ${rel(x.startedAt)}, failed ${rel(x.failedAt)}`);
      }
    }

    /** `loops` loops for `seconds`, tallied in fresh stats. */
    async function phase(seconds: number): Promise<{ stats: Map<Kind, KindStats>; seconds: number }> {
      const stats = new Map(KINDS.map((k) => [k, new KindStats(k)] as const));
      const t0 = performance.now();
      const end = t0 + seconds * 1000;
      await Promise.all(plans.map(async (plan, i) => {
        while (performance.now() < end) await once(pickKind(), plan, i, stats);
      }));
      return { stats, seconds: (performance.now() - t0) / 1000 };
    }

    const idle = processGroup(pgid).reduce((s, p) => s + p.rssKb, 0);
    ctx.log(`memory at rest: ${num(mb(idle))} MB over ${processGroup(pgid).length} processes`);
    const sampler = memorySampler(pgid);
    if (ctx.load.warmupS > 0) {
      const w = await phase(ctx.load.warmupS);
      const bad = [...w.stats.values()].filter((s) => s.serverErrors || s.clientErrorCount || s.networkErrorCount);
      ctx.log(`warm-up ${ctx.load.warmupS} s: ${num([...w.stats.values()].reduce((n, s) => n + s.count, 0))} requests${bad.length ? `; not all well: ${bad.map((s) => `${s.kind}: ${s.samples[0] ?? [...s.networkErrors.keys()].join(',')}`).join(' | ')}` : ', all answered as expected'}`);
    }

    // The kill: one worker, at 2/3 of the measured time.
    const durationS = ctx.load.durationS;
    let killed: { pid: number; atS: number } | undefined;
    let killProblem: string | undefined;
    const before = new Set(workers());
    const t0 = performance.now();
    const killTimer = setTimeout(() => {
      const victim = workers()[0];
      if (victim === undefined || before.size < 2) {
        killProblem = `${before.size} worker(s): nothing to kill without taking the whole service down (WEB_CONCURRENCY ≥ 2 needed)`;
        return;
      }
      killAt = performance.now();
      process.kill(victim, 'SIGKILL');
      killed = { pid: victim, atS: (killAt - t0) / 1000 };
    }, (durationS * 1000 * 2) / 3);
    const measured = await phase(durationS);
    clearTimeout(killTimer);
    const mem = sampler.stop();
    const after = workers();
    const replacements = after.filter((p) => !before.has(p));

    ctx.log('');
    ctx.log(`${loops} connections, ${num(measured.seconds, 1)} s measured (load average now ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}):`);
    for (const l of kindTable([...measured.stats.values()], measured.seconds)) ctx.log(l);
    for (const s of measured.stats.values()) {
      for (const sample of s.samples) ctx.log(`  ${s.kind}: ${sample}`);
      if (s.networkErrors.size) ctx.log(`  ${s.kind}: network errors ${[...s.networkErrors].map(([k, v]) => `${k}×${v}`).join(' ')}`);
    }
    if (ledger.slotsRanOut) ctx.log(`(${ledger.slotsRanOut} bookings became history reads: a loop ran out of free slots)`);
    if (killed) {
      ctx.log(`kill -9 of worker ${killed.pid} at ${num(killed.atS, 1)} s; ${replacements.length ? `replaced by ${replacements.join(', ')}` : 'NOT replaced'}; ` +
        `${[...measured.stats.values()].reduce((n, s) => n + s.killedInFlight, 0)} request(s) killed in flight`);
    }

    // Memory.
    ctx.log('');
    ctx.log(`memory (VmRSS, sampled every second over ${mem.samples} samples): peak total ${num(mb(mem.peakTotalKb))} MB at ${num(mem.peakAtS, 0)} s`);
    for (const [pid, p] of [...mem.perProcess].sort((a, b) => a[0] - b[0])) {
      const role = pid === pgid ? 'primary' : pid === killed?.pid ? 'worker (killed)' : replacements.includes(pid) ? 'worker (replacement)' : p.ppid === pgid ? 'worker' : `child of ${p.ppid}`;
      ctx.log(`  pid ${String(pid).padStart(7)}  ${role.padEnd(22)} peak ${num(mb(p.peakKb)).padStart(5)} MB`);
    }

    // Every 2xx write read back.
    const unreadable: string[] = [];
    const note = (what: string) => {
      if (unreadable.length < 10) ctx.log(`  not readable: ${what}`);
      unreadable.push(what);
    };
    await eachLimited([...ledger.booked], 16, async ([id, expected]) => {
      const a = await client.request('GET', `/api/appointments/${id}/`, { token: data.adminToken });
      const status = a.status === 200 ? (JSON.parse(a.body) as { status: string }).status : undefined;
      if (a.status !== 200) note(`appointment ${id}: ${a.status}`);
      else if (expected ? status !== expected : status !== 'pending' && status !== 'cancelled') note(`appointment ${id}: ${status}, expected ${expected ?? 'pending or cancelled'}`);
    });
    await eachLimited([...ledger.records], 16, async ([id, marker]) => {
      const a = await client.request('GET', `/api/medical-records/${id}/`, { token: data.doctorToken });
      if (a.status !== 200 || !a.body.includes(marker)) note(`record ${id}: ${a.status}${a.status === 200 ? ' without its marker' : ''}`);
    });
    await eachLimited(ledger.tokens, 16, async ({ token, userId }) => {
      const a = await client.request('GET', `/api/users/${userId}/`, { token });
      if (a.status !== 200) note(`token of user ${userId}: ${a.status}`);
    });
    const cancelled = [...ledger.booked.values()].filter((s) => s === 'cancelled').length;
    ctx.log('');
    ctx.log(`read back: ${num(ledger.booked.size)} appointments (${num(cancelled)} cancelled), ${num(ledger.records.size)} records, ${num(ledger.tokens.length)} tokens (warm-up included)`);

    // The audit log, from the stopped server's database.
    client.close();
    http = undefined;
    await app.stop();
    app = undefined;
    const audited = await auditedRequestIds(data);
    const missing = ledger.chartReads.filter((id) => !audited.ids.has(id));
    ctx.log(`audit: ${num(ledger.chartReads.length)} chart reads answered 2xx (warm-up included), ${num(audited.rows)} chart.view rows with a request id; missing: ${num(missing.length)}${missing.length ? ` (e.g. ${missing.slice(0, 3).join(', ')})` : ''}`);

    // Verdicts.
    const all = [...measured.stats.values()];
    const errors = all.reduce((n, s) => n + s.serverErrors + s.networkErrorCount, 0);
    const unexpected4xx = all.reduce((n, s) => n + s.clientErrorCount, 0);
    const peakMb = mb(mem.peakTotalKb);
    const verdict = (ok: boolean, line: string, enforce = true) => {
      if (ok) ctx.log(`PASS ${line}`);
      else if (enforce) ctx.fail(`FAIL ${line}`);
      else ctx.log(`MISS ${line} (printed, not enforced)`);
    };
    ctx.log('');
    verdict(errors === 0, `0 errors: ${errors} (5xx + network errors not caused by the kill)`);
    verdict(unexpected4xx === 0, `no unexpected 4xx: ${unexpected4xx} (a booking's 409 is a conflict, not counted)`);
    verdict(unreadable.length === 0, `every 2xx write readable afterwards: ${num(unreadable.length)} of ${num(ledger.booked.size + ledger.records.size + ledger.tokens.length)} not`);
    verdict(missing.length === 0 && ledger.chartReadsWithoutId === 0, `every answered chart read audited: ${num(missing.length)} of ${num(ledger.chartReads.length)} missing` +
      (ledger.chartReadsWithoutId ? `, ${ledger.chartReadsWithoutId} answered without X-Request-Id` : ''));
    verdict(!!killed && replacements.length > 0 && !killProblem, killed
      ? `kill -9 of a worker: killed ${killed.pid}, replaced by ${replacements.join(', ') || 'nothing'}`
      : `kill -9 of a worker: ${killProblem ?? 'did not happen'}`);
    verdict(peakMb < MEMORY_TARGET_MB, `peak memory of all server processes ${num(peakMb)} MB < ${MEMORY_TARGET_MB} MB`, false);
  } finally {
    http?.close();
    await app?.stop();
    await data.remove();
  }
}

const mixedCase: BenchCase = {
  name: 'mixed',
  description: 'mixed load holds: reads and writes at 32 connections, a worker killed with kill -9, writes read back, chart reads audited, memory',
  loadDefaults: { connections: 32, durationS: 60 },
  async run(ctx) {
    await runOn(ctx, 'sqlite', undefined);
    const mysqlBase = process.env.BENCH_DATABASE_URL;
    if (mysqlBase && /^(mysql|mariadb):\/\//.test(mysqlBase)) await runOn(ctx, 'mysql', mysqlBase);
    else ctx.log(`(BENCH_DATABASE_URL ${mysqlBase ? 'is not a mysql:// URL' : 'unset'}: SQLite only)`);
  },
};

export default mixedCase;
