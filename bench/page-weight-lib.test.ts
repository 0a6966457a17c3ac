import { describe, expect, it } from 'vitest';
import { checkBudgets, crossCheck, pageEntries, pageWeights, type BuildInput } from './page-weight-lib';

// A made-up build: two shared bootstrap chunks, a layout chunk, and pages with their own chunks.
const build: BuildInput = {
  rootMainFiles: ['static/chunks/main.js', 'static/chunks/turbopack.js'],
  appPathRoutes: {
    '/admin/page': '/admin',
    '/(auth)/sign-in/page': '/sign-in',
    '/api/users/route': '/api/users',
    '/_global-error/page': '/_global-error',
  },
  entryJSFiles: {
    '/admin/page': {
      '[project]/app/layout': ['static/chunks/layout.js'],
      '[project]/app/error': ['static/chunks/layout.js', 'static/chunks/error.js'],
      '[project]/app/admin/page': ['static/chunks/layout.js', 'static/chunks/admin.js', 'static/chunks/admin.css'],
    },
    '/(auth)/sign-in/page': {
      '[project]/app/layout': ['static/chunks/layout.js'],
      '[project]/app/(auth)/sign-in/page': ['static/chunks/main.js', 'static/chunks/sign-in.js'],
    },
  },
};
const sizes: Record<string, number> = {
  'static/chunks/main.js': 50_000, 'static/chunks/turbopack.js': 4_000, 'static/chunks/layout.js': 10_000,
  'static/chunks/error.js': 1_000, 'static/chunks/admin.js': 200_000, 'static/chunks/sign-in.js': 2_000,
};
const sizeOf = (c: string) => {
  if (!(c in sizes)) throw new Error(`unexpected chunk ${c}`);
  return { gzip: sizes[c], raw: sizes[c] * 3 };
};

describe('pageWeights', () => {
  it('lists pages only: not route handlers, not the internal global-error page', () => {
    expect(pageEntries(build.appPathRoutes).sort()).toEqual(['/(auth)/sign-in/page', '/admin/page']);
  });

  it('sums the bootstrap chunks and every segment chunk of a page once each, heaviest page first, without CSS', () => {
    const weights = pageWeights(build, sizeOf);
    expect(weights.map((w) => w.route)).toEqual(['/admin', '/sign-in']);
    const [admin, signIn] = weights;
    expect(admin.chunks.sort()).toEqual(['static/chunks/admin.js', 'static/chunks/error.js', 'static/chunks/layout.js', 'static/chunks/main.js', 'static/chunks/turbopack.js']);
    expect(admin.gzipBytes).toBe(50_000 + 4_000 + 10_000 + 1_000 + 200_000);
    expect(admin.rawBytes).toBe(3 * admin.gzipBytes);
    // main.js is both a bootstrap chunk and listed by the page: counted once.
    expect(signIn.gzipBytes).toBe(50_000 + 4_000 + 10_000 + 2_000);
  });

  it('refuses a build whose page has no client reference manifest', () => {
    expect(() => pageWeights({ ...build, entryJSFiles: { '/admin/page': {} } }, sizeOf)).toThrow(/sign-in/);
  });
});

describe('checkBudgets', () => {
  it('passes a page at or under its budget, fails one over it and one missing from the build', () => {
    const weights = pageWeights(build, sizeOf);
    const results = checkBudgets(weights, [
      { route: '/sign-in', label: 'sign-in', maxGzipBytes: 66_000 },
      { route: '/admin', label: 'dashboard', maxGzipBytes: 264_999 },
      { route: '/patient/book', label: 'booking', maxGzipBytes: 155_000 },
    ]);
    expect(results.map((r) => [r.route, r.ok])).toEqual([['/sign-in', true], ['/admin', false], ['/patient/book', false]]);
    expect(results[2].weight).toBeUndefined();
  });
});

describe('crossCheck', () => {
  it("agrees with Next's diagnostics listing the same chunks (CSS ignored), and names the differences otherwise", () => {
    const weights = pageWeights(build, sizeOf);
    const same = weights.map((w) => ({ route: w.route, firstLoadChunkPaths: [...w.chunks.map((c) => `.next/${c}`), '.next/static/chunks/x.css'] }));
    expect(crossCheck(weights, same)).toEqual([]);
    const differ = [{ route: '/sign-in', firstLoadChunkPaths: ['.next/static/chunks/main.js', '.next/static/chunks/other.js'] }];
    const problems = crossCheck(weights, differ);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('/sign-in');
    expect(problems[0]).toContain('static/chunks/other.js');
    expect(problems[0]).toContain('static/chunks/sign-in.js');
  });
});
