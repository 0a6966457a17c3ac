import { AUTH, SIGNED_OUT, chooseOwnPassword, expect, openAccountMenu, signIn, signOut, test } from './helpers';

// Issue #10, point 5: the account menu's password change, and an admin's password reset.

test('a patient changes their password from the account menu at 360 px, signs out and signs in with the new one', async ({ page, api }) => {
  const patient = await api.newPatient('Zawadi');
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, patient.email, patient.password, /\/patient$/);

  await openAccountMenu(page);
  const menu = page.getByRole('link', { name: 'Change password' });
  const box = await menu.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360, 'the menu fits the screen').toBe(true);
  await menu.click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change your password');

  // A common password is refused next to its field.
  await page.getByLabel('Current password').fill(patient.password);
  await page.getByLabel('New password', { exact: true }).fill('Iloveyou1');
  await page.getByLabel('New password again').fill('Iloveyou1');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText(/This password is too common/)).toBeVisible();
  await expect(page).toHaveURL(/\/account\/password$/);

  const next = 'baobab shade at noon';
  await page.getByLabel('Current password').fill(patient.password);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('New password again').fill(next);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL(/\/patient\?password=changed$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your password was changed.' })).toBeVisible();

  await signOut(page);
  await signIn(page, patient.email, patient.password);
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
  await signIn(page, patient.email, next, /\/patient$/);
});

test('guessing the current password is limited: after 10 wrong ones even the right one is refused, and the form says so', async ({ page, api }) => {
  const patient = await api.newPatient('Amani');
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, patient.email, patient.password, /\/patient$/);
  await page.goto('/account/password');
  const attempt = async (current: string) => {
    await page.getByLabel('Current password').fill(current);
    await page.getByLabel('New password', { exact: true }).fill('baobab shade at noon');
    await page.getByLabel('New password again').fill('baobab shade at noon');
    await page.getByRole('button', { name: 'Save new password' }).click();
  };
  for (let i = 0; i < 10; i++) {
    await attempt(`wrong guess ${i}`);
    await expect(page.getByLabel('Current password')).toHaveValue(''); // the answer came: the form was redrawn
    await expect(page.getByText('This is not your current password.').first()).toBeVisible();
  }
  await attempt(patient.password);
  await expect(page.getByRole('alert').filter({ hasText: /Too many wrong current passwords\. Try again in 1[45] minutes\./ })).toBeVisible();
  await expect(page).toHaveURL(/\/account\/password$/);
  // Signing in is not affected.
  await signOut(page);
  await signIn(page, patient.email, patient.password, /\/patient$/);
});

test('the account menu works with the keyboard at 1280 px', async ({ page, api }) => {
  const patient = await api.newPatient('Baraka');
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, patient.email, patient.password, /\/patient$/);
  const summary = page.getByLabel('Signed in as');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Change password' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Change password' })).toBeHidden();
  await expect(summary).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Change password' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account\/password$/);
});

test.describe('as the admin', () => {
  test.use({ storageState: AUTH.admin });

  test('an admin resets a patient\'s password: they are signed out, and sign in with the temporary one to choose their own', async ({ page, api, browser }) => {
    const patient = await api.newPatient('Imani');
    const theirs = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
    await signIn(theirs, patient.email, patient.password, /\/patient$/);

    await page.goto(`/admin/users?q=${encodeURIComponent(patient.email)}`);
    const row = page.getByRole('listitem').filter({ hasText: patient.email });
    await row.getByRole('button', { name: 'Reset password' }).click();
    await row.getByRole('button', { name: 'Yes, reset password' }).click();
    const temporary = (await row.getByTestId('reset-temporary-password').textContent())?.trim() ?? '';
    expect(temporary).toMatch(/^[A-Za-z0-9_-]{16}$/);

    // Their open session has ended.
    await theirs.goto('/patient');
    await expect(theirs).toHaveURL(/\/sign-in/);
    // The old password no longer works; the temporary one leads to choosing their own.
    await signIn(theirs, patient.email, temporary, /\/account\/password$/);
    await chooseOwnPassword(theirs, temporary, 'acacia by the well');
    await expect(theirs).toHaveURL(/\/patient(\?|$)/);
    await theirs.context().close();
  });
});

test('API answers are never cached: no-store on data, errors and the session route over real HTTP', async ({ api, request }) => {
  const { token, user } = await api.login('patient@example.org');
  const answers = [
    await request.get(`/api/users/${user.id}/`, { headers: { Authorization: `Bearer ${token}` } }),
    await request.get('/api/appointments/'),
    await request.get('/api/nonexistent/'),
    await request.post('/api/auth/password/', { data: {} }),
    await request.get('/api/auth/session'),
    await request.get('/api/auth/csrf'),
  ];
  expect(answers.map((r) => r.status())).toEqual([200, 401, 404, 401, 200, 200]);
  for (const r of answers) expect(r.headers()['cache-control'], r.url()).toBe('no-store');
});
