import { expect, startWalkInAsNewDoctor, test } from './helpers';

test('a doctor charts amoxicillin for a patient allergic to penicillin: warned before saving, confirms, and the override shows on the record', async ({ page, api }) => {
  const [doctor, patient] = await Promise.all([api.newDoctor('Dr Wanjiru'), api.newPatient('Akinyi')]);
  // The patient records the allergy on their own profile through the API.
  const { token: patientToken } = await api.login(patient.email, patient.password);
  const profiles = await api.send<{ results: Array<{ id: number }> }>('GET', '/api/patient-profiles/', { token: patientToken });
  await api.send('PUT', `/api/patient-profiles/${profiles.results[0].id}/`, { token: patientToken, data: { allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }] } });

  await startWalkInAsNewDoctor(page, doctor, patient.name);
  await expect(page.getByText('Allergies: Penicillin')).toBeVisible();

  // The medicine input completes from the shipped essential-medicines list.
  const medicine = page.getByLabel('Medicine').first();
  await expect(medicine).toHaveAttribute('list', 'essential-medicines');
  await expect(page.locator('datalist#essential-medicines option[value="Amoxicillin"]')).toHaveCount(1);

  await page.getByLabel('Symptoms').fill('Sore throat and fever');
  await medicine.fill('Amoxicillin 500 mg caps');
  await page.getByLabel('Dose').first().fill('1 capsule');
  await page.getByLabel('Route').first().fill('oral');
  await page.getByLabel('Frequency').first().fill('3 times a day');
  await page.getByLabel('Duration').first().fill('5 days');
  await page.getByRole('button', { name: /Save the visit/ }).click();

  // Refused with the warning; what was typed is kept.
  const warning = page.getByTestId('allergy-warning');
  await expect(warning).toContainText('Allergy warning');
  // Below the long form, the warning comes into view and takes focus (the doctor meets it at once).
  await expect(warning.getByRole('status')).toBeFocused();
  await expect(warning.getByRole('status')).toBeInViewport();
  await expect(warning).toContainText('Amoxicillin 500 mg caps: allergy to Penicillin (same class, penicillins), severe — Hives');
  await expect(page).toHaveURL(/\/chart/);
  await expect(page.getByLabel('Medicine').first()).toHaveValue('Amoxicillin 500 mg caps');

  await page.getByLabel('I have checked the allergy and prescribe anyway').check();
  await page.getByRole('button', { name: /Save the visit/ }).click();
  await expect(page).toHaveURL(new RegExp(`/doctor/patients/${patient.id}\\?charted=1$`));
  const visit = page.getByTestId('visits').locator(':scope > li');
  await expect(visit).toHaveCount(1);
  await expect(visit.getByTestId('allergy-override')).toContainText('Prescribed despite a recorded allergy');
  await expect(visit.getByTestId('allergy-override')).toContainText('Amoxicillin 500 mg caps: allergy to Penicillin (same class, penicillins), severe');

  // The record's own page, and the API's record shape, show the override too.
  const href = await visit.getByRole('link', { name: 'Amend' }).getAttribute('href');
  const recordId = Number(/\/doctor\/records\/(\d+)\/amend/.exec(href ?? '')?.[1]);
  await page.goto(`/doctor/records/${recordId}`);
  await expect(page.getByTestId('allergy-override')).toContainText('allergy to Penicillin');
  const { token } = await api.login(doctor.email, 'a doctor password');
  const record = await api.send<{ allergy_override: { confirmed_by_id: number; allergy_matches: unknown[] } }>('GET', `/api/medical-records/${recordId}/`, { token });
  expect(record.allergy_override).toMatchObject({ confirmed_by_id: doctor.id, allergy_matches: [{ medicine: 'Amoxicillin 500 mg caps', allergy_substance: 'Penicillin', match: 'class', class: 'penicillins' }] });

  // Amending: the confirmed amoxicillin needs no new confirmation, a newly added cefalexin does.
  await page.goto(`/doctor/records/${recordId}/amend`);
  await page.getByRole('button', { name: 'Add a medicine' }).click();
  const second = page.getByLabel('Medicine').nth(1);
  await expect(second).toHaveAttribute('list', 'essential-medicines');
  await second.fill('Cefalexin 250 mg');
  await page.getByLabel('Dose').nth(1).fill('1 capsule');
  await page.getByLabel('Route').nth(1).fill('oral');
  await page.getByLabel('Frequency').nth(1).fill('4 times a day');
  await page.getByLabel('Duration').nth(1).fill('5 days');
  await page.getByRole('button', { name: 'Save the amendment (version 2)' }).click();
  await expect(page.getByTestId('allergy-warning')).toContainText('Cefalexin 250 mg: allergy to Penicillin (possible cross-reactivity, cephalosporins)');
  await expect(page.getByTestId('allergy-warning')).not.toContainText('Amoxicillin');
  await page.getByLabel('I have checked the allergy and prescribe anyway').check();
  await page.getByRole('button', { name: 'Save the amendment (version 2)' }).click();
  await expect(page).toHaveURL(new RegExp(`/doctor/records/${recordId}\\?amended=1$`));
  const current = page.getByTestId('allergy-override').first();
  await expect(current).toContainText('Amoxicillin 500 mg caps: allergy to Penicillin');
  await expect(current).toContainText('Cefalexin 250 mg: allergy to Penicillin (possible cross-reactivity, cephalosporins)');
});

