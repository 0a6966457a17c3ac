import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { AUTH, DEMO, DEMO_PASSWORD, SIGNED_OUT, addDays, expect, navigate, signIn, test, type Api, type Person, type Role } from './helpers';
import type { Page } from '@playwright/test';

// Accessibility of every page: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, and its best practices) finds no violation on any
// page of the public site and the three portals, on a 360 × 740 phone and a 1280 × 800 screen. The
// pages come from app/**/page.tsx: one that is neither visited below nor excluded with a reason fails
// the first test, so a new page cannot be skipped silently. Also: the skip link, the phone header and
// its menu, and where focus goes when a sign-in fails.

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks, heading order, unique names). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const VIEWPORTS = [{ width: 360, height: 740 }, { width: 1280, height: 800 }] as const;

/** What a visit to a page needs: the ids of the records the pages show. */
interface Ids {
  doctorId: number;
  patient: Person;
  recordId: number;
  /** The demo patient's own upcoming appointment and charted visit (made for the patient pages only). */
  own: { appointmentId: number; recordId: number };
}

type Who = Role | 'signed-out';
/** One state of a page to check: `open` brings the page there (its `<h1>` is then awaited). */
interface Visit {
  who: Who;
  name: string;
  open: (page: Page, ids: Ids) => Promise<unknown>;
}

const go = (url: string | ((ids: Ids) => string)) => (page: Page, ids: Ids) => page.goto(typeof url === 'string' ? url : url(ids));

