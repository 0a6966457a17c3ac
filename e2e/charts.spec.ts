import path from 'node:path';
import type { Page } from '@playwright/test';
import { chunkSizeOnDisk, pageWeights, readBuild } from '../bench/page-weight-lib';
import { AUTH, DEMO, expect, test } from './helpers';

// The charts (recharts) are drawings for sighted people: hidden from assistive technology, out of the
// Tab order, loaded only on the pages that draw them, and with their category names written in full.

/** The build the server runs (the same worktree's .next), as `npm run bench -- page-weight` reads it. */
const DIST = path.join(__dirname, '..', '.next');
/** Text in recharts' own code (its surface's class name): a chunk that has it carries recharts. */
const RECHARTS_MARK = 'recharts-surface';

/** The chart boxes hidden from assistive technology: the dashboard's and the vital signs'. */
const HIDDEN_CHARTS = '[data-testid^="chart-"] [aria-hidden="true"], [data-testid^="vitals-"] [aria-hidden="true"]';

/** Elements inside hidden charts that Tab can reach (tabIndex ≥ 0: links, buttons, fields, tabindex="0"…). */
function tabbableInsideCharts(page: Page) {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((box) =>
    [box, ...box.querySelectorAll('*')]
      .filter((el) => (el as HTMLElement | SVGElement).tabIndex >= 0 || (el as HTMLElement).isContentEditable)
      .map((el) => el.outerHTML.slice(0, 120))), HIDDEN_CHARTS);
}

/** Presses Tab through the whole page (until focus comes back around to a stop it has seen); each stop's outer HTML when it is inside a hidden box. */
async function tabStopsInsideHidden(page: Page): Promise<{ stops: number; hidden: string[] }> {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const seen = new Set<string>();
  const hidden: string[] = [];
  let stops = 0;
  let last = '';
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const path: number[] = [];
      for (let n: Element | null = el; n?.parentElement; n = n.parentElement) path.push([...n.parentElement.children].indexOf(n));
      return { key: path.join('/'), hidden: el.closest('[aria-hidden="true"]') !== null || el.closest('.recharts-wrapper') !== null, html: el.outerHTML.slice(0, 120) };
    });
    if (!here || here.key === last) continue; // a date field takes a Tab per part (day, month, year)
    if (seen.has(here.key)) break;
    seen.add(here.key);
    last = here.key;
    stops++;
    if (here.hidden) hidden.push(here.html);
  }
  return { stops, hidden };
}

