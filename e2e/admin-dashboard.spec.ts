import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const BOM = [0xef, 0xbb, 0xbf];
const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const minusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The visits chart's drawing (once recharts has measured its box and drawn it). */
async function visitsChartSvg(page: Page) {
  const svg = page.getByTestId('chart-visits').locator('svg.recharts-surface').first();
  await expect(svg).toBeVisible();
  return svg.innerHTML();
}

test('the admin changes the dashboard range, downloads a CSV, and creates a doctor who then signs in', async ({ page }) => {
  await signIn(page, 'admin@example.org', undefined, /\/admin$/);
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

  // They sign in, must choose their own password, and land in the doctor portal.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, temporary, /\/account\/password$/);
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await page.getByLabel('Temporary password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill('a doctor password');
  await page.getByLabel('New password again').fill('a doctor password');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL(/\/doctor(\?|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Today');
  await expect(page.getByLabel('Signed in as')).toContainText('Dr Wanjiru Kamau');
});

test('a refused range shows its error next to the field, and quick ranges and granularity change the buckets', async ({ page }) => {
  await signIn(page, 'admin@example.org', undefined, /\/admin$/);
  const res = await page.goto('/admin?from=2025-12-10&to=2025-12-01');
  expect(res?.status()).toBe(200);
  await expect(page.getByText('from must be on or before to.')).toBeVisible();
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
  await signIn(page, 'admin@example.org', undefined, /\/admin$/);
  await page.getByRole('link', { name: 'Reports' }).click();
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
});
