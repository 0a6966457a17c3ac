import { AUTH, expect, test, uniqueTag, type Api } from './helpers';

test.use({ storageState: AUTH.admin });

/** A walk-in patient registered by the demo admin (`POST /api/patient-profiles/`), told it is a new patient. */
async function walkIn(api: Api, name: string, phone: string) {
  return api.send<{ id: number; user_id: number; patient_number: string; name: string }>('POST', '/api/patient-profiles/', {
    token: await api.adminToken(),
    data: { name, date_of_birth: '1985-03-04', gender: 'female', phone, confirm_not_duplicate: true, confirm_new_patient: true },
  });
}

const phoneDigits = () => String(Math.floor(Math.random() * 1e8)).padStart(8, '0');

for (const width of [360, 1280]) {
  test(`an admin merges a duplicate record from the users list at ${width} px: per-field choice, then the merged record points to the survivor`, async ({ page, api, browser }) => {
    await page.setViewportSize({ width, height: 900 });
    const tag = uniqueTag();
    const Tag = tag[0].toUpperCase() + tag.slice(1);
    const survivor = await walkIn(api, `Wanjiru ${Tag}`, `07${phoneDigits()}`);
    const duplicate = await walkIn(api, `Wanjiru ${Tag} Kamau`, `07${phoneDigits()}`);

    // From the users list: the survivor's row leads to the merge screen.
    await page.goto(`/admin/users?q=${encodeURIComponent(`Wanjiru ${Tag}`)}&role=patient`);
    await page.getByRole('link', { name: `Merge another record into Wanjiru ${Tag}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/patients/${survivor.user_id}/merge$`));
    await expect(page.getByTestId('survivor')).toContainText(survivor.patient_number);

    // Find the other record and compare.
    await page.getByLabel('Name, phone or patient number').fill(duplicate.patient_number);
    await page.getByRole('button', { name: 'Search' }).click();
    const candidates = page.getByTestId('merge-candidates').locator(':scope > li');
    await expect(candidates).toHaveCount(1);
    await candidates.getByRole('link', { name: `Compare ${duplicate.name} ${duplicate.patient_number}` }).click();

    // Side by side: keep the duplicate's (fuller) name, the survivor's phone (the default).
    const name = page.getByTestId('merge-field-name');
    await expect(name.getByRole('radio', { name: new RegExp(`Keep ${survivor.patient_number}`) })).toBeChecked();
    await name.getByRole('radio', { name: new RegExp(`Take from ${duplicate.patient_number}`) }).check();
    await expect(page.getByTestId('merge-field-phone').getByRole('radio', { name: new RegExp(`Keep ${survivor.patient_number}`) })).toBeChecked();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `.test-output/patient-merge-${width}.png`, fullPage: true });
    // A merge cannot be undone: the button does nothing until the admin ticks that it is the same person.
    const mergeButton = page.getByRole('button', { name: `Merge ${duplicate.patient_number} into ${survivor.patient_number}` });
    const samePerson = page.getByRole('checkbox', { name: /I have checked these are the same person/ });
    await expect(samePerson).not.toBeChecked();
    const compareUrl = page.url();
    await mergeButton.click();
    await expect(page).toHaveURL(compareUrl);
    expect(await samePerson.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
    await samePerson.check();
    await mergeButton.click();

    await expect(page).toHaveURL(new RegExp(`/admin/patients/${survivor.user_id}/merge\\?merged=${duplicate.user_id}$`));
    await expect(page.getByTestId('merge-done')).toBeVisible();
    await expect(page.getByTestId('survivor')).toContainText(`Wanjiru ${Tag} Kamau · ${survivor.patient_number}`);

    // The merged record: a notice linking to the survivor on its page; 404 with merged_into on the API.
    await page.goto(`/admin/patients/${duplicate.user_id}/merge`);
    await expect(page.getByTestId('merged-notice')).toBeVisible();
    await page.getByRole('link', { name: 'Open the record it was merged into' }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/patients/${survivor.user_id}/merge$`));
    const res = await api.request.get(`/api/patient-profiles/${duplicate.id}/`, { headers: { Authorization: `Bearer ${await api.adminToken()}` } });
    expect(res.status()).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'not_found', merged_into: survivor.id });
    // A doctor opening the merged record's chart is sent on to the survivor's.
    const doctorContext = await browser.newContext({ storageState: AUTH.doctor, viewport: { width, height: 900 } });
    const doctorPage = await doctorContext.newPage();
    await doctorPage.goto(`/doctor/patients/${duplicate.user_id}`);
    await expect(doctorPage.getByTestId('merged-notice').getByRole('link', { name: 'Open the record it was merged into' }))
      .toHaveAttribute('href', `/doctor/patients/${survivor.user_id}`);
    await doctorPage.goto(`/doctor/patients/${duplicate.user_id}/chart`);
    await expect(doctorPage.getByTestId('merged-notice').getByRole('link', { name: 'Open the record it was merged into' }))
      .toHaveAttribute('href', `/doctor/patients/${survivor.user_id}`);
    await doctorContext.close();
    // Gone from the users list.
    await page.goto(`/admin/users?q=${encodeURIComponent(`Wanjiru ${Tag}`)}&role=patient`);
    await expect(page.getByTestId('user-list').locator(':scope > li')).toHaveCount(1);
  });
}
