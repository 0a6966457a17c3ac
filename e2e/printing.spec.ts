import type { Page } from '@playwright/test';
import { chooseOwnPassword, expect, signIn, startWalkInAsNewDoctor, test, uniquePhoneAndBirthDate, uniqueTag, type Api, type Person } from './helpers';

// Printing: a visit summary (A4) and a prescription (A4 and A5) from the doctor's chart and from the
// patient's records, with every field a paper needs; pages about one patient keep the patient's identity
// on paper while the navigation is hidden; and a walk-in goes from registration straight to the chart form.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `1990-03-05` → `5 Mar 1990`, as the pages write a date of birth. */
const birthDateWords = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return `${d} ${MONTHS[m - 1]} ${y}`; };

/** The page size of the first page of a PDF, in points, from its `/MediaBox`. */
function pdfPageSize(pdf: Buffer): { width: number; height: number; pages: number } {
  const text = pdf.toString('latin1');
  const box = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(text);
  expect(box, 'a /MediaBox in the PDF').not.toBeNull();
  const [x0, y0, x1, y1] = box!.slice(1).map(Number);
  return { width: x1 - x0, height: y1 - y0, pages: (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length };
}
const SIZES = { A4: { width: 595.28, height: 841.89 }, A5: { width: 419.53, height: 595.28 } };
/**
 * A PDF of one page of `paper` (within 3 pt: Chromium rounds the formats to hundredths of an inch). One
 * page: a visit this small fits, with no blank trailing sheet.
 */
function expectPaper(pdf: Buffer, paper: keyof typeof SIZES) {
  expect(pdf.length).toBeGreaterThan(2_000);
  const size = pdfPageSize(pdf);
  expect(size.pages).toBe(1);
  expect(Math.abs(size.width - SIZES[paper].width), `width ${size.width} for ${paper}`).toBeLessThan(3);
  expect(Math.abs(size.height - SIZES[paper].height), `height ${size.height} for ${paper}`).toBeLessThan(3);
}

/**
 * On paper (print media): the site's header and navigation are gone, the patient's identity stays. Ends
 * with no media emulated (`null`, not `screen`: page.pdf prints with screen styles after `screen`).
 */
async function expectIdentityOnPaper(page: Page, patientName: string) {
  // Located by CSS, not by role, so that "hidden" cannot pass for "not there".
  const header = page.locator('body header').first();
  await expect(header).toBeVisible();
  await expect(page.locator('nav[aria-label="Main"]')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeHidden();
  await expect(page.locator('nav[aria-label="Main"]')).toBeHidden();
  const identity = page.getByTestId('patient-identity').first();
  await expect(identity).toBeVisible();
  await expect(identity).toContainText(patientName);
  await page.emulateMedia({ media: null });
}

interface Visit { doctor: Person; patient: Person; recordId: number; patientNumber: string; dateOfBirth: string }

/**
 * A new doctor sees a new patient (allergic to latex) as a walk-in, and the visit is charted through the
 * API: malaria (ICD-10 B54) and one medicine line. The page ends on the doctor's chart form.
 */
async function chartedVisit(page: Page, api: Api): Promise<Visit> {
  const [doctor, patient] = await Promise.all([api.newDoctor('Dr Printer'), api.newPatient('Shiru')]);
  const { token: patientToken } = await api.login(patient.email, patient.password);
  const profiles = await api.send<{ results: Array<{ id: number; patient_number: string; date_of_birth: string }> }>('GET', '/api/patient-profiles/', { token: patientToken });
  const profile = profiles.results[0];
  await api.send('PUT', `/api/patient-profiles/${profile.id}/`, { token: patientToken, data: { allergies: [{ substance: 'Latex', reaction: 'Rash', severity: 'mild' }] } });
  await startWalkInAsNewDoctor(page, doctor, patient.name);
  const { token } = await api.login(doctor.email, 'a doctor password');
  const rec = await api.send<{ id: number }>('POST', '/api/medical-records/', {
    token,
    data: {
      patient_id: patient.id, symptoms: 'Fever and chills',
      diagnoses: [{ system: 'ICD-10', code: 'B54' }],
      prescriptions: [{ medicine: 'Artemether/lumefantrine', strength: '20/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days' }],
      vital_signs: { temperature_c: 38.6 },
    },
  });
  return { doctor, patient, recordId: rec.id, patientNumber: profile.patient_number, dateOfBirth: profile.date_of_birth };
}

/** The printed sheet holds every field a visit summary or prescription needs. */
async function expectPrintedFields(page: Page, v: Visit, doc: 'Visit summary' | 'Prescription') {
  const sheet = page.getByTestId('printable');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(doc);
  await expect(sheet.getByTestId('clinic')).toContainText('E-Health Clinic');
  await expect(sheet.getByTestId('clinic')).toContainText('12 Moi Avenue, Nairobi');
  const identity = sheet.getByTestId('patient-identity');
  await expect(identity).toContainText(v.patient.name);
  await expect(identity).toContainText(`Patient number ${v.patientNumber}`);
  await expect(identity).toContainText(`Born ${birthDateWords(v.dateOfBirth)}`);
  await expect(identity).toContainText('Sex Female');
  await expect(sheet.getByTestId('print-allergies')).toContainText('Allergies: Latex (Rash, mild)');
  await expect(sheet.getByTestId('print-visit')).toContainText(`Doctor: ${v.doctor.name}`);
  await expect(sheet.getByTestId('print-visit')).toContainText(/Visit: \w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2}/);
  const dx = sheet.getByTestId('print-diagnoses');
  await expect(dx).toContainText('B54');
  await expect(dx).toContainText(/malaria/i);
  // The header row is left out where the medicines are laid out as labelled blocks (A5, phones).
  const rx = sheet.getByTestId('print-medicines').getByRole('row').filter({ hasText: 'Artemether' });
  for (const cell of ['Artemether/lumefantrine 20/120 mg', '4 tablets', 'oral', 'twice daily', '3 days']) await expect(rx).toContainText(cell);
  const signature = sheet.getByTestId('signature');
  await expect(signature).toContainText(v.doctor.name);
  await expect(signature).toContainText('Signature');
  await expect(signature).toContainText('Date');
}

/** Print media: no site header, no print toolbar; the sheet and the identity on it remain. */
async function expectPaperView(page: Page, v: Visit) {
  await expectIdentityOnPaper(page, v.patient.name);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-toolbar')).toBeHidden();
  await expect(page.getByTestId('printable')).toBeVisible();
  await page.emulateMedia({ media: null });
}

test('the doctor prints the visit summary (A4) and the prescription (A4, A5) from the chart; chart pages keep the patient on paper', async ({ page, api }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const v = await chartedVisit(page, api);
  // The chart form is about one patient: identity on paper too.
  await expectIdentityOnPaper(page, v.patient.name);

  await page.goto(`/doctor/patients/${v.patient.id}`);
  const identity = page.getByTestId('patient-identity');
  await expect(identity).toContainText(`Born ${birthDateWords(v.dateOfBirth)}`);
  await expectIdentityOnPaper(page, v.patient.name);
  // The print links are screen-only.
  const links = page.getByTestId('visits').getByTestId('print-links').first();
  await page.emulateMedia({ media: 'print' });
  await expect(links).toBeHidden();
  await page.emulateMedia({ media: null });

  await links.getByRole('link', { name: 'Print summary' }).click();
  await expect(page).toHaveURL(new RegExp(`/doctor/records/${v.recordId}/print\\?doc=summary&paper=A4$`));
  await expectPrintedFields(page, v, 'Visit summary');
  await expect(page.getByTestId('printable')).toContainText('Fever and chills');
  await expect(page.getByTestId('printable')).toContainText(/38\.6 ?°C/);
  await expect(page.getByRole('button', { name: 'Print the visit summary (A4)' })).toBeVisible();
  await expectPaperView(page, v);
  expectPaper(await page.pdf({ format: 'A4' }), 'A4');
  expectPaper(await page.pdf({ preferCSSPageSize: true }), 'A4'); // the page's own @page size

  await page.getByRole('link', { name: 'Prescription (A5)' }).click();
  await expect(page).toHaveURL(/doc=prescription&paper=A5$/);
  await expectPrintedFields(page, v, 'Prescription');
  await expect(page.getByTestId('printable')).toHaveAttribute('data-paper', 'A5');
  await expectPaperView(page, v);
  expectPaper(await page.pdf({ format: 'A5' }), 'A5');
  expectPaper(await page.pdf({ preferCSSPageSize: true }), 'A5');

  await page.getByRole('link', { name: 'Prescription (A4)' }).click();
  await expectPrintedFields(page, v, 'Prescription');
  expectPaper(await page.pdf({ format: 'A4' }), 'A4');

  // The record page offers the same, with the identity on top.
  await page.goto(`/doctor/records/${v.recordId}`);
  await expect(page.getByTestId('print-links').getByRole('link', { name: 'Print prescription (A5)' })).toHaveAttribute('href', `/doctor/records/${v.recordId}/print?doc=prescription&paper=A5`);
  await expectIdentityOnPaper(page, v.patient.name);

  // A visit without medicines offers its summary only.
  const { token } = await api.login(v.doctor.email, 'a doctor password');
  await api.send('POST', '/api/medical-records/', { token, data: { patient_id: v.patient.id, symptoms: 'Review', diagnoses: [{ system: 'ICD-10', code: 'B54' }] } });
  await page.goto(`/doctor/patients/${v.patient.id}`);
  const newest = page.getByTestId('visits').getByTestId('print-links').first();
  await expect(newest.getByRole('link', { name: 'Print summary' })).toBeVisible();
  await expect(newest.getByRole('link', { name: /Print prescription/ })).toHaveCount(0);
});

test('the patient prints the summary and the prescription from their own records; another patient cannot', async ({ page, api, browser }) => {
  const v = await chartedVisit(page, api);
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 360, height: 740 } });
  const mine = await context.newPage();
  await signIn(mine, v.patient.email, v.patient.password, /\/patient$/);
  await mine.goto('/patient/records');
  await expect(mine.getByTestId('patient-identity')).toContainText(`Patient number ${v.patientNumber}`);
  await expectIdentityOnPaper(mine, v.patient.name);

  const visit = mine.getByTestId('my-records').locator(':scope > li').first();
  await visit.getByRole('link', { name: 'Print prescription (A4)' }).click();
  await expect(mine).toHaveURL(new RegExp(`/patient/records/${v.recordId}/print\\?doc=prescription&paper=A4$`));
  await expectPrintedFields(mine, v, 'Prescription');
  await expectPaperView(mine, v);
  expectPaper(await mine.pdf({ format: 'A4' }), 'A4');

  await mine.getByRole('link', { name: 'Prescription (A5)' }).click();
  await expectPrintedFields(mine, v, 'Prescription');
  expectPaper(await mine.pdf({ preferCSSPageSize: true }), 'A5');

  await mine.getByRole('link', { name: 'Visit summary (A4)' }).click();
  await expectPrintedFields(mine, v, 'Visit summary');
  expectPaper(await mine.pdf({ format: 'A4' }), 'A4');
  await mine.getByRole('link', { name: 'Back to my records' }).click();
  await expect(mine).toHaveURL(/\/patient\/records$/);
  await context.close();

  // Someone else's visit: refused.
  const other = await api.newPatient('Nosy');
  const ctx2 = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const theirs = await ctx2.newPage();
  await signIn(theirs, other.email, other.password, /\/patient$/);
  const res = await theirs.goto(`/patient/records/${v.recordId}/print?doc=prescription`);
  expect(res?.status()).toBe(403);
  await ctx2.close();
});

