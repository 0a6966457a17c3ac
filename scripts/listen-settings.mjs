// The server's listening settings from the environment, checked the same way by `npm start` (before it
// builds or touches the database) and by scripts/serve.mjs. Each exits with a clear message on a bad value.
import net from 'node:net';
import os from 'node:os';

/** PORT (default 3000) as a port number; exits 1 with a message when it is not one (1–65535). */
export function listenPort(env = process.env) {
  const raw = env.PORT ?? '3000';
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < 1 || n > 65535) {
    console.error(`PORT must be a port number from 1 to 65535, got "${raw}".`);
    process.exit(1);
  }
  return n;
}

/** HOST (default 0.0.0.0, every interface). */
export function listenHost(env = process.env) {
  return env.HOST ?? '0.0.0.0';
}

/** Server processes: WEB_CONCURRENCY when set (a whole number from 1 to 64), else the usable CPU cores; exits 1 on a bad value. */
export function workerCount(env = process.env) {
  const raw = env.WEB_CONCURRENCY;
  if (raw === undefined || raw.trim() === '') return Math.max(1, os.availableParallelism());
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < 1 || n > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64, got "${raw}".`);
    process.exit(1);
  }
  return n;
}

/** The message for a port something else already listens on. */
export function portInUseMessage(port, host) {
  return `Port ${port} on ${host} is already in use: is E-Health (or another server) already running? Stop it, or set PORT.`;
}

/** Resolves when nothing listens on `host:port`; exits 1 with a message when something does (before anything is built or changed). */
export async function assertPortFree(port, host) {
  await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (e) => {
      if (e.code === 'EADDRINUSE') {
        console.error(`${portInUseMessage(port, host)} Nothing was built or changed.`);
        process.exit(1);
      }
      resolve(); // anything else (no such address…) is for the server to report when it listens
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
