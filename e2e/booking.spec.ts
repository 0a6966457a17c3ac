import { AUTH, addDays, expect, giveWorkingHours, navigate, signIn, test } from './helpers';

test('a patient books a free slot step by step, sees it, and cancels it with a reason', async ({ page, browser, api }) => {
  // Their own patient, and their own doctor with working hours on one weekday: nothing else books them.
  const [patient, doctor] = await Promise.all([api.newPatient('Imani'), api.newDoctor()]);
  await giveWorkingHours(browser, doctor);

  await signIn(page, patient.email, patient.password, /\/patient$/);
  await navigate(page, 'Book');
  await expect(page.getByRole('heading', { name: 'Book an appointment' })).toBeVisible();
  await page.getByRole('link', { name: doctor.name }).click();
  await expect(page.getByRole('heading', { name: `Book with ${doctor.name}` })).toBeVisible();
  // Choose the last day offered with free slots, and its last time.
  const days = page.getByRole('link', { name: /free/ });
  await expect(days.first()).toBeVisible();
  await days.last().click();
  const slots = page.getByTestId('free-slots').getByRole('link');
  await expect(slots.first()).toBeVisible();
  const time = (await slots.last().textContent())?.trim();
  await slots.last().click();
  await expect(page.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
  await expect(page.getByText(`with ${doctor.name}`)).toBeVisible();
  await page.getByLabel('Reason for the visit').fill('Cough for a week');
  await page.getByRole('button', { name: 'Book this appointment' }).click();
  await expect(page).toHaveURL(/\/patient\/appointments\?booked=\d+/);
  const upcoming = page.getByTestId('upcoming-appointments').locator(':scope > li');
  await expect(upcoming).toHaveCount(1);
  const booked = upcoming.filter({ hasText: 'Cough for a week' });
  await expect(booked).toContainText(time as string);
  await expect(booked).toContainText(doctor.name);
  await expect(booked).toContainText('Pending');

  await booked.getByText('Cancel this appointment').click();
  await booked.getByLabel('Reason').fill('Feeling better');
  await booked.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your appointment is cancelled' })).toBeVisible();
  await expect(page.getByTestId('past-appointments')).toContainText('Feeling better');
});

test.describe('as the demo patient', () => {
  test.use({ storageState: AUTH.patient });

  test('a day in the address bar that no booking screen offers shows the days again, not an error', async ({ page }) => {
    // 2026-02-30 answered a 500; 9999-12-31 sent the server into an endless day loop until it ran out of memory.
    for (const date of ['2026-02-30', '9999-12-31', '2020-01-01']) {
      const res = await page.goto(`/patient/book?doctor=any&date=${date}`);
      expect(res?.status(), date).toBe(200);
      await expect(page.getByRole('heading', { name: 'Book with the first available doctor' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Choose a day' })).toBeVisible();
    }
  });
});

test.describe('as the demo doctor', () => {
  test.use({ storageState: AUTH.doctor });

  test('the doctor confirms a pending appointment from the next 14 days', async ({ page, api }) => {
    // A patient of this journey's own books the demo doctor, two to eight days ahead (inside the list).
    const patient = await api.newPatient('Baraka');
    const doctorId = await api.userId('doctor@example.org');
    const today = new Date().toISOString().slice(0, 10);
    const [slot] = await api.freeSlots(doctorId, addDays(today, 2), addDays(today, 8));
    expect(slot, 'a free slot of the demo doctor within a week').toBeDefined();
    await api.book(patient, { doctor_id: doctorId, date_time: slot, reason: 'Knee pain when climbing stairs' });

    await page.goto('/doctor');
    await page.getByRole('link', { name: 'Next 14 days →' }).click();
    const row = page.getByTestId('upcoming-list').locator('li', { has: page.getByTestId('patient-name').filter({ hasText: patient.name }) });
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-status', 'pending');
    await row.getByRole('button', { name: 'Confirm' }).click();
    await expect(row).toHaveAttribute('data-status', 'confirmed');
  });

  test('a doctor books a free slot for a patient found by name', async ({ page, api }) => {
    const patient = await api.newPatient('Wanjiku');
    await page.goto('/doctor');
    await navigate(page, 'Patients');
    await page.getByLabel('Name, phone or patient number').fill(patient.name);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByTestId('patient-results').locator(':scope > li');
    await expect(row).toHaveCount(1);
    await expect(row.locator('p.font-medium')).toHaveText(patient.name);
    await row.getByRole('link', { name: 'Book', exact: true }).click();
    await expect(page.getByRole('heading', { name: `Book for ${patient.name}` })).toBeVisible();
    await page.getByRole('link', { name: /First available doctor/ }).click();
    await page.getByRole('link', { name: /free/ }).nth(5).click();
    await page.getByTestId('free-slots').getByRole('link').last().click();
    await page.getByLabel('Reason for the visit').fill('Follow-up of blood pressure');
    await page.getByRole('button', { name: 'Book this appointment' }).click();
    await expect(page.getByRole('status')).toContainText(`The appointment for ${patient.name} is booked.`);
  });
});
