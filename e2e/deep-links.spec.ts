import { chooseOwnPassword, DEMO, DEMO_PASSWORD, expect, test, type Person } from './helpers';
import type { Page } from '@playwright/test';

// Deep links survive sign-in: a signed-out visitor who opens a page of a portal is sent to sign in and,
// once signed in, lands on that very page with its query. Each journey starts signed out (no saved state).

/** Fills in the sign-in form the visitor was sent to (the URL must still carry the callbackUrl). */
async function signInHere(page: Page, email: string, password = DEMO_PASSWORD) {
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('the patient opens /patient/records signed out and lands on their records after signing in', async ({ page }) => {
  await page.goto('/patient/records');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpatient%2Frecords$/);
  await signInHere(page, DEMO.patient);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/patient\/records$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My records' })).toBeVisible();
});

test('the doctor opens a patient\'s chart page signed out and lands on it after signing in', async ({ page, api }) => {
  const patientId = await api.userId(DEMO.patient);
  await page.goto(`/doctor/patients/${patientId}`);
  await signInHere(page, DEMO.doctor);
  await expect(page).toHaveURL(new RegExp(`/doctor/patients/${patientId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toHaveCount(0);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toMatch(/Today/);
});

test('the admin opens a month\'s report signed out and lands on that month after signing in (query kept)', async ({ page }) => {
  await page.goto('/admin/reports?month=2026-10');
  await expect(page).toHaveURL(/callbackUrl=%2Fadmin%2Freports%3Fmonth%3D2026-10$/);
  await signInHere(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin\/reports\?month=2026-10$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monthly report: October 2026');
});

test('a page of another role\'s portal leads to the user\'s own home, not a 403 page', async ({ page }) => {
  await page.goto('/admin/reports?month=2026-10');
  await signInHere(page, DEMO.patient);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/patient$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
});

test('a callbackUrl to another site (scheme-relative or absolute) is ignored: the portal home instead', async ({ page }) => {
  for (const evil of ['//evil.example/phish', 'https://evil.example/phish', '/%5Cevil.example/phish']) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(evil)}`);
    await page.getByLabel('Email').fill(DEMO.doctor);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/doctor$/);
  }
});

test('a new doctor with a temporary password keeps the deep link through choosing their own password', async ({ page, api }) => {
  const doctor: Person = await api.newDoctor();
  const patientId = await api.userId(DEMO.patient);
  await page.goto(`/doctor/patients/${patientId}`);
  await signInHere(page, doctor.email, doctor.password);
  await expect(page).toHaveURL(/\/account\/password\?next=%2Fdoctor%2Fpatients%2F\d+$/);
  await chooseOwnPassword(page, doctor.password, 'a doctor password');
  await expect(page).toHaveURL(new RegExp(`/doctor/patients/${patientId}\\?password=changed$`));
  // The change confirms itself on the page the doctor went on to, not only on the home page.
  await expect(page.getByRole('status').filter({ hasText: 'Your password was changed.' })).toBeInViewport();
});

test('the patient home offers booking and cancelling that exist, and no "coming soon"', async ({ page, api }) => {
  const patient = await api.newPatient();
  await page.goto('/patient');
  await signInHere(page, patient.email, patient.password);
  await expect(page).toHaveURL(/\/patient$/);
  await expect(page.getByText(/coming soon/i)).toHaveCount(0);
  const actions = page.getByTestId('appointment-actions');
  await actions.getByRole('link', { name: 'Book an appointment' }).click();
  await expect(page).toHaveURL(/\/patient\/book/);
  await expect(page.getByText(/coming soon/i)).toHaveCount(0);
  await page.goto('/patient');
  await actions.getByRole('link', { name: 'See or cancel my appointments' }).click();
  await expect(page).toHaveURL(/\/patient\/appointments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My appointments' })).toBeVisible();
});