test('amending a free-text prescription: amoxicillin typed in the text box for a penicillin-allergic patient is warned, confirmed, and shown on the record', async ({ page, api }) => {
  const [doctor, patient] = await Promise.all([api.newDoctor('Dr Otieno'), api.newPatient('Wambui')]);
  const { token: patientToken } = await api.login(patient.email, patient.password);
  const profiles = await api.send<{ results: Array<{ id: number }> }>('GET', '/api/patient-profiles/', { token: patientToken });
  await api.send('PUT', `/api/patient-profiles/${profiles.results[0].id}/`, { token: patientToken, data: { allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }] } });

  // The walk-in links the doctor to the patient; the visit is charted through the API with the seed's free-text prescription.
  await startWalkInAsNewDoctor(page, doctor, patient.name);
  const { token } = await api.login(doctor.email, 'a doctor password');
  const rec = await api.send<{ id: number; allergy_override: unknown }>('POST', '/api/medical-records/', { token, data: { patient_id: patient.id, symptoms: 'cough', prescription: 'Paracetamol 1g tds' } });
  expect(rec.allergy_override).toBeNull();

  await page.goto(`/doctor/records/${rec.id}/amend`);
  const freeText = page.getByLabel('Prescription as free text');
  await expect(freeText).toHaveValue('Paracetamol 1g tds');
  await freeText.fill('Paracetamol 1g tds; Amoxicillin 500mg tds x5d');
  await page.getByRole('button', { name: 'Save the amendment (version 2)' }).click();
  const warning = page.getByTestId('allergy-warning');
  await expect(warning.getByRole('status')).toBeFocused();
  await expect(warning).toContainText('Amoxicillin 500mg tds x5d (free-text prescription): allergy to Penicillin (same class, penicillins), severe — Hives');
  await expect(warning).not.toContainText('Paracetamol');
  await expect(page.getByLabel('Prescription as free text')).toHaveValue('Paracetamol 1g tds; Amoxicillin 500mg tds x5d');

  await page.getByLabel('I have checked the allergy and prescribe anyway').check();
  await page.getByRole('button', { name: 'Save the amendment (version 2)' }).click();
  await expect(page).toHaveURL(new RegExp(`/doctor/records/${rec.id}\\?amended=1$`));
  await expect(page.getByTestId('allergy-override').first()).toContainText('Amoxicillin 500mg tds x5d (free-text prescription): allergy to Penicillin (same class, penicillins)');
  const record = await api.send<{ version: number; allergy_override: { allergy_matches: unknown[] } }>('GET', `/api/medical-records/${rec.id}/`, { token });
  expect(record.version).toBe(2);
  expect(record.allergy_override.allergy_matches).toEqual([expect.objectContaining({ source: 'prescription', medicine: 'Amoxicillin 500mg tds x5d', allergy_substance: 'Penicillin' })]);
});
