/**
 * Load from wrk (the peer comparison's tool, as /work/shared/peers/side-by-side.sh uses it): a warm-up
 * run, then a measured run with the peer's Lua report script, which prints one `RESULT …` line with
 * requests/s, latency percentiles, non-2xx answers and socket errors. 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import type { Measurement } from './lib';

export interface WrkOptions {
  connections: number;
  /** wrk threads (default 2, at most `connections`). */
  threads?: number;
  durationS: number;
  warmupS: number;
  /** Path of the report script (prints the `RESULT` line). */
  lua: string;
  headers?: Record<string, string>;
}

/** A wrk measurement: the shared `Measurement` (errors = socket errors) plus the slowest request. */
export interface WrkMeasurement extends Measurement {
  maxMs: number;
}

/** Runs `wrk` with `args`; resolves with its stdout, rejects on a non-zero exit (with stderr). */
function wrk(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: the servers under test are our children, and their pipes must keep draining.
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString('utf8'); });
    child.stderr.on('data', (b: Buffer) => { err += b.toString('utf8'); });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code ?? signal}: ${err || out}`))));
  });
}

/** `name=value` pairs of the Lua script's `RESULT` line (numbers). */
export function parseWrkResult(stdout: string): Record<string, number> {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk printed no RESULT line:\n${stdout}`);
  const out: Record<string, number> = {};
  for (const pair of line.slice('RESULT '.length).trim().split(/\s+/)) {
    const [k, v] = pair.split('=');
    out[k] = Number(v);
  }
  return out;
}

/**
 * Warm-up (`warmupS`, unmeasured) then `durationS` of wrk load on `url` (127.0.0.1 only) with the
 * request `headers`; requests/s, p50/p95/p99/max latency in ms, non-2xx answers and socket errors
 * (connect, read, write, timeout; 10 s timeout).
 */
export async function measureWrk(label: string, url: string, opts: WrkOptions): Promise<WrkMeasurement> {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1 (${u.hostname})`);
  const threads = Math.max(1, Math.min(opts.threads ?? 2, opts.connections));
  const hdr = Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const common = [`-t${threads}`, `-c${opts.connections}`, ...hdr];
  if (opts.warmupS > 0) await wrk([...common, `-d${opts.warmupS}s`, url]);
  const r = parseWrkResult(await wrk([...common, `-d${opts.durationS}s`, '--timeout', '10s', '-s', opts.lua, url]));
  return {
    label,
    requestsPerSecond: r.rps,
    p50Ms: r.p50_ms,
    p95Ms: r.p95_ms,
    p99Ms: r.p99_ms,
    maxMs: r.max_ms,
    requests: r.requests,
    non2xx: r.non2xx,
    errors: r.sockerr,
  };
}
