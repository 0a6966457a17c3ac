/**
 * `npm run bench -- page-weight`: first-load JavaScript (gzip) of every app page of the production
 * build in `.next/` (run `npm run build` first), heaviest first, with the pages that have a budget
 * marked. Fails (exit 1) when a budgeted page is over its budget, or when our reading of the manifests
 * and Next's own diagnostics disagree on a page's chunks. How it is counted: bench/page-weight-lib.ts.
 */
import path from 'node:path';
import { ROOT, type BenchCase } from './lib';
import {
  checkBudgets, chunkSizeOnDisk, crossCheck, kB, pageWeights, readBuild, readRouteBundleStats, type Budget,
} from './page-weight-lib';

/** The pages a person opens most, and what their first load may weigh at most (gzip bytes). */
export const BUDGETS: Budget[] = [
  { route: '/patient/book', label: 'booking page', maxGzipBytes: 155_000 },
  { route: '/doctor', label: "doctor's day", maxGzipBytes: 155_000 },
  { route: '/admin', label: 'dashboard', maxGzipBytes: 284_000 },
];

const pageWeight: BenchCase = {
  name: 'page-weight',
  description: 'first-load JavaScript (gzip) per page of the production build, against the budgets',
  async run(ctx) {
    const distDir = path.join(ROOT, '.next');
    const weights = pageWeights(readBuild(distDir), chunkSizeOnDisk(distDir));
    const results = checkBudgets(weights, BUDGETS);

    ctx.log(`${'page'.padEnd(36)} ${'first load (gzip)'.padStart(18)} ${'raw'.padStart(10)} chunks`);
    for (const w of weights) {
      const budget = results.find((r) => r.route === w.route);
      const mark = budget ? `  ◀ ${budget.label}, budget ${kB(budget.maxGzipBytes)}${budget.ok ? '' : ' — OVER'}` : '';
      ctx.log(`${w.route.padEnd(36)} ${kB(w.gzipBytes).padStart(18)} ${kB(w.rawBytes).padStart(10)} ${String(w.chunks.length).padStart(6)}${mark}`);
    }

    const stats = readRouteBundleStats(distDir);
    if (stats) {
      const problems = crossCheck(weights, stats);
      if (problems.length) for (const p of problems) ctx.fail(`chunk lists differ from .next/diagnostics/route-bundle-stats.json: ${p}`);
      else ctx.log("chunk lists agree with Next's .next/diagnostics/route-bundle-stats.json");
    }

    ctx.log('');
    for (const r of results) {
      if (!r.weight) ctx.fail(`${r.label} (${r.route}) is not in the build`);
      else if (!r.ok) ctx.fail(`${r.label} (${r.route}) loads ${kB(r.weight.gzipBytes)}, over its budget of ${kB(r.maxGzipBytes)}`);
      else ctx.log(`${r.label} (${r.route}): ${kB(r.weight.gzipBytes)} of ${kB(r.maxGzipBytes)} — within budget`);
    }
  },
};

export default pageWeight;
