import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AUTH, SIGNED_OUT, chooseOwnPassword, navigate, signIn } from './helpers';

const BOM = [0xef, 0xbb, 0xbf];
const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const minusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The visits chart's drawing (once recharts has measured its box and drawn it). */
async function visitsChartSvg(page: Page) {
  const svg = page.getByTestId('chart-visits').locator('svg.recharts-surface').first();
  await expect(svg).toBeVisible();
  return svg.innerHTML();
}

test.use({ storageState: AUTH.admin });

test('the admin changes the dashboard range, downloads a CSV, and creates a doctor who then signs in', async ({ page, browser }) => {
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic dashboard' })).toBeVisible();

  // The default range: the last 30 clinic days, visits per day.
  const from = await page.getByLabel('From', { exact: true }).inputValue();
  const to = await page.getByLabel('To', { exact: true }).inputValue();
  expect(dayDiff(from, to)).toBe(29);
  await expect(page.getByLabel('Group visits by')).toHaveValue('day');
  await expect(page.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'true');
  expect(Number(await page.getByTestId('stat-patients').textContent())).toBeGreaterThanOrEqual(200);
  const visitsBefore = Number(await page.getByTestId('stat-visits').textContent());
  expect(visitsBefore).toBeGreaterThan(0);
  await expect(page.getByTestId('table-visits').locator('tbody tr')).toHaveCount(30);
  const chartBefore = await visitsChartSvg(page);

  // A narrower range: the last 7 days.
  const weekFrom = minusDays(to, 6);
  await page.getByLabel('From', { exact: true }).fill(weekFrom);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${weekFrom}&to=${to}&granularity=day`));
  await expect(page.getByTestId('range-summary')).toContainText(`${weekFrom} to ${to}`);
  await expect(page.getByTestId('table-visits').locator('tbody tr')).toHaveCount(7);
  const visitsAfter = Number(await page.getByTestId('stat-visits').textContent());
  expect(visitsAfter).toBeLessThanOrEqual(visitsBefore);
  await expect.poll(() => visitsChartSvg(page)).not.toBe(chartBefore);

  // The table's numbers open under the chart and add up to the headline figure.
  const panel = page.getByTestId('panel-visits');
  await panel.getByText('Show as table').click();
  const cells = await panel.locator('tbody tr td').allTextContents();
  expect(cells.reduce((a, c) => a + Number(c), 0)).toBe(visitsAfter);

  // Download that table as CSV.
  const downloading = page.waitForEvent('download');
  await panel.getByRole('link', { name: /Download CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`ehealth-visits-${weekFrom}-to-${to}.csv`);
  const bytes = await fs.readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('"Day","Visits"');
  expect(lines.slice(1, -1)).toHaveLength(7);
  expect(lines[1]).toBe(`"${weekFrom}",${cells[0]}`);

  // A new doctor, with a temporary password shown once.
  const email = `e2e.doctor.${Date.now()}@example.org`;
  await page.goto('/admin/users');
  const form = page.locator('section').filter({ has: page.getByRole('heading', { name: 'New doctor or admin' }) });
  await form.getByLabel('Role').selectOption('doctor');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Full name').fill('Dr Wanjiru Kamau');
  await form.getByRole('button', { name: 'Create account' }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(temporary.length).toBeGreaterThanOrEqual(8);

  // They sign in on their own device, must choose their own password, and land in the doctor portal.
  const theirs = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await signIn(theirs, email, temporary, /\/account\/password$/);
  await chooseOwnPassword(theirs, temporary, 'a doctor password');
  await expect(theirs).toHaveURL(/\/doctor(\?|$)/);
  await expect(theirs.getByRole('heading', { level: 1 })).toContainText('Today');
  await expect(theirs.getByLabel('Signed in as')).toContainText('Dr Wanjiru Kamau');
  await theirs.context().close();
});

test('a refused range shows its error next to the field, and quick ranges and granularity change the buckets', async ({ page }) => {
  const res = await page.goto('/admin?from=2025-12-10&to=2025-12-01');
  expect(res?.status()).toBe(200);
  await expect(page.getByText('The start date must be on or before the end date.')).toBeVisible();
  await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'The date range is empty.' })).toBeVisible();

  await page.getByRole('link', { name: 'This year' }).click();
  await expect(page.getByLabel('Group visits by')).toHaveValue('month');
  const months = await page.getByTestId('table-visits').locator('tbody tr').count();
  expect(months).toBeGreaterThanOrEqual(1);
  expect(months).toBeLessThanOrEqual(12);
  await page.getByLabel('Group visits by').selectOption('week');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('table-visits').locator('thead')).toContainText('Week starting (Monday)');
  expect(await page.getByTestId('table-visits').locator('tbody tr').count()).toBeGreaterThanOrEqual(months);
});

test('the admin opens the printable monthly report and downloads it as CSV', async ({ page }) => {
  await page.goto('/admin');
  await navigate(page, 'Reports');
  await expect(page).toHaveURL(/\/admin\/reports$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Monthly report: ');
  const month = await page.getByLabel('Month', { exact: true }).inputValue();
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  await expect(page.getByTestId('report-summary')).toContainText('Visits');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`ehealth-monthly-report-${month}.csv`);
  const bytes = await fs.readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('"Section","Item","Detail","Count","Percent (%)"');

  await page.goto('/admin/reports?month=2025-13');
  await expect(page.getByText('Use a month as YYYY-MM, e.g. 2025-12.')).toBeVisible();
  await page.goto('/admin/reports?month=1800-01');
  await expect(page.getByText('Use a year from 1900 to 2099.')).toBeVisible();
  await expect(page.getByText('Use a month as YYYY-MM')).toHaveCount(0);
});

test('a bad granularity is named in words, the banner does not blame the dates, and the dates stay', async ({ page }) => {
  expect((await page.goto('/admin?granularity=garbage'))?.status()).toBe(200);
  await expect(page.getByText('Choose day, week or month.')).toBeVisible();
  await expect(page.getByText('Invalid option')).toHaveCount(0);
  await expect(page.getByLabel('Group visits by')).toHaveAttribute('aria-invalid', 'true');
  const alert = page.getByRole('alert').filter({ hasText: 'Correct the fields marked above' });
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText('dates');
  // The dates it would have used (the last 30 days) stay in the form.
  const [from, to] = [await page.getByLabel('From', { exact: true }).inputValue(), await page.getByLabel('To', { exact: true }).inputValue()];
  expect(dayDiff(from, to)).toBe(29);
  // Typed dates are kept as typed.
  await page.goto('/admin?from=2025-02-01&to=2025-02-20&granularity=garbage');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-02-01');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2025-02-20');
  // Years outside 1900–2099 are refused with a clear message.
  await page.goto('/admin?from=0001-01-01&to=0001-12-31');
  await expect(page.locator('#range-from-err')).toHaveText('Use a year from 1900 to 2099.');
});

test('on a phone (360 px), tables fit where they can, and one wider than its card says it scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  let wideTables = 0;
  for (const path of ['/admin/reports', '/admin']) {
    await page.goto(path);
    if (path === '/admin') for (const s of await page.locator('details').all()) await s.evaluate((d) => { (d as HTMLDetailsElement).open = true; });
    const scrollers = page.getByTestId('table-scroller');
    const n = await scrollers.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const box = scrollers.nth(i);
      const wide = await box.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      // The hint shows exactly while its table overflows (Chromium has scroll-driven animations).
      await expect.poll(() => box.evaluate((el) => {
        const h = el.parentElement?.querySelector(':scope > [data-testid="scroll-hint"]');
        return !!h && h.getBoundingClientRect().height > 0;
      }), { message: `${path}: table ${i} ${wide ? 'overflows without a hint' : 'fits but shows the hint'}` }).toBe(wide);
      if (wide) wideTables++;
    }
    // The page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  }
  console.log(`tables still wider than their card at 360 px: ${wideTables}`);
});
