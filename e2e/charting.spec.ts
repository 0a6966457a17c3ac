import { AUTH, chooseOwnPassword, expect, navigate, signIn, test } from './helpers';

test('the doctor finds a never-seen patient, starts a walk-in visit and charts it: ICD-10 diagnosis, prescription, vitals; the chart shows it', async ({ page, api }) => {
  // Their own doctor (nobody books them, so they are free now) and their own patient, never seen.
  const [doctor, stranger] = await Promise.all([api.newDoctor('Dr Zawadi'), api.newPatient('Halima')]);
  await signIn(page, doctor.email, doctor.password, /\/account\/password$/);
  await chooseOwnPassword(page, doctor.password, 'a doctor password');
  await expect(page).toHaveURL(/\/doctor(\?|$)/);

  await navigate(page, 'Patients');
  await page.getByLabel('Name, phone or patient number').fill(stranger.name);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByTestId('patient-results').locator(':scope > li');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(stranger.name);
  await expect(row.getByRole('link', { name: 'Open chart' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Start walk-in visit' }).click();
  await expect(page.getByRole('heading', { name: `Chart a visit: ${stranger.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save the visit and complete the appointment' })).toBeVisible();
  await page.getByLabel('Symptoms').fill('Fever and headache for two days');
  const search = page.getByRole('combobox').first();
  await search.fill('malaria');
  await page.getByRole('option', { name: /B54/ }).first().click();
  await page.getByLabel('Medicine').first().fill('Artemether/lumefantrine');
  await page.getByLabel('Dose').first().fill('4 tablets');
  await page.getByLabel('Route').first().fill('oral');
  await page.getByLabel('Frequency').first().fill('twice daily');
  await page.getByLabel('Duration').first().fill('3 days');
  await page.getByLabel(/Systolic/).fill('150');
  await page.getByLabel(/Diastolic/).fill('95');
  // A fever is flagged at any age (blood-pressure flags are adult-only): the live flag beside the
  // field, in words, is the input's accessible description.
  const temperature = page.getByRole('textbox', { name: /Temperature/ });
  await temperature.fill('39.2');
  await expect(temperature).toHaveAccessibleDescription(/High/, { timeout: 10_000 });
  await page.getByRole('button', { name: /Save the visit/ }).click();

  await expect(page).toHaveURL(new RegExp(`/doctor/patients/${stranger.id}\\?charted=1$`));
  await expect(page.getByTestId('chart-banner')).toContainText(stranger.name);
  const visit = page.getByTestId('visits').locator(':scope > li');
  await expect(visit).toHaveCount(1);
  await expect(visit).toContainText('B54');
  await expect(visit).toContainText('Artemether/lumefantrine');
  await expect(visit).toContainText('150/95 mmHg');
  await expect(visit).toContainText(/39\.2 ?°C\s*↑ High/);
});

test.describe('as the demo doctor', () => {
  test.use({ storageState: AUTH.doctor });

  test('a doctor cannot open the chart of a patient not linked to them', async ({ page, api }) => {
    const stranger = await api.newPatient('Juma');
    const res = await page.goto(`/doctor/patients/${stranger.id}`);
    expect(res?.status()).toBe(403);
  });
});