/** Every page (as its app/ route, route groups left out) and how each of its states is reached. */
const PAGES: Record<string, Visit[]> = {
  '/': [{ who: 'signed-out', name: 'landing', open: go('/') }],
  '/sign-in': [
    { who: 'signed-out', name: 'form', open: go('/sign-in') },
    {
      who: 'signed-out', name: 'after a failed sign-in', open: async (page) => {
        await page.goto('/sign-in');
        await page.getByLabel('Email').fill('nobody@example.org');
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByRole('alert')).toBeVisible();
      },
    },
  ],
  '/register': [
    { who: 'signed-out', name: 'form', open: go('/register') },
    {
      who: 'signed-out', name: 'sent empty: field errors', open: async (page) => {
        await page.goto('/register');
        await page.getByRole('button', { name: 'Create account' }).click();
        await expect(page.getByRole('alert').first()).toBeVisible();
      },
    },
  ],
  '/sign-out': [
    { who: 'signed-out', name: 'signed out', open: go('/sign-out') },
    { who: 'patient', name: 'signed in (the button is not pressed)', open: go('/sign-out') },
  ],
  '/account/password': [{ who: 'patient', name: 'form', open: go('/account/password') }],
  '/patient': [{ who: 'patient', name: 'home', open: go('/patient') }],
  '/patient/book': [
    { who: 'patient', name: 'choose a doctor', open: go('/patient/book') },
    { who: 'patient', name: 'choose a day', open: go((ids) => `/patient/book?doctor=${ids.doctorId}`) },
    {
      who: 'patient', name: 'a day chosen, its free times shown', open: async (page, ids) => {
        await page.goto(`/patient/book?doctor=${ids.doctorId}`);
        await page.getByRole('link', { name: /free/ }).last().click();
        await expect(page.getByTestId('free-slots').getByRole('link').first()).toBeVisible();
      },
    },
    {
      who: 'patient', name: 'confirm a time', open: async (page, ids) => {
        await page.goto(`/patient/book?doctor=${ids.doctorId}`);
        await page.getByRole('link', { name: /free/ }).last().click();
        await page.getByTestId('free-slots').getByRole('link').last().click();
        await expect(page.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
      },
    },
  ],
  '/patient/appointments': [{ who: 'patient', name: 'list', open: go('/patient/appointments') }],
  '/patient/profile': [{ who: 'patient', name: 'form', open: go('/patient/profile') }],
  '/patient/records': [{ who: 'patient', name: 'list', open: go('/patient/records') }],
  '/patient/records/[id]/print': [
    { who: 'patient', name: 'visit summary', open: go((ids) => `/patient/records/${ids.own.recordId}/print?doc=summary&paper=A4`) },
    { who: 'patient', name: 'prescription on A5', open: go((ids) => `/patient/records/${ids.own.recordId}/print?doc=prescription&paper=A5`) },
  ],
  '/patient/appointments/[id]/reschedule': [
    { who: 'patient', name: 'choose a day', open: go((ids) => `/patient/appointments/${ids.own.appointmentId}/reschedule`) },
    {
      who: 'patient', name: 'a day chosen, its free times shown', open: async (page, ids) => {
        await page.goto(`/patient/appointments/${ids.own.appointmentId}/reschedule`);
        await page.getByRole('link', { name: /free/ }).last().click();
        await expect(page.getByTestId('free-slots').getByRole('link').first()).toBeVisible();
      },
    },
  ],
  '/doctor': [{ who: 'doctor', name: 'the day', open: go('/doctor') }],
  '/doctor/upcoming': [{ who: 'doctor', name: 'list', open: go('/doctor/upcoming') }],
  '/doctor/availability': [{ who: 'doctor', name: 'hours and time off', open: go('/doctor/availability') }],
  '/doctor/patients': [
    { who: 'doctor', name: 'search', open: go('/doctor/patients') },
    {
      who: 'doctor', name: 'search results', open: async (page, ids) => {
        await page.goto(`/doctor/patients?q=${encodeURIComponent(ids.patient.name)}`);
        await expect(page.getByTestId('patient-results').locator(':scope > li')).toHaveCount(1);
      },
    },
  ],
  '/doctor/patients/new': [{ who: 'doctor', name: 'walk-in registration', open: go('/doctor/patients/new') }],
  '/doctor/patients/[id]': [{ who: 'doctor', name: 'chart', open: go((ids) => `/doctor/patients/${ids.patient.id}`) }],
  '/doctor/patients/[id]/chart': [
    { who: 'doctor', name: 'visit form', open: go((ids) => `/doctor/patients/${ids.patient.id}/chart`) },
    {
      who: 'doctor', name: 'refused: allergy warning', open: async (page, ids) => {
        await page.goto(`/doctor/patients/${ids.patient.id}/chart`);
        await page.getByLabel('Symptoms').fill('Sore throat');
        await page.getByLabel('Medicine').first().fill('Amoxicillin 500 mg caps');
        await page.getByLabel('Dose').first().fill('1 capsule');
        await page.getByLabel('Route').first().fill('oral');
        await page.getByLabel('Frequency').first().fill('3 times a day');
        await page.getByLabel('Duration').first().fill('5 days');
        await page.getByRole('button', { name: /Save the visit/ }).click();
        await expect(page.getByTestId('allergy-warning')).toBeVisible();
      },
    },
  ],
  '/doctor/patients/[id]/book': [{ who: 'doctor', name: 'choose a doctor', open: go((ids) => `/doctor/patients/${ids.patient.id}/book`) }],
  '/doctor/records/[id]': [{ who: 'doctor', name: 'record', open: go((ids) => `/doctor/records/${ids.recordId}`) }],
  '/doctor/records/[id]/print': [
    { who: 'doctor', name: 'visit summary', open: go((ids) => `/doctor/records/${ids.recordId}/print?doc=summary&paper=A4`) },
    { who: 'doctor', name: 'prescription on A5', open: go((ids) => `/doctor/records/${ids.recordId}/print?doc=prescription&paper=A5`) },
  ],
  '/doctor/records/[id]/amend': [{ who: 'doctor', name: 'amendment form', open: go((ids) => `/doctor/records/${ids.recordId}/amend`) }],
  '/admin': [{ who: 'admin', name: 'dashboard', open: go('/admin') }],
  '/admin/users': [{ who: 'admin', name: 'list and forms', open: go('/admin/users') }],
  '/admin/activity': [{ who: 'admin', name: 'log', open: go('/admin/activity') }],
  '/admin/doctors': [{ who: 'admin', name: 'list', open: go('/admin/doctors') }],
  '/admin/doctors/[id]/availability': [{ who: 'admin', name: 'a doctor\'s hours', open: go((ids) => `/admin/doctors/${ids.doctorId}/availability`) }],
  '/admin/patients/[id]/merge': [{ who: 'admin', name: 'candidates', open: go((ids) => `/admin/patients/${ids.patient.id}/merge`) }],
  '/admin/diagnoses': [{ who: 'admin', name: 'favourites', open: go('/admin/diagnoses') }],
  '/admin/reports': [{ who: 'admin', name: 'monthly report', open: go('/admin/reports') }],
  '/admin/reminders': [{ who: 'admin', name: 'reminders', open: go('/admin/reminders') }],
};

