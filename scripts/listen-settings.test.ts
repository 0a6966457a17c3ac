/**
 * `npm start` stops before it builds or touches the database when its listening settings are wrong or
 * the port is taken (a second `npm start` once rebuilt `.next/` under a running server and then hung
 * on EADDRINUSE). Runs the real scripts/start.mjs in a child process.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-start-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs start.mjs with `env`; resolves with its exit code and output (kills it after 20 s: then code null). */
function start(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      detached: true,
      env: {
        NODE_ENV: 'production',
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmp,
        NEXTAUTH_SECRET: 'test-only',
        SKIP_BUILD: '1',
        DATABASE_URL: `file:${path.join(tmp, 'never.sqlite')}`,
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { out += b.toString(); });
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('npm start checks its listening settings first', () => {
  it.each([['abc'], ['0'], ['99999'], ['80.5']])('PORT=%s: exits 1 with a clear message, touching nothing', async (port) => {
    const r = await start({ PORT: port });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`PORT must be a port number from 1 to 65535, got "${port}"`);
    expect(fs.existsSync(path.join(tmp, 'never.sqlite'))).toBe(false);
  });

  it.each([['0'], ['abc'], ['1e1'], ['65']])('WEB_CONCURRENCY=%s: exits 1 with a clear message', async (n) => {
    const r = await start({ PORT: '3999', WEB_CONCURRENCY: n });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`WEB_CONCURRENCY must be a whole number from 1 to 64, got "${n}"`);
  });

  it('a port something already listens on: exits 1 saying so, before building or migrating', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', () => resolve()));
    const port = (squatter.address() as net.AddressInfo).port;
    try {
      const r = await start({ PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.out).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(r.out).not.toContain('Building');
      expect(fs.existsSync(path.join(tmp, 'never.sqlite'))).toBe(false);
    } finally {
      squatter.close();
    }
  });
});
