import { AUTH, expect, startWalkInAsNewDoctor, test } from './helpers';

/**
 * Issue 10, point 4: an admin makes a code a favourite on /admin/diagnoses; a doctor opening the
 * chart form sees it before typing, and typing "HTN" lists I10 (essential hypertension) first.
 */
test('an admin sets a favourite diagnosis; the doctor sees it before typing and finds I10 first for "HTN"', async ({ page, browser, api }) => {
  // The admin adds A01.00 (typhoid fever) to the favourites, through the admin screen.
  const admin = await browser.newContext({ storageState: AUTH.admin });
  const adminPage = await admin.newPage();
  await adminPage.goto('/admin/diagnoses');
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('Favourite diagnoses');
  if (await adminPage.getByRole('button', { name: 'Remove A01.00' }).count() === 0) {
    await adminPage.getByLabel('Code or words, e.g. I10 or malaria').fill('typhoid');
    await adminPage.getByRole('button', { name: 'Add A01.00' }).click();
    await expect(adminPage.getByTestId('favourite-list')).toContainText('A01.00');
    await adminPage.getByRole('button', { name: 'Save favourites' }).click();
    await expect(adminPage.getByRole('status').filter({ hasText: 'Favourites saved.' })).toBeVisible();
  }
  await adminPage.reload();
  await expect(adminPage.getByTestId('favourite-list')).toContainText('Typhoid fever');
  await admin.close();

  // A doctor of their own starts a walk-in visit for a patient of their own.
  const [doctor, patient] = await Promise.all([api.newDoctor('Dr Wanjiru'), api.newPatient('Achieng')]);
  await startWalkInAsNewDoctor(page, doctor, patient.name);

  // Before typing: the favourites.
  const search = page.getByRole('combobox', { name: /Add (a|another) diagnosis/ });
  await search.click();
  const favourites = page.getByRole('listbox', { name: 'Favourite diagnoses' });
  await expect(favourites).toBeVisible();
  await expect(favourites.getByRole('option', { name: /A01\.00/ })).toBeVisible();
  await favourites.getByRole('option', { name: /A01\.00/ }).click();
  await expect(page.getByText('Typhoid fever, unspecified', { exact: true })).toBeVisible();

  // "HTN": essential hypertension first, never a word merely starting with the letters.
  await search.fill('HTN');
  const matches = page.getByRole('listbox', { name: 'Matching diagnoses' });
  await expect(matches.getByRole('option').first()).toContainText('I10');
  await expect(matches.getByRole('option').first()).toContainText('Essential (primary) hypertension');

  // Chosen with the keyboard, it joins the visit's diagnoses.
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page.getByText('Essential (primary) hypertension', { exact: true })).toBeVisible();
});
