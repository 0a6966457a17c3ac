import { AUTH, DEMO, expect, navigate, test } from './helpers';

test.use({ storageState: AUTH.admin });

test('the admin opens the activity log and filters it by an action', async ({ page, api }) => {
  await api.login(DEMO.admin); // a sign-in of the admin's just now (through the API), for the top of the log
  await page.goto('/admin');
  await navigate(page, 'Activity');
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
  // Newest first: the admin's sign-in just now heads the list, with who did it.
  await expect(page.getByTestId('activity-row').first()).toContainText('admin@example.org');
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue('auth.sign_in'); // the form keeps the filter

  // Phone width: no sideways scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/admin\/activity$/);
});

test('a bad filter is shown next to its field, never as an error page', async ({ page }) => {
  const res = await page.goto('/admin/activity?from=2025-02-30&patient=nobody');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'Some filters are not valid' })).toBeVisible();
  await expect(page.getByText('Not a valid date.')).toBeVisible();
  await expect(page.getByText('Enter a patient number such as EH-000123, or a patient id.')).toBeVisible();
  await expect(page.getByLabel('Patient')).toHaveValue('nobody');
  await expect(page.getByTestId('activity-row')).toHaveCount(0);
});

test.describe('as the demo doctor', () => {
  test.use({ storageState: AUTH.doctor });

  test('doctors are refused the activity log', async ({ page }) => {
    expect((await page.goto('/admin/activity'))?.status()).toBe(403);
  });
});

test('a page past the end says so and links to the last page, keeping the filters', async ({ page }) => {
  await page.goto('/admin/activity?page=999999');
  const notice = page.getByTestId('page-past-end');
  await expect(notice).toContainText(/Page 999999 is past the end: there (is 1 page|are \d+ pages)\./);
  await expect(page.getByText('Nothing has been recorded yet')).toHaveCount(0);
  await expect(page.getByText(/Page \d+ of \d+/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Newer' })).toHaveCount(0);

  await page.goto('/admin/activity?action=auth.sign_in&page=500');
  await expect(page.getByTestId('activity-count')).toContainText(/match(es)? these filters/);
  await expect(page.getByText('No event matches these filters')).toHaveCount(0);
  await page.getByTestId('page-past-end').getByRole('link').click();
  await expect(page).toHaveURL(/action=auth\.sign_in/);
  await expect(page.getByTestId('activity-row').first()).toBeVisible();
  await expect(page.getByTestId('page-past-end')).toHaveCount(0);

  await page.goto('/admin/users?role=patient&page=9999');
  await expect(page.getByTestId('page-past-end')).toContainText(/Page 9999 is past the end: there are \d+ pages\./);
  await expect(page.getByText('No user matches')).toHaveCount(0);
  await page.getByTestId('page-past-end').getByRole('link').click();
  await expect(page).toHaveURL(/role=patient/);
  await expect(page.getByTestId('user-list')).toBeVisible();
  await expect(page.getByText(/Page (\d+) of \1$/)).toBeVisible();
});

test('users: an unknown role is a field error, and the new staff form is one tap from the top', async ({ page }) => {
  expect((await page.goto('/admin/users?role=root'))?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'Role:' })).toContainText('Choose patient, doctor or admin.');
  await expect(page.locator('#users-role')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('user-list')).toHaveCount(0);

  await page.goto('/admin/users');
  const jump = page.getByRole('link', { name: 'New doctor or admin ↓' });
  await expect(jump).toBeInViewport();
  await jump.click();
  await expect(page.getByRole('heading', { name: 'New doctor or admin' })).toBeInViewport();
  await expect(page.getByTestId('temporary-password-note')).toContainText('a temporary password is generated and shown here once');
});
