import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the doctor finds a never-seen patient, starts a walk-in visit and charts it: ICD-10 diagnosis, prescription, vitals; the chart shows it', async ({ page, request }) => {
  type A = { id: number; patient_id: number; doctor_id: number; patient_name: string; status: string; date_time: string; end_time: string };
  const tokenOf = async (email: string) => (await (await request.post('/api/auth/login/', { data: { email, password: 'ehealth-demo' } })).json()) as { token: string; user: { id: number } };
  const all = async (token: string, path = '/api/appointments/?page_size=100') => {
    const out: A[] = [];
    for (let url: string | null = path; url; ) {
      const p: { results: A[]; next: string | null } = await (await request.get(url, { headers: { Authorization: `Bearer ${token}` } })).json();
      out.push(...p.results);
      url = p.next;
    }
    return out;
  };
  const doctor = await tokenOf('doctor@example.org');
  const admin = await tokenOf('admin@example.org');
  const linked = new Set((await all(doctor.token)).map((a) => a.patient_id));
  // Setup: nobody involved may hold an active appointment right now (a walk-in starts now).
  const now = Date.now();
  const activeNow = (await all(admin.token)).filter((a) => (a.status === 'pending' || a.status === 'confirmed') && Date.parse(a.date_time) <= now + 30 * 60_000 && Date.parse(a.end_time) > now - 5 * 60_000);
  for (const a of activeNow.filter((x) => x.doctor_id === doctor.user.id)) {
    await request.post(`/api/appointments/${a.id}/cancel/`, { headers: { Authorization: `Bearer ${admin.token}` }, data: { reason: 'Clinic closed this slot' } });
  }
  const busy = new Set(activeNow.map((a) => a.patient_id));
  const stranger = (await all(admin.token)).find((a) => !linked.has(a.patient_id) && !busy.has(a.patient_id));
  expect(stranger, 'a demo patient the demo doctor never saw').toBeDefined();

  await signIn(page, 'doctor@example.org', undefined, /\/doctor$/);
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByLabel('Name, phone or patient number').fill(stranger!.patient_name);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByTestId('patient-results').locator('li').filter({ hasText: stranger!.patient_name }).first();
  await expect(row.getByRole('link', { name: 'Open chart' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Start walk-in visit' }).click();
  await expect(page.getByRole('heading', { name: `Chart a visit: ${stranger!.patient_name}` })).toBeVisible();
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

  await expect(page).toHaveURL(/\/doctor\/patients\/\d+\?charted=1/);
  await expect(page.getByTestId('chart-banner')).toContainText(stranger!.patient_name);
  const visit = page.getByTestId('visits').locator('li').first();
  await expect(visit).toContainText('B54');
  await expect(visit).toContainText('Artemether/lumefantrine');
  await expect(visit).toContainText('150/95 mmHg');
  await expect(visit).toContainText(/39\.2 ?°C\s*↑ High/);
});

test('a doctor cannot open the chart of a patient not linked to them', async ({ page, request }) => {
  const tokenOf = async (email: string) => (await (await request.post('/api/auth/login/', { data: { email, password: 'ehealth-demo' } })).json()).token as string;
  const all = async (token: string) => {
    const out: Array<{ doctor_id: number; patient_id: number }> = [];
    for (let url: string | null = '/api/appointments/?page_size=100'; url; ) {
      const page: { results: typeof out; next: string | null } = await (await request.get(url, { headers: { Authorization: `Bearer ${token}` } })).json();
      out.push(...page.results);
      url = page.next;
    }
    return out;
  };
  const linked = new Set((await all(await tokenOf('doctor@example.org'))).map((a) => a.patient_id));
  const stranger = (await all(await tokenOf('admin@example.org'))).find((a) => !linked.has(a.patient_id));
  expect(stranger, 'the demo clinic has patients the demo doctor never saw').toBeDefined();
  await signIn(page, 'doctor@example.org', undefined, /\/doctor$/);
  const res = await page.goto(`/doctor/patients/${stranger!.patient_id}`);
  expect(res?.status()).toBe(403);
});