/** A long real-world medicine line: it must fit a phone and an A5 sheet with every field readable. */
const LONG_RX = { medicine: 'Amoxicillin/clavulanic acid', strength: '875 mg/125 mg tablets', dose: '1 tablet', route: 'oral', frequency: 'twice a day with food', duration: '7 days' };

/**
 * The printed sheet fits `width` CSS px: the page does not scroll sideways, every table cell lies within
 * the sheet, no cell's content is cut (wider than the cell), and the medicine line keeps all its fields.
 */
async function expectSheetFits(page: Page, width: number, what: string) {
  const m = await page.evaluate(() => {
    const sheet = document.querySelector('[data-testid="printable"]')!;
    const box = sheet.getBoundingClientRect();
    const cells = [...sheet.querySelectorAll('th, td')].map((c) => ({ c, r: c.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .map(({ c, r }) => ({ text: c.textContent ?? '', left: r.left, right: r.right, cut: c.scrollWidth - c.clientWidth }));
    return { scrollWidth: document.documentElement.scrollWidth, left: box.left, right: box.right, cells };
  });
  expect(m.scrollWidth, `${what}: page width`).toBeLessThanOrEqual(width);
  expect(m.right, `${what}: sheet's right edge`).toBeLessThanOrEqual(width);
  expect(m.cells.length, `${what}: visible cells`).toBeGreaterThan(0);
  for (const c of m.cells) {
    expect(c.left, `${what}: left edge of "${c.text}"`).toBeGreaterThanOrEqual(m.left - 0.5);
    expect(c.right, `${what}: right edge of "${c.text}"`).toBeLessThanOrEqual(m.right + 0.5);
    expect(c.cut, `${what}: "${c.text}" cut off inside its cell`).toBeLessThanOrEqual(0);
  }
  const rx = page.getByTestId('print-medicines');
  for (const field of [`${LONG_RX.medicine} ${LONG_RX.strength}`, LONG_RX.dose, LONG_RX.route, LONG_RX.frequency, LONG_RX.duration]) {
    await expect(rx.getByText(field, { exact: true }), `${what}: ${field}`).toBeVisible();
  }
}

test('a long prescription fits a 360 px phone and an A5 sheet: no sideways scrolling, no cell past the sheet', async ({ page, api, browser }) => {
  const v = await chartedVisit(page, api);
  const { token } = await api.login(v.doctor.email, 'a doctor password');
  const rec = await api.send<{ id: number }>('POST', '/api/medical-records/', {
    token,
    data: { patient_id: v.patient.id, symptoms: 'Sore throat', diagnoses: [{ system: 'ICD-10', code: 'B54' }], prescriptions: [LONG_RX], vital_signs: { temperature_c: 37.9 } },
  });

  // The doctor's A5 prescription on a phone, then printed: A5 less its 10 mm margins is about 484 CSS px.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/doctor/records/${rec.id}/print?doc=prescription&paper=A5`);
  await expectSheetFits(page, 360, 'doctor, A5 prescription, 360 px');
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 484, height: 700 });
  await expectSheetFits(page, 484, 'doctor, A5 prescription, printed');
  expectPaper(await page.pdf({ preferCSSPageSize: true }), 'A5');
  // A4 less its 14 mm margins is about 688 CSS px.
  await page.setViewportSize({ width: 688, height: 1000 });
  await page.goto(`/doctor/records/${rec.id}/print?doc=summary&paper=A4`);
  await expectSheetFits(page, 688, 'doctor, A4 summary, printed');
  // A4 has room for the five columns: a table with its header row.
  await expect(page.getByTestId('print-medicines').getByRole('columnheader', { name: 'Frequency' })).toBeVisible();
  await page.emulateMedia({ media: null });

  // The patient's summary on a phone.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 360, height: 740 } });
  const mine = await context.newPage();
  await signIn(mine, v.patient.email, v.patient.password, /\/patient$/);
  await mine.goto(`/patient/records/${rec.id}/print?doc=summary&paper=A4`);
  await expectSheetFits(mine, 360, 'patient, summary, 360 px');
  await mine.goto(`/patient/records/${rec.id}/print?doc=prescription&paper=A5`);
  await expectSheetFits(mine, 360, 'patient, A5 prescription, 360 px');
  await context.close();
});

test('a doctor registers a walk-in patient and goes straight to the chart form with "Start visit"', async ({ page, api }) => {
  const doctor = await api.newDoctor('Dr Walkin');
  await signIn(page, doctor.email, doctor.password, /\/account\/password$/);
  await chooseOwnPassword(page, doctor.password, 'a doctor password');
  const tag = uniqueTag();
  const name = `Baraka ${tag[0].toUpperCase()}${tag.slice(1)}`;
  const { phone, date_of_birth } = uniquePhoneAndBirthDate(tag);

  await page.goto('/doctor/patients/new');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Date of birth').fill(date_of_birth);
  await page.getByLabel('Sex').selectOption('male');
  await page.getByLabel('Phone').fill(phone);
  await page.getByRole('button', { name: 'Register patient' }).click();
  const created = page.getByTestId('patient-created');
  await expect(created).toContainText(`${name} is registered with patient number`);
  await expect(created).toBeInViewport();
  await created.getByRole('button', { name: 'Start visit' }).click();

  await expect(page.getByRole('heading', { name: `Chart a visit: ${name}` })).toBeVisible();
  await expect(page).toHaveURL(/\/doctor\/patients\/\d+\/chart\?appointment=\d+$/);
  await expect(page.getByRole('button', { name: 'Save the visit and complete the appointment' })).toBeVisible();
  const identity = page.getByTestId('patient-identity');
  await expect(identity).toContainText(`Born ${birthDateWords(date_of_birth)}`);
  await expect(identity).toContainText('Sex Male');
  await expectIdentityOnPaper(page, name);
});
