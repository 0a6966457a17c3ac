/**
 * `npm start` builds only when something that makes up the build changed: the fingerprint over a
 * small project tree on disk (walked, and as a git checkout) and the decision read from `.next`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNeeded, computeFingerprint, listBuildInputs, recordBuild } from './build-fingerprint.mjs';

const ENV = { NODE_ENV: 'production' };
const NODE = 'v20.0.0';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A tiny project: sources, a public file, root config, a lock, an installed tree, a test, a doc. */
function makeProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-fp-'));
  dirs.push(root);
  const files: Record<string, string> = {
    'app/page.tsx': 'export default function Page() { return null; }\n',
    'app/page.test.ts': 'test file\n',
    'lib/x.ts': 'export const x = 1;\n',
    'public/robots.txt': 'User-agent: *\n',
    'package.json': '{"name":"p"}\n',
    'package-lock.json': '{"lockfileVersion":3,"packages":{"node_modules/next":{"version":"16.0.0"}}}\n',
    'next.config.ts': 'export default {};\n',
    'README.md': '# p\n',
    'node_modules/.package-lock.json': '{"packages":{"node_modules/next":{"version":"16.0.0"}}}\n',
    'node_modules/next/index.js': 'module.exports = {};\n',
  };
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  return root;
}
function write(root: string, rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}
const fp = (root: string, env: Record<string, string | undefined> = ENV, nodeVersion = NODE) =>
  computeFingerprint(root, { env, nodeVersion }).hash;
/** A finished build in `root`: what `next build` leaves (BUILD_ID) plus the recorded fingerprint. */
function markBuilt(root: string) {
  write(root, '.next/BUILD_ID', 'abc\n');
  recordBuild(root, computeFingerprint(root, { env: ENV, nodeVersion: NODE }));
}
const needed = (root: string) => buildNeeded(root, computeFingerprint(root, { env: ENV, nodeVersion: NODE }));

describe('the build fingerprint', () => {
  it('is the same for the same tree and settings, and for a copy of it elsewhere', () => {
    const a = makeProject();
    const b = makeProject();
    expect(fp(a)).toBe(fp(a));
    expect(fp(a)).toBe(fp(b));
  });

  it('changes with a source file, a public file, a new file, the lock, the installed tree or a root config', () => {
    const root = makeProject();
    const seen = new Set([fp(root)]);
    const change = (rel: string, text: string) => {
      write(root, rel, text);
      const h = fp(root);
      expect(seen.has(h), rel).toBe(false);
      seen.add(h);
    };
    change('lib/x.ts', 'export const x = 2;\n');
    change('public/robots.txt', 'User-agent: bot\n');
    change('components/new.tsx', 'export {};\n');
    change('package-lock.json', '{"lockfileVersion":3,"packages":{"node_modules/next":{"version":"16.0.1"}}}\n');
    change('node_modules/.package-lock.json', '{"packages":{"node_modules/next":{"version":"16.0.1"}}}\n');
    change('next.config.ts', 'export default { poweredByHeader: false };\n');
  });

  it('changes with the Node version, NODE_ENV and NEXT_PUBLIC_* settings (environment or .env file), not with other variables', () => {
    const root = makeProject();
    const base = fp(root);
    expect(fp(root, ENV, 'v22.0.0')).not.toBe(base);
    expect(fp(root, { NODE_ENV: 'development' })).not.toBe(base);
    expect(fp(root, { ...ENV, NEXT_PUBLIC_CLINIC: 'A' })).not.toBe(base);
    expect(fp(root, { ...ENV, DATABASE_URL: 'file:other.sqlite', NEXTAUTH_SECRET: 's' })).toBe(base);
    write(root, '.env.local', 'NEXTAUTH_SECRET=x\nDATABASE_URL=file:y.sqlite\n');
    expect(fp(root)).toBe(base);
    write(root, '.env.local', 'NEXTAUTH_SECRET=x\nNEXT_PUBLIC_CLINIC=B\n');
    expect(fp(root)).not.toBe(base);
  });

  it('leaves out tests, docs and installed packages other than their lock', () => {
    const root = makeProject();
    const base = fp(root);
    write(root, 'app/page.test.ts', 'changed\n');
    write(root, 'README.md', '# changed\n');
    write(root, 'node_modules/next/index.js', 'changed\n');
    expect(fp(root)).toBe(base);
    expect(listBuildInputs(root)).toEqual(['app/page.tsx', 'lib/x.ts', 'next.config.ts', 'package-lock.json', 'package.json', 'public/robots.txt']);
  });

  it('in a git checkout, takes tracked and new unignored files, not ignored ones', () => {
    const root = makeProject();
    write(root, '.gitignore', 'node_modules/\n.next/\n/data/\n');
    write(root, 'data/db.sqlite', 'x');
    const git = (...args: string[]) => expect(spawnSync('git', args, { cwd: root }).status).toBe(0);
    git('init', '-q');
    git('add', 'app', 'lib', 'package.json');
    expect(listBuildInputs(root)).toEqual(['.gitignore', 'app/page.tsx', 'lib/x.ts', 'next.config.ts', 'package-lock.json', 'package.json', 'public/robots.txt']);
    const base = fp(root);
    write(root, 'data/db.sqlite', 'y');
    expect(fp(root)).toBe(base);
    write(root, 'lib/new.ts', 'export {};\n');
    expect(fp(root)).not.toBe(base);
  });
});

describe('whether a build is needed', () => {
  it('is needed without .next, and after .next is deleted', () => {
    const root = makeProject();
    expect(needed(root).needed).toBe(true);
    markBuilt(root);
    expect(needed(root).needed).toBe(false);
    fs.rmSync(path.join(root, '.next'), { recursive: true });
    expect(needed(root)).toEqual({ needed: true, reason: 'no build yet' });
  });

  it('is not needed when nothing changed since the recorded build, and is after a change', () => {
    const root = makeProject();
    markBuilt(root);
    expect(needed(root).needed).toBe(false);
    write(root, 'app/page.tsx', 'export default function Page() { return "changed"; }\n');
    expect(needed(root)).toEqual({ needed: true, reason: 'sources, dependencies or build settings changed' });
  });

  it('is needed when .next holds a build without a recorded fingerprint (e.g. a plain `next build`)', () => {
    const root = makeProject();
    write(root, '.next/BUILD_ID', 'abc\n');
    expect(needed(root).needed).toBe(true);
  });
});
