import { AUTH, expect, signIn, test } from './helpers';

// The new patients sign in through the form: the first journey is about it, and the deactivation
// ends its session (which must not be a shared one).

test('a new patient registers, sees field errors first, then signs in to an empty home', async ({ page }) => {
  const email = `new.patient.${Date.now()}@example.org`;
  await page.goto('/register');
  await page.getByLabel('Full name').fill("Zoë N'Diaye");
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Date of birth').fill('2099-01-01');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Phone').fill('12');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await expect(page.getByText('The date of birth cannot be in the future.')).toBeVisible();
  await expect(page.getByText(/Enter a valid phone number/)).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue("Zoë N'Diaye"); // what was typed is kept

  await page.getByLabel('Password').fill('a good password');
  await page.getByLabel('Date of birth').fill('1994-06-15');
  await page.getByLabel('Phone').fill('0712 345 678');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/sign-in\?registered=1/);
  await signIn(page, email, 'a good password', /\/patient$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText("Zoë N'Diaye");
  await expect(page.getByText('You have no upcoming appointment')).toBeVisible();
});

test.describe('as the demo patient', () => {
  test.use({ storageState: AUTH.patient });

  test('a data-changing API request carried only by the cookie from another origin is refused', async ({ page }) => {
    await page.goto('/patient');
    const res = await page.request.post('/api/auth/logout/', { headers: { Origin: 'http://evil.example' } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
    const ok = await page.request.post('/api/auth/logout/', { headers: { Origin: new URL(page.url()).origin } });
    expect(ok.status()).toBe(200);
    // It revokes a bearer token only: the shared browser session of the demo patient goes on.
    expect(await ok.json()).toEqual({ revoked: false });
  });
});

test('deactivating an account ends its browser session at once', async ({ page, api }) => {
  const { email, password } = await api.newPatient('Otieno');
  await signIn(page, email, password, /\/patient$/);

  // An administrator deactivates the account (the admin screen comes later; a second writer with a
  // busy timeout is allowed beside the server on SQLite).
  const Database = (await import('better-sqlite3')).default;
  const db = new Database('.test-output/e2e.sqlite');
  db.pragma('busy_timeout = 5000');
  db.prepare('UPDATE users SET is_active = 0 WHERE email = ?').run(email);
  db.close();

  await page.goto('/patient');
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, password);
  await expect(page.getByRole('alert').filter({ hasText: 'deactivated' })).toBeVisible();
});
