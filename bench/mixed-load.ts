/**
 * Helpers of the mixed-load case (bench/mixed.bench.ts): a keep-alive HTTP client that never retries,
 * per-kind tallies with exact latency percentiles, and the memory and processes of a server's process
 * group read from /proc (Linux only).
 */
import fs from 'node:fs';
import http from 'node:http';
import { formatNumber as num, percentile } from './lib';

// ---------------------------------------------------------------- HTTP

/** One answer: status, body text, the `X-Request-Id` header, milliseconds from send to the last byte. */
export interface Answer {
  status: number;
  body: string;
  requestId: string | undefined;
  ms: number;
}

/** A request that got no answer (reset, refused, timeout): its error code and when it was sent and failed (ms, performance.now()). */
export class NetworkError extends Error {
  constructor(readonly code: string, readonly startedAt: number, readonly failedAt: number) {
    super(`network error ${code}`);
  }
}

/** A client for one base URL (127.0.0.1 only) with up to `sockets` keep-alive connections; no retries. */
export function httpClient(baseUrl: string, sockets: number) {
  const base = new URL(baseUrl);
  if (base.hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1 (${base.hostname})`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, keepAliveMsecs: 1000 });
  /**
   * Sends `method path` with an optional bearer `token` and JSON `body`; resolves with the answer,
   * rejects with a NetworkError when there is none within `timeoutMs` (default 30 s).
   */
  function request(method: string, path: string, opts: { token?: string; body?: unknown; timeoutMs?: number } = {}): Promise<Answer> {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const startedAt = performance.now();
    return new Promise<Answer>((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        const code = (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
        reject(new NetworkError(code, startedAt, performance.now()));
      };
      const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          const rid = res.headers['x-request-id'];
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), requestId: Array.isArray(rid) ? rid[0] : rid, ms: performance.now() - startedAt });
        });
      });
      req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', fail);
      req.end(payload);
    });
  }
  return { request, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof httpClient>;

// ---------------------------------------------------------------- tallies

/** What happened to the requests of one kind. */
export class KindStats {
  count = 0;
  ok = 0;
  /** 409 answers where a clash is a legitimate answer (two bookings racing for one time). */
  conflicts = 0;
  /** Other 4xx answers by status. */
  readonly clientErrors = new Map<number, number>();
  serverErrors = 0;
  /** Network errors of requests in flight when a worker was killed. */
  killedInFlight = 0;
  /** Other network errors by code. */
  readonly networkErrors = new Map<string, number>();
  /** Latencies (ms) of every answered request. */
  readonly latencies: number[] = [];
  /** A few bodies of unexpected answers, for the report. */
  readonly samples: string[] = [];

  constructor(readonly kind: string) {}

  /** Counts an answer; `conflictOk` makes a 409 a conflict rather than a client error. */
  answered(a: Answer, conflictOk = false): void {
    this.count++;
    this.latencies.push(a.ms);
    if (a.status >= 200 && a.status < 300) this.ok++;
    else if (a.status === 409 && conflictOk) this.conflicts++;
    else {
      if (a.status >= 500) this.serverErrors++;
      else this.clientErrors.set(a.status, (this.clientErrors.get(a.status) ?? 0) + 1);
      if (this.samples.length < 3) this.samples.push(`${a.status} ${a.body.slice(0, 300)}`);
    }
  }

  /** Counts a request without an answer, as killed in flight or as an error (`describe` words a sample of it). */
  failed(e: NetworkError, killedInFlight: boolean, describe?: (e: NetworkError) => string): void {
    this.count++;
    if (killedInFlight) this.killedInFlight++;
    else {
      this.networkErrors.set(e.code, (this.networkErrors.get(e.code) ?? 0) + 1);
      if (this.samples.length < 3) this.samples.push(describe ? describe(e) : e.code);
    }
  }

  get clientErrorCount(): number {
    return [...this.clientErrors.values()].reduce((s, n) => s + n, 0);
  }

  get networkErrorCount(): number {
    return [...this.networkErrors.values()].reduce((s, n) => s + n, 0);
  }

  percentiles(): { p50: number; p95: number; p99: number } {
    const sorted = Float64Array.from(this.latencies).sort();
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
  }
}

/** A fixed-width table: one row per kind and a total. */
export function kindTable(stats: KindStats[], seconds: number): string[] {
  const head = ['kind', 'requests', 'req/s', '2xx', 'conflict', '4xx', '5xx', 'net err', 'killed', 'p50 ms', 'p95 ms', 'p99 ms'];
  const total = new KindStats('all');
  for (const s of stats) {
    total.count += s.count;
    total.ok += s.ok;
    total.conflicts += s.conflicts;
    for (const [k, v] of s.clientErrors) total.clientErrors.set(k, (total.clientErrors.get(k) ?? 0) + v);
    total.serverErrors += s.serverErrors;
    total.killedInFlight += s.killedInFlight;
    for (const [k, v] of s.networkErrors) total.networkErrors.set(k, (total.networkErrors.get(k) ?? 0) + v);
    for (const l of s.latencies) total.latencies.push(l);
  }
  const row = (s: KindStats) => {
    const p = s.percentiles();
    const c4 = s.clientErrors.size ? `${s.clientErrorCount} (${[...s.clientErrors].map(([k, v]) => `${k}×${v}`).join(' ')})` : '0';
    return [s.kind, num(s.count), num(s.count / seconds, 1), num(s.ok), num(s.conflicts), c4, num(s.serverErrors), num(s.networkErrorCount), num(s.killedInFlight), num(p.p50, 1), num(p.p95, 1), num(p.p99, 1)];
  };
  const body = [...stats.map(row), row(total)];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head), rule, ...body.slice(0, -1).map(line), rule, line(body[body.length - 1])];
}

// ---------------------------------------------------------------- processes and memory

/** A process of a group: pid, parent pid, resident memory (kB). */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  rssKb: number;
}

/** `/proc/<pid>/stat` → parent pid and process group (fields 4 and 5; the name in parentheses may hold spaces). */
function statOf(pid: number): { ppid: number; pgrp: number } | undefined {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), pgrp: Number(f[2]) };
  } catch {
    return undefined;
  }
}

/** VmRSS of `pid` in kB (0 when gone or a zombie). */
function rssKbOf(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Every live process of process group `pgid` (the leader and all its descendants that kept the group), with its RSS. */
export function processGroup(pgid: number): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const st = statOf(pid);
    if (st?.pgrp !== pgid) continue;
    const rssKb = rssKbOf(pid);
    if (rssKb > 0) out.push({ pid, ppid: st.ppid, rssKb });
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/** Samples a process group's memory every `everyMs`: the peak of the sum, and each process's peak. */
export function memorySampler(pgid: number, everyMs = 1000) {
  let peakTotalKb = 0;
  let peakAt = 0;
  let samples = 0;
  const perProcess = new Map<number, { ppid: number; peakKb: number }>();
  const t0 = performance.now();
  const sample = () => {
    const group = processGroup(pgid);
    if (!group.length) return;
    samples++;
    const total = group.reduce((s, p) => s + p.rssKb, 0);
    if (total > peakTotalKb) {
      peakTotalKb = total;
      peakAt = (performance.now() - t0) / 1000;
    }
    for (const p of group) {
      const e = perProcess.get(p.pid);
      if (!e) perProcess.set(p.pid, { ppid: p.ppid, peakKb: p.rssKb });
      else e.peakKb = Math.max(e.peakKb, p.rssKb);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    /** Stops sampling (after one last sample) and returns the peaks. */
    stop() {
      sample();
      clearInterval(timer);
      return { peakTotalKb, peakAtS: peakAt, samples, perProcess };
    },
  };
}
