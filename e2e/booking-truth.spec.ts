import { AUTH, addDays, expect, giveWorkingHours, signIn, test, weekdayIn, type Api, type Person } from './helpers';
import type { Browser } from '@playwright/test';

// Booking tells the truth: who is offered, what a day says, what times are offered, and moving one's own appointment.

const ZONE = 'Africa/Nairobi';
/** The clinic date (`YYYY-MM-DD`) of an instant. */
const clinicDate = (at: string | Date) => new Date(at).toLocaleDateString('en-CA', { timeZone: ZONE });
/** The clinic time (`HH:mm`) of an instant, as the booking screens show it. */
const clinicTime = (at: string) => new Date(at).toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const today = () => clinicDate(new Date());

/** `doctor`'s free slots in the 14 days the booking screens offer, by clinic date. */
async function slotsByDate(api: Api, doctor: Person): Promise<Map<string, string[]>> {
  const slots = await api.freeSlots(doctor.id, today(), addDays(today(), 13));
  const out = new Map<string, string[]>();
  for (const s of slots) out.set(clinicDate(s), [...(out.get(clinicDate(s)) ?? []), s]);
  return out;
}

/** Adds one day of time off for `doctor` on the admin's availability page. */
async function giveDayOff(browser: Browser, doctor: Person, date: string) {
  const context = await browser.newContext({ storageState: AUTH.admin });
  const page = await context.newPage();
  await page.goto(`/admin/doctors/${doctor.id}/availability`);
  await page.getByLabel('First day away').fill(date);
  await page.getByLabel('Last day away').fill(date);
  await page.getByRole('button', { name: 'Add time off' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Time off added' })).toBeVisible();
  await context.close();
}

/** A child's date of birth: `years` old today, give or take a few weeks. */
const childBirthDate = (years: number) => addDays(today(), -(years * 365 + 40));

test('a doctor without working hours is not offered; an away day reads "Not available", a taken one "Full"', async ({ page, browser, api }) => {
  const [patient, filler, noHours, doctor] = await Promise.all([api.newPatient('Zawadi'), api.newPatient('Halima'), api.newDoctor('Dr Hourless'), api.newDoctor('Dr Truth')]);
  // Two 20-minute slots on one weekday, which the 14 days offered hold twice.
  await giveWorkingHours(browser, doctor, [weekdayIn(2)], '08:00', '08:40');
  const days = [...(await slotsByDate(api, doctor)).entries()];
  expect(days, 'two working days of the doctor in the next 14').toHaveLength(2);
  const [[away], [full, fullSlots]] = days;
  await giveDayOff(browser, doctor, away);
  for (const slot of fullSlots) await api.book(filler, { doctor_id: doctor.id, date_time: slot, reason: 'Filling the day' });

  await signIn(page, patient.email, patient.password, /\/patient$/);
  await page.goto('/patient/book');
  const choices = page.getByTestId('doctor-choices');
  await expect(choices.getByRole('link', { name: doctor.name })).toBeVisible();
  await expect(choices).not.toContainText(noHours.name);

  await choices.getByRole('link', { name: doctor.name }).click();
  await expect(page.getByRole('heading', { name: `Book with ${doctor.name}` })).toBeVisible();
  const day = (date: string) => page.getByTestId('booking-days').locator(`li[data-date="${date}"]`);
  await expect(day(away)).toHaveText(/Not available$/);
  await expect(day(away).getByRole('link')).toHaveCount(0);
  await expect(day(full)).toHaveText(/Full$/);
  await expect(day(full).getByRole('link')).toHaveCount(0);
  // A day the doctor does not work at all is not available either, never "full".
  await expect(day(addDays(full, 1))).toHaveText(/Not available$/);
  await expect(page.getByTestId('booking-days').getByText('Full')).toHaveCount(1);
  await expect(page.getByText('No free time in the next 14 days.')).toBeVisible();
});

test('a paediatrician is offered to a child, not to an adult, and a picked specialty narrows the doctors', async ({ page, browser, api }) => {
  const [adult, child, paed, ortho] = await Promise.all([
    api.newPatient('Juma'), api.newPatient('Baraka', { dateOfBirth: childBirthDate(7) }),
    api.newDoctor('Dr Paed', 'Paediatrics'), api.newDoctor('Dr Ortho', 'Orthopaedics'),
  ]);
  await giveWorkingHours(browser, paed);
  await giveWorkingHours(browser, ortho);

  // The server refuses the adult the paediatrician too, in words.
  const [slot] = await api.freeSlots(paed.id, today(), addDays(today(), 13));
  const { token } = await api.login(adult.email, adult.password);
  const refused = await api.request.post('/api/appointments/', { data: { doctor_id: paed.id, date_time: slot }, headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.fields.doctor_id[0]).toContain('sees children under 15');

  await signIn(page, adult.email, adult.password, /\/patient$/);
  await page.goto('/patient/book');
  const choices = page.getByTestId('doctor-choices');
  await expect(choices.getByRole('link', { name: ortho.name })).toBeVisible();
  await expect(choices).not.toContainText(paed.name);
  const specialty = page.getByLabel('Specialty (optional)');
  await expect(specialty).not.toContainText('Paediatrics');

  // Picking a specialty lists only its doctors, and "first available" keeps to it.
  await specialty.selectOption('Orthopaedics');
  await page.getByRole('button', { name: 'Show doctors' }).click();
  await expect(page).toHaveURL(/[?&]specialty=Orthopaedics/);
  await expect(specialty).toHaveValue('Orthopaedics');
  const listed = choices.locator(':scope > li');
  await expect(listed).toHaveCount(2); // first available + the one orthopaedist
  await expect(listed.nth(1)).toContainText(ortho.name);
  await listed.first().getByRole('link', { name: /First available doctor/ }).click();
  await expect(page.getByRole('heading', { name: 'Book with the first available doctor in Orthopaedics' })).toBeVisible();
  await page.getByRole('link', { name: /free/ }).first().click();
  await page.getByTestId('free-slots').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
  await expect(page.getByText(`with ${ortho.name}`)).toBeVisible();

  // The child is offered the paediatrician.
  await page.context().clearCookies();
  await signIn(page, child.email, child.password, /\/patient$/);
  await page.goto('/patient/book');
  await expect(page.getByTestId('doctor-choices').getByRole('link', { name: paed.name })).toBeVisible();
  await page.getByLabel('Specialty (optional)').selectOption('Paediatrics');
  await page.getByRole('button', { name: 'Show doctors' }).click();
  await expect(page).toHaveURL(/[?&]specialty=Paediatrics/);
  await expect(page.getByTestId('doctor-choices').getByRole('link', { name: paed.name })).toBeVisible();
  await expect(page.getByTestId('doctor-choices')).not.toContainText(ortho.name);
});

test('a time the patient already holds with one doctor is not offered with another', async ({ page, browser, api }) => {
  const [patient, first, second] = await Promise.all([api.newPatient('Neema'), api.newDoctor('Dr First'), api.newDoctor('Dr Second')]);
  await giveWorkingHours(browser, first, [weekdayIn(2)], '08:00', '09:00');
  await giveWorkingHours(browser, second, [weekdayIn(2)], '08:00', '09:00');
  const [[date, firstSlots]] = [...(await slotsByDate(api, first)).entries()];
  const held = firstSlots[1];
  await api.book(patient, { doctor_id: first.id, date_time: held, reason: 'Check-up' });
  const secondTimes = ((await slotsByDate(api, second)).get(date) ?? []).map(clinicTime);
  expect(secondTimes).toContain(clinicTime(held));

  await signIn(page, patient.email, patient.password, /\/patient$/);
  await page.goto(`/patient/book?doctor=${second.id}&date=${date}`);
  const offered = page.getByTestId('free-slots').getByRole('link');
  await expect(offered).toHaveText(secondTimes.filter((t) => t !== clinicTime(held)));
});

test('a patient reschedules their own appointment, and cannot open another patient\'s', async ({ page, browser, api }) => {
  const [patient, other, doctor] = await Promise.all([api.newPatient('Wanjiru'), api.newPatient('Akinyi'), api.newDoctor('Dr Move')]);
  await giveWorkingHours(browser, doctor, [weekdayIn(2)], '08:00', '10:00');
  const [[date, slots]] = [...(await slotsByDate(api, doctor)).entries()];
  await api.book(patient, { doctor_id: doctor.id, date_time: slots[0], reason: 'Back pain' });
  const others = await api.book(other, { doctor_id: doctor.id, date_time: slots[1], reason: 'Headache' });

  await signIn(page, patient.email, patient.password, /\/patient$/);
  await page.goto('/patient/appointments');
  const mine = page.getByTestId('upcoming-appointments').locator(':scope > li').filter({ hasText: 'Back pain' });
  await expect(mine).toContainText(clinicTime(slots[0]));
  await mine.getByRole('link', { name: /Reschedule/ }).click();
  await expect(page.getByRole('heading', { name: 'Reschedule your appointment' })).toBeVisible();
  await page.getByTestId('booking-days').locator(`li[data-date="${date}"]`).getByRole('link').click();
  const times = page.getByTestId('free-slots').getByRole('link');
  // The other patient's time is taken, the present time is where it already is; the last time of the day is free.
  await expect(times.first()).toBeVisible();
  await expect(times.filter({ hasText: clinicTime(slots[1]) })).toHaveCount(0);
  await expect(times.filter({ hasText: clinicTime(slots[0]) })).toHaveCount(0);
  const last = clinicTime(slots.at(-1) as string);
  await times.filter({ hasText: last }).click();
  await expect(page.getByRole('heading', { name: 'Confirm the new time' })).toBeVisible();
  await page.getByRole('button', { name: 'Move my appointment here' }).click();
  await expect(page).toHaveURL(/\/patient\/appointments\?rescheduled=\d+/);
  await expect(page.getByRole('status').filter({ hasText: 'Your appointment is moved' })).toBeVisible();
  const moved = page.getByTestId('upcoming-appointments').locator(':scope > li').filter({ hasText: 'Back pain' });
  await expect(moved).toContainText(last);
  await expect(moved).not.toContainText(clinicTime(slots[0]));

  // Someone else's appointment: the 403 page, not a slot picker.
  const res = await page.goto(`/patient/appointments/${others.id}/reschedule`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Reschedule your appointment' })).toHaveCount(0);
});

test('a confirm address with a time the list does not offer goes back to the times, with a notice', async ({ page, browser, api }) => {
  const [patient, doctor] = await Promise.all([api.newPatient('Imani'), api.newDoctor('Dr Grid')]);
  await giveWorkingHours(browser, doctor, [weekdayIn(2)], '08:00', '08:40');
  const [[date, slots]] = [...(await slotsByDate(api, doctor)).entries()];
  const offGrid = new Date(new Date(slots[0]).getTime() + 10 * 60_000).toISOString();
  const confirmUrl = (start: string, day = date, base = '/patient/book') => `${base}?doctor=${doctor.id}&date=${day}&start=${encodeURIComponent(start)}&doctorId=${doctor.id}`;
  const notice = page.getByRole('status').filter({ hasText: 'That time is not available. Choose another.' });
  const bookButton = page.getByRole('button', { name: 'Book this appointment' });

  await signIn(page, patient.email, patient.password, /\/patient$/);
  for (const start of [offGrid, '9999-12-31T05:40:00.000Z']) {
    await page.goto(confirmUrl(start));
    await expect(notice).toBeVisible();
    await expect(page.getByTestId('free-slots').getByRole('link')).toHaveText(slots.map(clinicTime));
    await expect(bookButton).toHaveCount(0);
  }
  // A day that is not offered: back to the days.
  await page.goto(confirmUrl('9999-12-31T05:40:00.000Z', '9999-12-31'));
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('booking-days')).toBeVisible();
  await expect(bookButton).toHaveCount(0);
  // A time the list offers is confirmable, without the notice.
  await page.goto(confirmUrl(slots[1]));
  await expect(page.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
  await expect(bookButton).toBeVisible();
  await expect(notice).toHaveCount(0);

  // Moving an appointment: the same check.
  const mine = await api.book(patient, { doctor_id: doctor.id, date_time: slots[0], reason: 'Check-up' });
  await page.goto(confirmUrl(offGrid, date, `/patient/appointments/${mine.id}/reschedule`));
  await expect(notice).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move my appointment here' })).toHaveCount(0);
  await page.goto(confirmUrl(slots[1], date, `/patient/appointments/${mine.id}/reschedule`));
  await expect(page.getByRole('button', { name: 'Move my appointment here' })).toBeVisible();
});
