#!/usr/bin/env node
// Serves the built app (`npm run build` first) on HOST:PORT (default 0.0.0.0:3000).
//
// Several processes: a small primary forks WEB_CONCURRENCY workers (default: one per CPU core the
// process may use, os.availableParallelism()), each running Next's request handler; they share the
// listening socket (node:cluster hands connections out round-robin). With SQLite every worker opens
// the same WAL database: readers never wait, writers take the write lock one at a time
// (`BEGIN IMMEDIATE`, waited for without blocking the event loop: db/sqlite-gate.ts). Everything that
// must hold across requests lives in the database (sessions, API tokens, rate-limit counters, audit
// log), so it does not matter which worker answers. A worker that dies is replaced.
//
// A thin server around Next's request handler, so the client address used for sign-in rate limits
// and the audit log comes from the socket: a client-sent X-Forwarded-For is dropped unless
// TRUST_PROXY=1 (the app runs behind our own reverse proxy, which sets it).
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { SECURITY_HEADERS } from '../core/security-headers.mjs';
import { listenHost, listenPort, portInUseMessage, workerCount } from './listen-settings.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV = 'production';
const port = listenPort();
const hostname = listenHost();
const trustProxy = process.env.TRUST_PROXY === '1';
const shown = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`;

// The health probe, answered before Next's router with the answer the app registered at start
// (instrumentation.ts → lib/health/health-answer.ts `healthAnswer`): the same status and body as the
// route handler, with the API's headers. Anything but a plain GET of this exact path goes to Next.
const HEALTH_PATHS = new Set(['/api/health-check/', '/api/health-check']);
const SECURITY = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));
async function answerHealth(healthAnswer, res) {
  const { status, body } = await healthAnswer();
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY,
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-request-id': crypto.randomUUID(),
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

async function serveWorker() {
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    if (!trustProxy) delete req.headers['x-forwarded-for'];
    if (req.method === 'GET' && HEALTH_PATHS.has(req.url) && globalThis.__ehealthHealthAnswer) {
      answerHealth(globalThis.__ehealthHealthAnswer, res);
      return;
    }
    handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.on('error', (e) => {
    // Before listening (the port is taken, or not ours to bind): say so plainly and stop; the primary
    // sees a worker that never served and stops too.
    console.error(e.code === 'EADDRINUSE' ? portInUseMessage(port, hostname) : `Cannot listen on ${hostname}:${port}: ${e.message}`);
    process.exit(STARTUP_FAILURE);
  });
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`E-Health is serving on ${shown} (1 process)`);
    else process.send?.({ type: 'ehealth:listening' });
  });
  const stop = () => server.close(() => process.exit(0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, stop);
  // In a cluster the primary asks for a graceful stop with 'disconnect'.
  process.on('disconnect', stop);
}

/** A worker's exit code when it could not start serving (the primary then stops instead of replacing it). */
const STARTUP_FAILURE = 3;

function servePrimary(n) {
  let listening = 0;
  let stopping = false;
  let everServed = false;
  let failedStarts = 0;
  const recentExits = [];
  // Workers run this file, not the script that imported it: under `npm start` that is start.mjs, whose
  // build check (NODE_ENV is 'production' here, so the fingerprint differs) and boot.ts must not run
  // again in every worker.
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: [] });
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m) => {
      if (m?.type !== 'ehealth:listening') return;
      w.served = true;
      everServed = true;
      failedStarts = 0;
      if (++listening === n) console.log(`E-Health is serving on ${shown} (${n} processes)`);
    });
    return w;
  };
  for (let i = 0; i < n; i++) fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    // A worker that could not start (port taken, broken build or settings): stop, it would fail again.
    // One that served and died (killed, out of memory) is always replaced, at once unless workers die
    // often, then after a pause of up to 5 s so a crash loop does not spin.
    if (!w.served && (code === STARTUP_FAILURE || (!everServed && ++failedStarts >= 3))) {
      console.error('A server process could not start; stopping. See the error above.');
      stop(1);
      return;
    }
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length && now - recentExits[0] > 60_000) recentExits.shift();
    const pause = recentExits.length > 2 * n ? Math.min(5_000, 250 * (recentExits.length - 2 * n)) : 0;
    console.error(`Worker ${w.process.pid} exited (${signal ?? code}); starting another${pause ? ` in ${pause} ms` : ''}.`);
    setTimeout(() => { if (!stopping) fork(); }, pause);
  });
  function stop(exitCode = 0) {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    let left = workers.length;
    if (!left) process.exit(exitCode);
    for (const w of workers) {
      w.once('exit', () => --left === 0 && process.exit(exitCode));
      w.disconnect();
    }
    setTimeout(() => process.exit(exitCode), 10_000).unref();
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(0));
}

const n = workerCount();
if (cluster.isPrimary && n > 1) servePrimary(n);
else await serveWorker();