/** States that are not a page.tsx of their own but are pages a person sees. */
const OTHER_STATES: Visit[] = [
  { who: 'signed-out', name: 'not found (app/not-found.tsx)', open: go('/no-such-page') },
  { who: 'patient', name: 'forbidden (app/forbidden.tsx)', open: go('/admin') },
  ...([['patient', '/patient/profile'], ['doctor', '/doctor/upcoming'], ['admin', '/admin/users']] as const).flatMap(([who, url]): Visit[] => [
    {
      who, name: 'the header\'s Menu open (on a phone)', open: async (page) => {
        await page.goto(url);
        const menu = page.getByRole('navigation', { name: 'Main' }).locator('summary');
        if (await menu.isVisible()) {
          await menu.click();
          await expect(menu).toHaveAttribute('aria-expanded', 'true');
        }
      },
    },
    {
      who, name: 'the account menu open', open: async (page) => {
        await page.goto(url);
        await page.getByLabel('Signed in as').click();
        await expect(page.getByRole('link', { name: 'Change password' })).toBeVisible();
      },
    },
  ]),
];

/**
 * Pages deliberately not checked, each with its reason. (Not a page.tsx, so not listed here: /api/docs, a
 * route handler serving the Swagger UI bundle as shipped; axe finds that bundle's own markup wanting, e.g.
 * buttons nested in its operation headers and its grey-on-white text, which this app does not render.)
 */
const EXCLUDED: Record<string, string> = {};

/** The routes of app/**\/page.tsx: `/doctor/patients/[id]`, route groups such as `(auth)` left out. */
function appPages(): string[] {
  const root = path.join(__dirname, '..', 'app');
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) found.push(`/${segments.join('/')}`);
    }
  };
  walk(root, []);
  return found.sort();
}

/** axe's violations on the page, one readable line each (rule, impact, help, the first elements). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`).join(' | ')}`);
}

/** A visit charted by the demo doctor for `patientId` (a coded diagnosis, a prescription, vital signs). */
async function chartVisit(api: Api, patientId: number): Promise<number> {
  const { token } = await api.login(DEMO.doctor);
  const record = await api.send<{ id: number }>('POST', '/api/medical-records/', {
    token,
    data: {
      patient_id: patientId, symptoms: 'Cough and fever', notes: 'Review in a week',
      diagnoses: [{ system: 'ICD-10', code: 'J06.9', display: 'Acute upper respiratory infection, unspecified', rank: 'primary', certainty: 'confirmed' }],
      prescriptions: [{ medicine: 'Paracetamol', dose: '1 g', route: 'oral', frequency: '3 times a day', duration: '3 days' }],
      vital_signs: { systolic_mmhg: 150, diastolic_mmhg: 95, temperature_c: 38.4, weight_kg: 70, height_cm: 170 },
    },
  });
  return record.id;
}

