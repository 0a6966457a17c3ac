/**
 * `npm run bench [-- <case>…] [--duration 10] [--warmup 2] [--connections 10] [--list]`
 *
 * Runs every benchmark case found in `bench/*.bench.ts` (each default-exports a `BenchCase`, or an
 * array of them), one after the other, or only the named ones. A flag not given takes the case's own
 * default (`loadDefaults`, e.g. the peer comparison's 32 connections), else the global one. Servers run in their own process
 * groups and are killed at the end, on errors and on Ctrl-C. Exits 1 if a case failed or could not
 * measure what it should.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, stopAll, type BenchCase, type LoadOptions } from './lib';

async function loadCases(): Promise<BenchCase[]> {
  const dir = path.join(ROOT, 'bench');
  const out: BenchCase[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    const mod = (await import(path.join(dir, file))) as { default?: unknown };
    let exp = mod.default;
    // CommonJS interop can wrap the default export once more.
    if (exp && typeof exp === 'object' && !Array.isArray(exp) && !('run' in exp) && 'default' in exp) exp = (exp as { default: unknown }).default;
    for (const c of Array.isArray(exp) ? exp : [exp]) {
      if (!c || typeof (c as BenchCase).run !== 'function') throw new Error(`bench/${file}: default export is not a BenchCase`);
      out.push(c as BenchCase);
    }
  }
  return out;
}

function positive(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return n;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' }, list: { type: 'boolean' } },
    allowPositionals: true,
  });
  /** The load for a case: the flags given, else the case's own defaults, else 10 s, 2 s, 10 connections. */
  const loadFor = (c?: BenchCase): LoadOptions => ({
    durationS: positive('duration', values.duration, c?.loadDefaults?.durationS ?? 10),
    warmupS: positive('warmup', values.warmup, c?.loadDefaults?.warmupS ?? 2),
    connections: Math.max(1, Math.floor(positive('connections', values.connections, c?.loadDefaults?.connections ?? 10))),
  });
  const load = loadFor();
  const all = await loadCases();
  if (values.list) {
    for (const c of all) console.log(`${c.name.padEnd(20)} ${c.description}`);
    return 0;
  }
  const unknown = positionals.filter((p) => !all.some((c) => c.name === p));
  if (unknown.length) throw new Error(`unknown case(s): ${unknown.join(', ')} (have: ${all.map((c) => c.name).join(', ')})`);
  const cases = positionals.length ? all.filter((c) => positionals.includes(c.name)) : all;

  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${(await import('node:os')).cpus().length} CPUs`);
  console.log(`Load: autocannon, ${load.connections} connections, ${load.warmupS} s warm-up + ${load.durationS} s measured, 127.0.0.1 only`);
  let failed = 0;
  for (const c of cases) {
    console.log(`\n== ${c.name}: ${c.description}`);
    const caseLoad = loadFor(c);
    if (JSON.stringify(caseLoad) !== JSON.stringify(load)) {
      console.log(`  (this case's load: ${caseLoad.connections} connections, ${caseLoad.warmupS} s warm-up + ${caseLoad.durationS} s measured)`);
    }
    const failures: string[] = [];
    try {
      await c.run({
        load: caseLoad,
        log: (line) => console.log(`  ${line}`),
        fail: (message) => {
          failures.push(message);
          console.log(`  ${message}`);
        },
      });
    } catch (e) {
      failures.push(e instanceof Error ? e.message : String(e));
      console.log(`  FAILED: ${failures[failures.length - 1]}`);
    } finally {
      await stopAll();
    }
    if (failures.length) failed++;
  }
  console.log(failed ? `\n${failed} of ${cases.length} case(s) did not complete.` : `\n${cases.length} case(s) done.`);
  return failed ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

main()
  .then((code) => { process.exitCode = code; })
  .catch(async (e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    await stopAll();
    process.exitCode = 1;
  });
