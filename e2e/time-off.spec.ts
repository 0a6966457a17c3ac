import type { Page } from '@playwright/test';
import { addDays, chooseOwnPassword, expect, giveWorkingHours, signIn, test, type Person } from './helpers';

// Issue #11, point 2: adding time off lists the appointments it falls on, each linked to its patient,
// in view and focused.

const clinicDate = (at: string) => new Date(at).toLocaleDateString('en-CA', { timeZone: 'Africa/Nairobi' });

/** Signs the new doctor in (choosing their own password) and adds time off on clinic date `day`. */
async function addTimeOffAsNewDoctor(page: Page, doctor: Person, day: string) {
  await signIn(page, doctor.email, doctor.password, /\/account\/password/);
  await chooseOwnPassword(page, doctor.password, 'a doctor password');
  await page.goto('/doctor/availability');
  await page.getByLabel('First day away').fill(day);
  await page.getByLabel('Last day away').fill(day);
  await page.getByRole('button', { name: 'Add time off' }).click();
}

test('a doctor adds time off over a booked day and is shown that appointment, linked to the patient', async ({ page, api, browser }) => {
  const doctor = await api.newDoctor('Dr Wanjiru');
  await giveWorkingHours(browser, doctor);
  const today = clinicDate(new Date().toISOString());
  const [slot] = await api.freeSlots(doctor.id, addDays(today, 1), addDays(today, 13));
  expect(slot, 'the doctor has a free slot in the coming days').toBeTruthy();
  const patient = await api.newPatient('Makena');
  await api.book(patient, { doctor_id: doctor.id, date_time: slot, reason: 'Cough for a week' });
  const day = clinicDate(slot);

  await page.setViewportSize({ width: 360, height: 740 });
  await addTimeOffAsNewDoctor(page, doctor, day);

  const answer = page.getByRole('status').filter({ hasText: 'Time off added. 1 booked appointment falls on these days' });
  await expect(answer).toBeInViewport();
  await expect(answer).toBeFocused();
  const link = answer.getByTestId('touched-appointments').getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toContainText(patient.name);
  await expect(link).toContainText('(pending)');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/doctor/patients/${patient.id}$`));
});

test('time off on days with nothing booked says only that it was added', async ({ page, api, browser }) => {
  const doctor = await api.newDoctor('Dr Otieno');
  await giveWorkingHours(browser, doctor);
  const far = addDays(clinicDate(new Date().toISOString()), 40);
  await addTimeOffAsNewDoctor(page, doctor, far);
  const answer = page.getByRole('status').filter({ hasText: /^Time off added\.$/ });
  await expect(answer).toBeFocused();
  await expect(page.getByTestId('touched-appointments')).toHaveCount(0);
});