/** The demo patient's own upcoming appointment with the demo doctor (a time they do not hold yet) and a charted visit. */
async function makeOwn(api: Api, doctorId: number, slots: string[]): Promise<Ids['own']> {
  const demo: Person = { id: await api.userId(DEMO.patient), email: DEMO.patient, password: DEMO_PASSWORD, name: 'the demo patient' };
  // The demo patient may already hold some of these times (with any doctor): the first that books is taken.
  let appointment: { id: number } | undefined;
  for (const slot of slots.slice(0, 12)) {
    appointment = await api.book(demo, { doctor_id: doctorId, date_time: slot, reason: 'Check-up' }).catch(() => undefined);
    if (appointment) break;
  }
  expect(appointment, 'a free slot the demo patient does not hold').toBeTruthy();
  return { appointmentId: appointment!.id, recordId: await chartVisit(api, demo.id) };
}

/** The demo doctor; a patient of their own with an allergy, an upcoming appointment with them and a charted visit. */
async function makeIds(api: Api, who: Role): Promise<Ids> {
  const doctorId = await api.userId(DEMO.doctor);
  const patient = await api.newPatient('Neema');
  const { token: patientToken } = await api.login(patient.email, patient.password);
  const profiles = await api.send<{ results: Array<{ id: number }> }>('GET', '/api/patient-profiles/', { token: patientToken });
  await api.send('PUT', `/api/patient-profiles/${profiles.results[0].id}/`, { token: patientToken, data: { allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }] } });
  const today = new Date().toISOString().slice(0, 10);
  const slots = await api.freeSlots(doctorId, addDays(today, 3), addDays(today, 6));
  expect(slots.length, 'free slots of the demo doctor').toBeGreaterThan(0);
  await api.book(patient, { doctor_id: doctorId, date_time: slots[slots.length - 1], reason: 'Cough for a week' });
  const recordId = await chartVisit(api, patient.id);
  const own = who === 'patient' ? await makeOwn(api, doctorId, slots.slice(0, -1)) : { appointmentId: 0, recordId: 0 };
  return { doctorId, patient, recordId, own };
}

test('every page of app/ is checked below or excluded with a reason', () => {
  const pages = appPages();
  const uncovered = pages.filter((p) => !PAGES[p] && !EXCLUDED[p]);
  expect(uncovered, `Pages neither checked by e2e/accessibility.spec.ts (PAGES) nor excluded with a reason (EXCLUDED): ${uncovered.join(', ')}`).toEqual([]);
  const gone = Object.keys(PAGES).filter((p) => !pages.includes(p));
  expect(gone, 'PAGES lists routes that no longer exist').toEqual([]);
});

for (const who of ['signed-out', 'patient', 'doctor', 'admin'] as const) {
  test.describe(`axe, ${who}`, () => {
    test.use({ storageState: who === 'signed-out' ? SIGNED_OUT : AUTH[who] });

    test(`the ${who} pages have no axe violation at 360 and 1280 px`, async ({ page, api }) => {
      const visits = [...Object.entries(PAGES).flatMap(([route, vs]) => vs.map((v) => ({ ...v, route }))), ...OTHER_STATES.map((v) => ({ ...v, route: '' }))]
        .filter((v) => v.who === who);
      test.setTimeout(60_000 + visits.length * 30_000);
      const ids = who === 'signed-out' ? ({} as Ids) : await makeIds(api, who);
      const found: Record<string, string[]> = {};
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const v of visits) {
          await v.open(page, ids);
          await expect(page.locator('h1').first()).toBeVisible();
          const label = `${v.route ? `${v.route} (${v.name})` : v.name} at ${viewport.width} px — ${new URL(page.url()).pathname}`;
          const list = await violations(page);
          if (list.length) found[label] = list;
          // Then with every folded section of the page opened (cancel forms, tables under charts…).
          const opened = await page.locator('main details:not([open])').evaluateAll((all) => all.map((d) => { (d as HTMLDetailsElement).open = true; }).length);
          if (opened > 0) {
            const more = await violations(page);
            if (more.length) found[`${label}, its ${opened} folded sections opened`] = more;
          }
        }
      }
      expect(found).toEqual({});
    });
  });
}

