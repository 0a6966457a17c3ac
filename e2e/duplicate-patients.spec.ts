import { AUTH, expect, test, uniquePhoneAndBirthDate, uniqueTag } from './helpers';

// No silent duplicate patients: a person the clinic already has who registers again is told to ask at
// the clinic (and nothing about the record); a doctor registering a walk-in the clinic may know sees the
// possible matches, can open one, or say "This is a new patient".

const capitalised = (s: string) => s[0].toUpperCase() + s.slice(1);

test('registering again as a patient the clinic has is refused with a message to ask at the clinic', async ({ api, page }) => {
  const tag = uniqueTag();
  const name = `Wairimu ${capitalised(tag)}`;
  const { phone, date_of_birth } = uniquePhoneAndBirthDate(tag);
  await api.send('POST', '/api/users/', { data: { name, email: `first.${tag}@example.org`, password: 'a patient password', date_of_birth, gender: 'female', contact_info: { phone } } });

  await page.goto('/register');
  await page.getByLabel('Full name').fill(name.toUpperCase());
  await page.getByLabel('Email').fill(`second.${tag}@example.org`);
  await page.getByLabel('Password').fill('another good password');
  await page.getByLabel('Date of birth').fill(date_of_birth);
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Phone').fill(phone);
  await page.getByRole('button', { name: 'Create account' }).click();
  const notice = page.getByText(/the clinic may already have a record for you\. Please ask at the clinic reception/);
  await expect(notice).toBeVisible();
  await expect(notice).toBeInViewport();
  await expect(page).toHaveURL(/\/register/);
  await expect(page.getByText(/EH-\d{6}/)).toHaveCount(0); // nothing about the other record

  // The same email in other letters is taken too, said beside the field.
  await page.getByLabel('Full name').fill(`Someone ${capitalised(uniqueTag())}`);
  await page.getByLabel('Email').fill(`FIRST.${tag}@Example.org`);
  await page.getByLabel('Password').fill('another good password');
  await page.getByLabel('Date of birth').fill('1970-01-01');
  await page.getByLabel('Sex').selectOption('male');
  await page.getByLabel('Phone').fill('0799 123 456');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email already exists. Sign in instead.').first()).toBeVisible();
});

test.describe('as the demo doctor', () => {
  test.use({ storageState: AUTH.doctor });

  test('the walk-in form lists a possible match with Open, and "This is a new patient" registers anyway', async ({ api, page }) => {
    const tag = uniqueTag();
    const name = `Kamene ${capitalised(tag)}`;
    const { phone, date_of_birth } = uniquePhoneAndBirthDate(tag);
    const existing = await api.send<{ id: number }>('POST', '/api/users/', {
      data: { name, email: `kamene.${tag}@example.org`, password: 'a patient password', date_of_birth, gender: 'female', phone },
    });

    await page.goto('/doctor/patients/new');
    await page.getByLabel('Full name').fill(name.toLowerCase());
    await page.getByLabel('Date of birth').fill(date_of_birth);
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Phone').fill(uniquePhoneAndBirthDate(uniqueTag()).phone);
    await page.getByRole('button', { name: 'Register patient' }).click();

    const matches = page.getByTestId('possible-duplicates');
    await expect(matches).toBeVisible();
    await expect(matches.getByRole('heading', { name: 'This patient may already be registered' })).toBeInViewport();
    const candidate = matches.getByTestId('duplicate-candidate');
    await expect(candidate).toHaveCount(1);
    await expect(candidate).toContainText(name);
    await expect(candidate).toContainText(`born ${date_of_birth}`);
    await expect(candidate).toContainText(/EH-\d{6}/);
    // "Open" leads to the patients search on that number (any doctor may book or start a walk-in visit
    // there), not to a chart a doctor not linked to the patient may not open.
    const number = (await candidate.textContent())!.match(/EH-\d{6}/)![0];
    await expect(candidate.getByRole('link', { name: /^Open/ })).toHaveAttribute('href', `/doctor/patients?q=${number}`);
    expect(existing.id).toBeGreaterThan(0);
    await expect(page.getByLabel('Full name')).toHaveValue(name.toLowerCase()); // what was typed is kept

    await matches.getByRole('button', { name: 'This is a new patient' }).click();
    const created = page.getByTestId('patient-created');
    await expect(created).toBeVisible();
    await expect(created).toContainText(`${name.toLowerCase()} is registered with patient number`);
    await expect(page.getByTestId('possible-duplicates')).toHaveCount(0);
  });

  test('"This is a new patient" holds only for the details checked: changed details are checked again', async ({ api, page }) => {
    const registerPatient = async (first: string) => {
      const tag = uniqueTag();
      const person = { name: `${first} ${capitalised(tag)}`, ...uniquePhoneAndBirthDate(tag) };
      await api.send('POST', '/api/users/', { data: { ...person, email: `${first.toLowerCase()}.${tag}@example.org`, password: 'a patient password', gender: 'female' } });
      return person;
    };
    const li = await registerPatient('Li');
    const ann = await registerPatient('Ann');
    const fill = async (p: { name: string; date_of_birth: string; phone: string }) => {
      await page.getByLabel('Full name').fill(p.name);
      await page.getByLabel('Date of birth').fill(p.date_of_birth);
      await page.getByLabel('Phone').fill(p.phone);
    };

    await page.goto('/doctor/patients/new');
    await fill(li);
    await page.getByLabel('Sex').selectOption('female');
    await page.getByRole('button', { name: 'Register patient' }).click();
    const matches = page.getByTestId('possible-duplicates');
    await expect(matches.getByTestId('duplicate-candidate')).toContainText(li.name);

    // The details change to another known patient's before "This is a new patient": her record is shown, nothing saved.
    await fill(ann);
    await matches.getByRole('button', { name: 'This is a new patient' }).click();
    await expect(matches.getByTestId('duplicate-candidate')).toHaveCount(1);
    await expect(matches.getByTestId('duplicate-candidate')).toContainText(ann.name);
    await expect(page.getByTestId('patient-created')).toHaveCount(0);
    const found = await api.send<{ results: unknown[] } | unknown[]>('GET', `/api/patient-profiles/?q=${encodeURIComponent(ann.name)}`, { token: await api.adminToken() });
    expect(Array.isArray(found) ? found : found.results).toHaveLength(1);

    // "Open" shows her in the patients search, where this doctor can start a walk-in visit.
    await matches.getByRole('link', { name: /^Open/ }).click();
    await expect(page).toHaveURL(/\/doctor\/patients\?q=EH-\d{6}$/);
    const row = page.getByTestId('patient-results').locator(':scope > li');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(ann.name);
    await expect(row.getByRole('button', { name: 'Start walk-in visit' })).toBeVisible();
  });
});
