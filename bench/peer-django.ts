/**
 * The Django + DRF peer (../shared/peers/django-seed beside the project, PEER_DIR overrides) run as its README says:
 * Debian's python3-django, python3-djangorestframework, gunicorn and wrk (installed with apt-get when
 * missing), the folder copied to a temp dir (the shared one is read-only in CI), `manage.py migrate`,
 * `manage.py seed` with the sizes of the README, then `gunicorn -w 2` (sync workers) on a free port in
 * its own process group. Its code is only read and run, never copied into the project.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, freePort, spawnServer, waitForHttp, type ServerProcess } from './lib';

export const PEER_DIR = process.env.PEER_DIR ?? path.resolve(ROOT, '..', 'shared', 'peers', 'django-seed');
/** Debian's Python (the pyenv `python3` on PATH has no Django). */
const PYTHON = '/usr/bin/python3';
/** The Debian packages the peer and the load need, and a command each provides. */
const PACKAGES: Array<{ pkg: string; check: () => boolean }> = [
  { pkg: 'python3-django', check: () => spawnSync(PYTHON, ['-c', 'import django'], { stdio: 'ignore' }).status === 0 },
  { pkg: 'python3-djangorestframework', check: () => spawnSync(PYTHON, ['-c', 'import rest_framework'], { stdio: 'ignore' }).status === 0 },
  { pkg: 'gunicorn', check: () => fs.existsSync('/usr/bin/gunicorn') },
  { pkg: 'wrk', check: () => spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0 },
];

/** The peer's seed sizes (its README's, and `npm run bench -- peer`'s for E-Health). */
export const PEER_SEED = { patients: 1000, doctors: 10, appointments: 20_000, records: 20_000 };

export interface PeerServer {
  server: ServerProcess;
  /** The temp copy (seeded database, seed_output.json, bench/wrk_report.lua). */
  dir: string;
  adminToken: string;
  doctorToken: string;
  heavyPatientId: number;
  heavyRecords: number;
  remove(): void;
}

/** Installs whichever of the peer's Debian packages is missing (`apt-get install -y`); throws when that fails. */
export function ensurePeerPackages(log: (line: string) => void): void {
  const missing = PACKAGES.filter((p) => !(p.check() && spawnSync('dpkg', ['-s', p.pkg], { stdio: 'ignore' }).status === 0)).map((p) => p.pkg);
  if (!missing.length) return;
  log(`installing ${missing.join(', ')} (apt-get install -y)…`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const cmd = [...sudo, 'apt-get', 'install', '-y', ...missing];
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) throw new Error(`\`${cmd.join(' ')}\` failed (exit ${r.status ?? r.signal}); install them by hand`);
  const still = PACKAGES.filter((p) => !p.check()).map((p) => p.pkg);
  if (still.length) throw new Error(`still missing after apt-get: ${still.join(', ')}`);
}

function run(dir: string, args: string[]): string {
  const r = spawnSync(PYTHON, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  if (r.status !== 0) throw new Error(`${PYTHON} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Copies, migrates and seeds the peer, then serves it with gunicorn (2 sync workers) on a free 127.0.0.1 port. */
export async function startPeer(log: (line: string) => void): Promise<PeerServer> {
  ensurePeerPackages(log);
  if (!fs.existsSync(path.join(PEER_DIR, 'manage.py'))) throw new Error(`no peer at ${PEER_DIR} (manage.py missing)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-peer-'));
  const remove = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    const dir = path.join(tmp, 'django-seed');
    fs.cpSync(PEER_DIR, dir, { recursive: true });
    // The shared copy is read-only: make ours writable (database, seed_output.json).
    spawnSync('chmod', ['-R', 'u+w', dir]);
    fs.rmSync(path.join(dir, 'db.sqlite3'), { force: true });
    fs.rmSync(path.join(dir, 'seed_output.json'), { force: true });
    const started = performance.now();
    run(dir, ['manage.py', 'migrate', '--noinput']);
    run(dir, ['manage.py', 'seed', '--patients', String(PEER_SEED.patients), '--doctors', String(PEER_SEED.doctors),
      '--appointments', String(PEER_SEED.appointments), '--records', String(PEER_SEED.records)]);
    const seed = JSON.parse(fs.readFileSync(path.join(dir, 'seed_output.json'), 'utf8')) as {
      logins: Record<'admin' | 'doctor', { token: string }>;
      heavy_patient: { id: number; records: number };
    };
    log(`peer migrated and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir})`);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = spawnServer('/usr/bin/gunicorn', ['--chdir', dir, '-w', '2', '-b', `127.0.0.1:${port}`, 'ehealth.wsgi'],
      { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, url);
    await waitForHttp(server, `${url}/api/health-check/`);
    return {
      server, dir,
      adminToken: seed.logins.admin.token, doctorToken: seed.logins.doctor.token,
      heavyPatientId: seed.heavy_patient.id, heavyRecords: seed.heavy_patient.records,
      remove,
    };
  } catch (e) {
    remove();
    throw e;
  }
}
