import { expect, signIn, startWalkInAsNewDoctor, test } from './helpers';

// Issue 11, point 2: after a form submits its message is in view and focused (phone size here, where a
// message at the top of a long form used to sit above the screen); placeholders read as hints, not values.
test.use({ viewport: { width: 360, height: 740 } });

test('a patient saves their profile on a phone: the "saved" message is on screen and has the focus', async ({ page, api }) => {
  const patient = await api.newPatient('Wambui');
  await signIn(page, patient.email, patient.password, /\/patient$/);
  await page.goto('/patient/profile');
  await page.getByLabel('Medical history').fill('Asthma since childhood.');
  const save = page.getByRole('button', { name: 'Save my profile' });
  await save.scrollIntoViewIfNeeded();
  await save.click();

  const saved = page.getByRole('status').filter({ hasText: 'Your profile is saved.' });
  await expect(saved).toBeFocused();
  await expect(saved).toBeInViewport();
});

test('a doctor saves a prescription line without its dose on a phone: the error message is on screen and focused; line placeholders start "e.g."', async ({ page, api }) => {
  const [doctor, patient] = await Promise.all([api.newDoctor('Dr Achieng'), api.newPatient('Nafula')]);
  await startWalkInAsNewDoctor(page, doctor, patient.name);

  // Placeholders are hints: they start "e.g." and are drawn lighter and slanted than typed text.
  const route = page.getByLabel('Route').first();
  await expect(route).toHaveAttribute('placeholder', /^e\.g\. /);
  for (const label of ['Strength', 'Dose', 'Frequency', 'Duration', 'Instructions']) {
    await expect(page.getByLabel(label).first()).toHaveAttribute('placeholder', /^e\.g\. /);
  }
  const placeholderStyle = await route.evaluate((el) => {
    const ph = getComputedStyle(el, '::placeholder');
    return { phColour: ph.color, phStyle: ph.fontStyle, colour: getComputedStyle(el).color };
  });
  expect(placeholderStyle.phStyle).toBe('italic');
  expect(placeholderStyle.phColour).not.toBe(placeholderStyle.colour);

  await page.getByLabel('Symptoms').fill('Cough for a week');
  await page.getByLabel('Medicine').first().fill('Amoxicillin');
  await page.getByLabel('Route').first().fill('oral');
  await page.getByLabel('Frequency').first().fill('3 times a day');
  await page.getByLabel('Duration').first().fill('5 days');
  const save = page.getByRole('button', { name: /Save the visit/ });
  await save.scrollIntoViewIfNeeded();
  await save.click();

  const problem = page.locator('form').getByRole('alert').first();
  await expect(problem).toBeFocused();
  await expect(problem).toBeInViewport();
  await expect(page.getByTestId('rx-line-0')).toContainText(/dose/i);
});
