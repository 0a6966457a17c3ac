// Does `npm start` need a fresh `next build`? A build's fingerprint is one SHA-256 over the contents of
// every file that can change the built app (sources, public files, root config, the dependency lock
// and the installed tree's lock) plus the build settings (Node version, NODE_ENV, NEXT_PUBLIC_*
// variables from the environment and from the .env files Next reads). It is written into .next after a
// successful build, so a deleted or half-written .next also means "build".
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where the last successful build's fingerprint lives (inside .next: removing .next forgets it). */
export const FINGERPRINT_FILE = path.join('.next', 'ehealth-build-fingerprint.json');

// Bump when what goes into the fingerprint changes, so an old file never matches.
const FORMAT = 2;
// Tracked paths that cannot change the build: tests, end-to-end specs, benchmarks, CI, docs, scripts.
const IGNORED_DIRS = ['e2e/', 'bench/', '.ci/', 'scripts/'];
const IGNORED_FILE = /(\.test\.tsx?|\.md)$/;
// Outside a git checkout: these folders and the root's files (not its dot-files) are walked.
const WALKED_DIRS = ['app', 'components', 'lib', 'db', 'core', 'public'];
const SKIPPED_WHILE_WALKING = new Set(['node_modules', '.next', '.git']);
// Read by `next build` for NEXT_PUBLIC_* values (later ones win, as in Next).
const ENV_FILES = ['.env', '.env.production', '.env.local', '.env.production.local'];
// Installed packages: npm rewrites this file on every install, so it follows the real node_modules.
const INSTALLED_LOCK = path.join('node_modules', '.package-lock.json');

/**
 * The files, relative to `root` with forward slashes and sorted, whose contents make up the build:
 * in a git checkout the tracked and the untracked-but-not-ignored files (a new page counts before it
 * is committed), else a walk of the source folders and the root's files; minus IGNORED_DIRS/FILE.
 */
export function listBuildInputs(root) {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  let files;
  if (git.status === 0 && fs.existsSync(path.join(root, '.git'))) {
    files = git.stdout.split('\0').filter(Boolean);
  } else {
    files = [];
    for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
      if (entry.isFile() && !entry.name.startsWith('.')) files.push(entry.name);
    }
    const walk = (rel) => {
      for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
        if (SKIPPED_WHILE_WALKING.has(entry.name)) continue;
        const child = `${rel}/${entry.name}`;
        if (entry.isDirectory()) walk(child);
        else if (entry.isFile()) files.push(child);
      }
    };
    for (const dir of WALKED_DIRS) if (fs.existsSync(path.join(root, dir))) walk(dir);
  }
  return [...new Set(files)]
    .filter((f) => !IGNORED_DIRS.some((d) => f.startsWith(d)) && !IGNORED_FILE.test(f))
    .sort();
}

/** The NEXT_PUBLIC_* settings a build would inline: from the .env files under `root`, then `env` (which wins). */
function publicSettings(root, env) {
  const out = {};
  for (const name of ENV_FILES) {
    const file = path.join(root, name);
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = /^\s*(?:export\s+)?(NEXT_PUBLIC_[A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (m) out[m[1]] = m[2];
    }
  }
  for (const [k, v] of Object.entries(env)) if (k.startsWith('NEXT_PUBLIC_')) out[k] = v;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The fingerprint of the build `root` would produce now: `{ hash, files }` (hex SHA-256, number of
 * input files). `env` (default process.env) gives NODE_ENV and NEXT_PUBLIC_*; `nodeVersion` defaults
 * to this process's. Missing files (deleted but still tracked) count as missing, never throw.
 */
export function computeFingerprint(root, { env = process.env, nodeVersion = process.version } = {}) {
  const h = crypto.createHash('sha256');
  const settings = { format: FORMAT, node: nodeVersion, nodeEnv: env.NODE_ENV ?? '', public: publicSettings(root, env) };
  h.update(JSON.stringify(settings));
  const files = [...listBuildInputs(root), INSTALLED_LOCK];
  for (const rel of files) {
    h.update(`\0${rel}\0`);
    try {
      h.update(crypto.createHash('sha256').update(fs.readFileSync(path.join(root, rel))).digest());
    } catch {
      h.update('missing');
    }
  }
  return { hash: h.digest('hex'), files: files.length };
}

/**
 * Whether `root` needs `next build` for `fingerprint` (a computeFingerprint result): `{ needed, reason }`.
 * Needed when .next/BUILD_ID or the fingerprint file is missing or unreadable, or the recorded hash differs.
 */
export function buildNeeded(root, fingerprint) {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return { needed: true, reason: 'no build yet' };
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(path.join(root, FINGERPRINT_FILE), 'utf8'));
  } catch {
    return { needed: true, reason: 'the last build was not made by npm start' };
  }
  if (recorded?.hash !== fingerprint.hash) return { needed: true, reason: 'sources, dependencies or build settings changed' };
  return { needed: false, reason: `built ${recorded.builtAt ?? 'earlier'}, nothing changed since` };
}

/** Records `fingerprint` as that of the build just made in `root/.next` (call only after a successful build). */
export function recordBuild(root, fingerprint, now = new Date()) {
  const file = path.join(root, FINGERPRINT_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ hash: fingerprint.hash, files: fingerprint.files, builtAt: now.toISOString() })}\n`);
}
