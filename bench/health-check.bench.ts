/**
 * GET /api/health-check/ on the built Next.js app (served as `npm run serve` serves it, a migrated temporary SQLite database)
 * against a bare node:http server answering the same JSON: requests/s, p95 latency, and their ratios.
 * The ratio says what the framework costs on the cheapest route; later cases measure real work.
 */
import {
  formatNumber, formatTable, measure, startBaseline, startNextApp, tempSqlite, type BenchCase, type Measurement,
} from './lib';

const PATH = '/api/health-check/';
const BODY = { status: 'ok', database: 'sqlite' };

const healthCheck: BenchCase = {
  name: 'health-check',
  description: `GET ${PATH}: built app vs bare node:http with the same JSON`,
  async run(ctx) {
    const rows: Measurement[] = [];

    const baseline = await startBaseline(BODY);
    try {
      rows.push(await measure('baseline (node:http)', baseline.url + PATH, ctx.load));
    } finally {
      await baseline.stop();
    }

    let app: Measurement | undefined;
    const db = await tempSqlite();
    try {
      const server = await startNextApp(db.url, ctx.log);
      try {
        const url = server.url + PATH;
        const res = await fetch(url);
        const text = await res.text();
        if (res.status === 404) {
          ctx.fail(`APP HALF SKIPPED: GET ${PATH} answers 404 — the route is not in this build. ` +
            'Check that app/api/health-check/route.ts exists; if it does, the build predates it: run `npm run build` and bench again.');
        } else if (res.status !== 200) {
          ctx.fail(`APP HALF SKIPPED: GET ${PATH} answers ${res.status}: ${text.slice(0, 300)}`);
        } else {
          if (text.replace(/\s/g, '') !== JSON.stringify(BODY)) ctx.log(`note: the app answers ${text}, the baseline ${JSON.stringify(BODY)}`);
          app = await measure('app (npm run serve)', url, ctx.load);
          rows.push(app);
        }
      } finally {
        await server.stop();
      }
    } catch (e) {
      ctx.fail(`APP HALF SKIPPED: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      db.remove();
    }

    for (const line of formatTable(rows)) ctx.log(line);
    const base = rows[0];
    if (app) {
      ctx.log(`ratio app/baseline: req/s ${formatNumber(app.requestsPerSecond / base.requestsPerSecond, 3)}, ` +
        `p95 ${formatNumber(app.p95Ms / base.p95Ms, 2)}`);
      if (app.non2xx || app.errors) ctx.fail(`the app answered ${app.non2xx} non-2xx and ${app.errors} errors/timeouts under load`);
    }
  },
};

export default healthCheck;