test.describe('skip link', () => {
  test('the first Tab on a page reaches "Skip to main content", shown; following it puts focus on the main content', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/sign-in');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await expect(skip).toBeInViewport();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    // The next Tab goes into the page, past the header: the sign-in form's first field.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Email')).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in#main$/);
  });

  test.describe('signed in', () => {
    test.use({ storageState: AUTH.doctor });
    test('on a portal page too', async ({ page }) => {
      await page.goto('/doctor/patients');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main')).toBeFocused();
      // The next Tab reaches the page's first control, past the header's menus.
      await page.keyboard.press('Tab');
      await expect(page.locator('main#main :focus')).toHaveCount(1);
    });
  });
});

const NAV_LINKS: Record<Role, string[]> = {
  patient: ['Home', 'Book', 'My appointments', 'My records', 'My profile'],
  doctor: ['Today', 'Upcoming', 'Patients', 'Availability'],
  admin: ['Dashboard', 'Users', 'Activity', 'Doctors', 'Reminders', 'Reports', 'Diagnoses'],
};
const SECOND: Record<Role, [string, RegExp]> = {
  patient: ['My records', /\/patient\/records$/],
  doctor: ['Patients', /\/doctor\/patients$/],
  admin: ['Reports', /\/admin\/reports$/],
};

for (const role of ['patient', 'doctor', 'admin'] as const) {
  test.describe(`the ${role}'s header`, () => {
    test.use({ storageState: AUTH[role] });

    test(`at 360 × 740 takes at most 120 px, its links folded into a menu button that opens, navigates and closes; at 1280 they stand in a row`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`/${role}`);
      const header = page.locator('header');
      const nav = page.getByRole('navigation', { name: 'Main' });
      const box = await header.boundingBox();
      expect(box!.y).toBe(0);
      expect(box!.height).toBeLessThanOrEqual(120);
      expect(box!.width).toBeLessThanOrEqual(360);
      // Nothing overflows the screen sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      for (const label of NAV_LINKS[role]) await expect(nav.getByRole('link', { name: label, exact: true })).toBeHidden();

      // The menu button opens with the keyboard and says so.
      const menu = nav.locator('summary');
      await expect(menu).toHaveText(/Menu/);
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      for (const label of NAV_LINKS[role]) await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
      // Escape closes it and gives focus back to the button.
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
      await expect(nav.getByRole('link', { name: NAV_LINKS[role][1], exact: true })).toBeHidden();
      // Opened by a tap, a link navigates and the menu is closed on the new page.
      const [label, url] = SECOND[role];
      await menu.click();
      await nav.getByRole('link', { name: label, exact: true }).click();
      await expect(page).toHaveURL(url);
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav.getByRole('link', { name: label, exact: true })).toBeHidden();
      expect((await header.boundingBox())!.height).toBeLessThanOrEqual(120);

      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(menu).toBeHidden();
      for (const l of NAV_LINKS[role]) await expect(nav.getByRole('link', { name: l, exact: true })).toBeVisible();
      await navigate(page, NAV_LINKS[role][0]);
      await expect(page).toHaveURL(new RegExp(`/${role}$`));
    });
  });
}

test('a patient with a long name: at 360 px the header is still one row, nothing wider than the screen', async ({ page, api }) => {
  const patient = await api.newPatient('Wanjiru-Nyambura Akinyi-Chebet');
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, patient.email, patient.password, /\/patient$/);
  const box = (await page.locator('header').boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(120);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(page.getByLabel(`Signed in as ${patient.name} (patient): account menu`)).toBeInViewport({ ratio: 1 });
});

test.describe('signed out header', () => {
  test('at 360 × 740 it is one row with Sign in and Register', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    expect((await page.locator('header').boundingBox())!.height).toBeLessThanOrEqual(120);
    await expect(page.locator('header').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('header').getByRole('link', { name: 'Register' })).toBeVisible();
  });
});

test.describe('focus after a failed sign-in', () => {
  for (const viewport of VIEWPORTS) {
    test(`at ${viewport.width} px the error is in view and focused`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill('nobody@example.org');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const error = page.getByRole('alert').filter({ hasText: /./ });
      await expect(error).toBeFocused();
      await expect(error).toBeInViewport();
    });
  }
});
