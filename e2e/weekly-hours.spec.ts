import { AUTH, expect, giveWorkingHours, test, weekdayIn } from './helpers';

// A time picker left half-filled ("08:--") is sent by the browser as an empty value; with both times of
// a period empty the period would be removed and the form would say "saved". The form stops first.

test.use({ storageState: AUTH.admin });

test('a half-cleared working time is refused in the form; the saved hours stay', async ({ page, api, browser }) => {
  const doctor = await api.newDoctor('Dr Halima');
  const day = weekdayIn(2);
  await giveWorkingHours(browser, doctor, [day], '08:00', '17:00');
  await page.goto(`/admin/doctors/${doctor.id}/availability`);
  for (const label of [`From (${day}, period 1)`, `To (${day}, period 1)`]) {
    const time = page.getByLabel(label);
    await time.click();
    await page.keyboard.press('Backspace');
    expect(await time.evaluate((i: HTMLInputElement) => i.validity.badInput && i.value === ''), `${label} is half-filled: the browser would send it empty`).toBe(true);
  }
  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Some times are not finished' });
  await expect(notice).toBeFocused();
  await expect(page.getByText('Finish this time, like 08:00, or clear it.')).toHaveCount(1); // one line under the period
  await page.reload();
  await expect(page.getByLabel(`From (${day}, period 1)`)).toHaveValue('08:00');
  await expect(page.getByLabel(`To (${day}, period 1)`)).toHaveValue('17:00');
});
