import { AUTH, expect, signIn, signOut, test } from './helpers';

// The journeys about signing in go through the sign-in form themselves (the sign-out one also ends its
// session, so it must be its own); the others use the demo roles' saved sessions.

test('the patient signs in and sees their next appointment and recent visits', async ({ page }) => {
  await signIn(page, 'patient@example.org', undefined, /\/patient$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
  await expect(page.getByTestId('next-appointment')).toBeVisible();
  await expect(page.getByTestId('recent-visits').locator('li').first()).toBeVisible();
});

test('the doctor signs in and sees today\'s appointments with patient names', async ({ page }) => {
  await signIn(page, 'doctor@example.org', undefined, /\/doctor$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Today');
  const rows = page.getByTestId('today-list').locator('li');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(rows.first()).toContainText(/\d{2}:\d{2}/);
});

test('the admin signs in and sees the clinic figures and the visits chart', async ({ page }) => {
  await signIn(page, 'admin@example.org', undefined, /\/admin$/);
  await expect(page.getByRole('heading', { name: 'Clinic dashboard' })).toBeVisible();
  const patients = Number(await page.getByTestId('stat-patients').textContent());
  expect(patients).toBeGreaterThanOrEqual(200);
  await expect(page.getByTestId('chart-visits').locator('.recharts-surface').first()).toBeVisible();
  await page.getByTestId('panel-visits').getByText('Show as table').click();
  await expect(page.getByTestId('table-visits').locator('tbody tr')).toHaveCount(30); // the last 30 days, per day
});

test.describe('as the demo patient', () => {
  test.use({ storageState: AUTH.patient });

  test('a patient is refused the admin and doctor pages with a 403 page', async ({ page }) => {
    const res = await page.goto('/admin');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
    expect((await page.goto('/doctor'))?.status()).toBe(403);
  });
});

test('a signed-out visitor is sent to sign in', async ({ page }) => {
  await page.goto('/doctor');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdoctor/);
});

test('a wrong password shows an error in words and stays on the sign-in page', async ({ page }) => {
  await signIn(page, 'doctor@example.org', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('signing out ends the session on the server: the old cookie no longer works', async ({ page, browser }) => {
  await signIn(page, 'doctor@example.org', undefined, /\/doctor$/);
  const oldCookies = await page.context().cookies();
  await signOut(page);
  await page.goto('/doctor');
  await expect(page).toHaveURL(/\/sign-in/);
  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const p2 = await replay.newPage();
  await p2.goto(new URL('/doctor', page.url()).toString());
  await expect(p2).toHaveURL(/\/sign-in/);
  await replay.close();
});

test('a callbackUrl pointing to another site is ignored after sign-in', async ({ page }) => {
  await page.goto('/sign-in?callbackUrl=/%5Cevil.example/phish');
  await page.getByLabel('Email').fill('doctor@example.org');
  await page.getByLabel('Password').fill('ehealth-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/doctor$/);
});