/** The JS files (`static/chunks/….js`) the page fetches while it opens, with whether each carries recharts. */
async function openAndCollectScripts(page: Page, url: string): Promise<Map<string, boolean>> {
  const fetched = new Map<string, boolean>();
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const p = new URL(res.url()).pathname;
    if (!p.startsWith('/_next/static/chunks/') || !p.endsWith('.js')) return;
    pending.push(res.text().then((t) => { fetched.set(p.replace(/^\/_next\//, ''), t.includes(RECHARTS_MARK)); }, () => {}));
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return fetched;
}

const firstLoadChunks = (route: string) => {
  const w = pageWeights(readBuild(DIST), chunkSizeOnDisk(DIST)).find((x) => x.route === route);
  expect(w, `${route} in the build`).toBeDefined();
  return new Set(w!.chunks);
};

test.describe('the dashboard as the admin, at 1280 px', () => {
  test.use({ storageState: AUTH.admin });
  test.beforeEach(async ({ page }) => { await page.setViewportSize({ width: 1280, height: 800 }); });

  test('the first load the page-weight script counts is what the browser fetches, without recharts; the charts fetch it after', async ({ page }) => {
    const fetched = await openAndCollectScripts(page, '/admin');
    await expect(page.getByTestId('chart-visits').locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
    const first = firstLoadChunks('/admin');
    for (const c of first) expect(fetched.has(c), `${c} fetched`).toBe(true);
    for (const c of first) expect(fetched.get(c), `${c} carries no recharts`).toBe(false);
    const later = [...fetched.keys()].filter((c) => !first.has(c));
    expect(later.length).toBeGreaterThan(0);
    expect(later.some((c) => fetched.get(c)), 'a chart chunk with recharts is fetched after the first load').toBe(true);
  });

  test('charts take no keyboard focus: nothing tabbable inside, and Tab never stops in one', async ({ page }) => {
    await page.goto('/admin');
    for (const id of ['visits', 'appointments', 'diagnoses', 'doctors', 'sex', 'age']) {
      await expect(page.getByTestId(`chart-${id}`).locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
    }
    // Every drawing sits in a box hidden from assistive technology; the surface itself has no tabindex
    // (recharts' accessibility layer, which would make it a Tab stop, is off).
    await expect(page.locator('.recharts-wrapper:not([aria-hidden="true"] .recharts-wrapper)')).toHaveCount(0);
    await expect(page.locator('svg.recharts-surface[tabindex]')).toHaveCount(0);
    expect(await tabbableInsideCharts(page)).toEqual([]);
    const { stops, hidden } = await tabStopsInsideHidden(page);
    expect(stops).toBeGreaterThan(10); // the range form, the disclosures, the CSV links…
    expect(hidden).toEqual([]);
  });

  test('category names are written in full beside their bars, wrapped, never cut short with an ellipsis', async ({ page }) => {
    await page.goto('/admin');
    for (const [id, column] of [['diagnoses', 3], ['doctors', 0]] as const) {
      const chart = page.getByTestId(`chart-${id}`);
      await expect(chart.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
      // The names the table lists (the diagnoses' coded rows: code and name, as the chart labels them).
      const rows = await page.getByTestId(`table-${id}`).locator('tbody tr').evaluateAll((trs, col) => trs.map((tr) => {
        const cells = [...tr.children].map((c) => c.textContent?.trim() ?? '');
        return col === 3 ? (cells[2] && !cells[2].startsWith('—') ? `${cells[2]} ${cells[3]}` : null) : cells[0];
      }).filter((x): x is string => !!x), column);
      expect(rows.length).toBeGreaterThan(0);
      const labels = chart.locator('text.bars-chart-label');
      await expect(labels.first()).toBeVisible();
      const drawn = await labels.evaluateAll((els) => els.map((el) => {
        const box = el.getBoundingClientRect();
        const svg = el.closest('svg')!.getBoundingClientRect();
        return { text: el.textContent ?? '', lines: el.querySelectorAll('tspan').length, inside: box.left >= svg.left - 1 && box.right <= svg.right + 1 };
      }));
      const texts = drawn.map((d) => d.text);
      for (const name of rows) expect(texts, `${id}: "${name}" written in full`).toContain(name);
      for (const d of drawn) {
        expect(d.text, 'no ellipsis').not.toMatch(/(…|\.\.\.)$/);
        expect(d.inside, `"${d.text}" inside the drawing`).toBe(true);
      }
      if (id === 'diagnoses') {
        // Long names (over 14 characters, once cut there) are there in full, on more than one line when needed.
        expect(texts.some((t) => t.length > 30)).toBe(true);
        expect(drawn.some((d) => d.lines > 1)).toBe(true);
      }
    }
  });
});

test.describe('a patient chart with vital signs, as the demo doctor', () => {
  test.use({ storageState: AUTH.doctor });

  test('the vital-sign charts take no keyboard focus and load recharts only on the chart page', async ({ page, api }) => {
    // A patient of the demo doctor with blood pressure on record (the demo clinic has many).
    const { token, user } = await api.login(DEMO.doctor);
    const records = await api.send<{ results: Array<{ patient_id: number; doctor_id: number; vital_signs?: { systolic_mmhg?: number | null } | null }> }>(
      'GET', '/api/medical-records/?page_size=50', { token });
    const withBp = records.results.find((r) => r.doctor_id === user.id && r.vital_signs?.systolic_mmhg != null);
    expect(withBp, 'a record of the demo doctor with blood pressure').toBeDefined();

    // The doctor's day carries no recharts at all, and fetches exactly its counted first load.
    const day = await openAndCollectScripts(page, '/doctor');
    expect([...day.entries()].filter(([, r]) => r).map(([c]) => c)).toEqual([]);
    expect(new Set(day.keys())).toEqual(firstLoadChunks('/doctor'));

    await page.setViewportSize({ width: 1280, height: 800 });
    const chart = await openAndCollectScripts(page, `/doctor/patients/${withBp!.patient_id}`);
    await expect(page.getByTestId('vitals-bp').locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
    for (const c of firstLoadChunks('/doctor/patients/[id]')) expect(chart.get(c), `${c} fetched, without recharts`).toBe(false);
    expect([...chart.values()].some(Boolean)).toBe(true);

    await expect(page.locator('svg.recharts-surface[tabindex]')).toHaveCount(0);
    expect(await tabbableInsideCharts(page)).toEqual([]);
    const { stops, hidden } = await tabStopsInsideHidden(page);
    expect(stops).toBeGreaterThan(3);
    expect(hidden).toEqual([]);
  });
});
