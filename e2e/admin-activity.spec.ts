import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the admin opens the activity log and filters it by an action', async ({ page }) => {
  await signIn(page, 'admin@example.org', undefined, /\/admin$/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page).toHaveURL(/\/admin\/activity$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  await expect(page.getByTestId('activity-row').first()).toBeVisible();

  await page.getByLabel('Action', { exact: true }).selectOption('auth.sign_in');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=auth\.sign_in/);
  const actions = page.getByTestId('activity-action');
  await expect(actions.first()).toBeVisible();
  const texts = await actions.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  expect(new Set(texts)).toEqual(new Set(['auth.sign_in']));
  // Newest first: the admin's own sign-in just now heads the list, with who did it.
  await expect(page.getByTestId('activity-row').first()).toContainText('admin@example.org');
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue('auth.sign_in'); // the form keeps the filter

  // Phone width: no sideways scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/admin\/activity$/);
});

test('a bad filter is shown next to its field, never as an error page', async ({ page }) => {
  await signIn(page, 'admin@example.org', undefined, /\/admin$/);
  const res = await page.goto('/admin/activity?from=2025-02-30&patient=nobody');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'Some filters are not valid' })).toBeVisible();
  await expect(page.getByText('Not a valid date.')).toBeVisible();
  await expect(page.getByText('Enter a patient number such as EH-000123, or a patient id.')).toBeVisible();
  await expect(page.getByLabel('Patient')).toHaveValue('nobody');
  await expect(page.getByTestId('activity-row')).toHaveCount(0);
});

test('doctors are refused the activity log', async ({ page }) => {
  await signIn(page, 'doctor@example.org', undefined, /\/doctor$/);
  expect((await page.goto('/admin/activity'))?.status()).toBe(403);
});
