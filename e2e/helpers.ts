import path from 'node:path';
import { expect, test as base, type APIRequestContext, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'ehealth-demo';

/** The demo clinic's accounts, one per role (password DEMO_PASSWORD). */
export const DEMO = { admin: 'admin@example.org', doctor: 'doctor@example.org', patient: 'patient@example.org' } as const;
export type Role = keyof typeof DEMO;
export const HOME: Record<Role, RegExp> = { admin: /\/admin$/, doctor: /\/doctor$/, patient: /\/patient$/ };

/**
 * Where e2e/auth.setup.ts saves each demo role's signed-in browser state: the cookie of one server-side
 * session, shared by every journey that runs `test.use({ storageState: AUTH.<role> })`. A journey that
 * signs out, or otherwise ends its session, must sign in on its own instead.
 */
export const AUTH: Record<Role, string> = {
  admin: path.join(__dirname, '..', '.test-output', 'e2e-auth', 'admin.json'),
  doctor: path.join(__dirname, '..', '.test-output', 'e2e-auth', 'doctor.json'),
  patient: path.join(__dirname, '..', '.test-output', 'e2e-auth', 'patient.json'),
};

/** Nobody signed in: for a context or request context opened inside a journey that acts as a role. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** Signs in through the sign-in form and waits for the role's home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, expectPath?: RegExp) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (expectPath) await expect(page).toHaveURL(expectPath);
}

/** On /account/password (a temporary password's first sign-in): chooses `next` and waits to leave the page. */
export async function chooseOwnPassword(page: Page, temporary: string, next: string) {
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await page.getByLabel('Temporary password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('New password again').fill(next);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).not.toHaveURL(/\/account\/password/);
}

/**
 * As a doctor who has just been created with a temporary password: signs in, chooses their own
 * password, finds `patientName` on the Patients page and starts a walk-in visit; ends on the chart form.
 */
export async function startWalkInAsNewDoctor(page: Page, doctor: { email: string; password: string }, patientName: string) {
  await signIn(page, doctor.email, doctor.password, /\/account\/password$/);
  await chooseOwnPassword(page, doctor.password, 'a doctor password');
  await navigate(page, 'Patients');
  await page.getByLabel('Name, phone or patient number').fill(patientName);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByTestId('patient-results').locator(':scope > li').getByRole('button', { name: 'Start walk-in visit' }).click();
  await expect(page.getByRole('heading', { name: `Chart a visit: ${patientName}` })).toBeVisible();
}

/**
 * Follows a link of the header's portal navigation ("Patients", "Book", "Reports"…): on a narrow screen
 * (below 768 px, the Pixel 7 included) it first opens the "Menu" button the links are folded into.
 */
export async function navigate(page: Page, label: string) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.locator('summary');
  if (await menu.isVisible()) await menu.click();
  await nav.getByRole('link', { name: label, exact: true }).click();
}

/** Opens the header's account menu (Change password, Sign out). */
export async function openAccountMenu(page: Page) {
  await page.getByLabel('Signed in as').click();
  await expect(page.getByRole('link', { name: 'Change password' })).toBeVisible();
}

/** Signs out through the header's account menu and waits for the sign-in page. */
export async function signOut(page: Page) {
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

let tagCounter = 0;
/** Letters only, different on every call in every worker: for names (a name needs letters) and emails. */
export function uniqueTag(): string {
  let n = BigInt(`${Date.now()}${String(process.pid % 100_000).padStart(5, '0')}${String(tagCounter++ % 1000).padStart(3, '0')}`);
  let s = '';
  while (n > 0n) {
    s = String.fromCharCode(97 + Number(n % 26n)) + s;
    n /= 26n;
  }
  return s;
}
const capitalised = (s: string) => s[0].toUpperCase() + s.slice(1);

/** A Kenyan mobile number (`07…`, 10 digits) and a date of birth (1950–1999) derived from `tag`: different for different tags. */
export function uniquePhoneAndBirthDate(tag: string): { phone: string; date_of_birth: string } {
  let h = 2166136261;
  for (const c of tag) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const phone = `07${String(h % 100_000_000).padStart(8, '0')}`;
  const date_of_birth = new Date(Date.UTC(1950, 0, 1) + (Math.floor(h / 7) % 18_000) * 86_400_000).toISOString().slice(0, 10);
  return { phone, date_of_birth };
}

/** An account a journey made for itself. */
export interface Person {
  id: number;
  email: string;
  password: string;
  name: string;
}

/** The adding of days to a `YYYY-MM-DD` date. */
export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let adminToken: Promise<string> | undefined;

/**
 * The app's JSON API with bearer tokens, through a request context without cookies (so it never acts as
 * the browser's signed-in user): how journeys make their own patients, doctors and appointments.
 */
export class Api {
  constructor(readonly request: APIRequestContext) {}

  /** Sends a request; fails the journey with the answer when it is not a 2xx. */
  async send<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, opts: { token?: string; data?: unknown } = {}): Promise<T> {
    const res = await this.request.fetch(url, { method, data: opts.data, headers: opts.token ? { Authorization: `Bearer ${opts.token}` } : {} });
    expect(res.ok(), `${method} ${url} answered ${res.status()}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  /** Signs in through `POST /api/auth/login/`: a bearer token and the user. */
  login(email: string, password = DEMO_PASSWORD) {
    return this.send<{ token: string; user: { id: number; email: string; role: Role } }>('POST', '/api/auth/login/', { data: { email, password } });
  }

  /** A token of the demo admin, made once per worker. */
  adminToken(): Promise<string> {
    adminToken ??= this.login(DEMO.admin).then((r) => r.token);
    return adminToken;
  }

  /** The id of a user found by email (through the admin's user list). */
  async userId(email: string): Promise<number> {
    const page = await this.send<{ results: Array<{ id: number; email: string }> }>('GET', `/api/users/?q=${encodeURIComponent(email)}`, { token: await this.adminToken() });
    const found = page.results.find((u) => u.email === email);
    expect(found, `a user ${email}`).toBeDefined();
    return found!.id;
  }

  /**
   * A new patient, registered as anyone can through `POST /api/users/`, with a name no other journey
   * uses, and a phone and a date of birth of their own (two patients sharing a date of birth and a
   * close name or a phone would be refused as possible duplicates); `opts.dateOfBirth` sets another
   * (an adult's by default).
   */
  async newPatient(given = 'Amani', opts: { dateOfBirth?: string } = {}): Promise<Person> {
    const tag = uniqueTag();
    const p = { name: `${given} ${capitalised(tag)}`, email: `e2e.patient.${tag}@example.org`, password: 'a patient password' };
    const identity = uniquePhoneAndBirthDate(tag);
    const user = await this.send<{ id: number }>('POST', '/api/users/', {
      data: { ...p, ...identity, ...(opts.dateOfBirth ? { date_of_birth: opts.dateOfBirth } : {}), gender: 'female' },
    });
    return { id: user.id, ...p };
  }

  /** A new doctor, created by the demo admin; `password` is temporary (to be changed at first sign-in). */
  async newDoctor(given = 'Dr Neema', specialty = 'General practice'): Promise<Person> {
    const tag = uniqueTag();
    const d = { name: `${given} ${capitalised(tag)}`, email: `e2e.doctor.${tag}@example.org`, password: 'a temporary password' };
    const user = await this.send<{ id: number }>('POST', '/api/users/', {
      token: await this.adminToken(),
      data: { ...d, role: 'doctor', specialty },
    });
    return { id: user.id, ...d };
  }

  /** A doctor's free slots (start instants) between two clinic dates. */
  async freeSlots(doctorId: number, from: string, to: string): Promise<string[]> {
    const r = await this.send<{ results: Array<{ start: string }> }>('GET', `/api/doctors/${doctorId}/slots/?from=${from}&to=${to}`, { token: await this.adminToken() });
    return r.results.map((s) => s.start);
  }

  /** Books a pending appointment as `patient` (signing them in through the API). */
  async book(patient: Person, input: { doctor_id: number; date_time: string; reason: string }): Promise<{ id: number }> {
    const { token } = await this.login(patient.email, patient.password);
    return this.send('POST', '/api/appointments/', { token, data: input });
  }
}

/** `test` with `api`: the app's API as above (a fresh request context per journey). */
export const test = base.extend<{ api: Api }>({
  api: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
    await use(new Api(request));
    await request.dispose();
  },
});
export { expect };

/** The weekday (`Monday`…) `days` days from now (in UTC: a day or so off in clinic time, no more). */
export const weekdayIn = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });

/**
 * Gives `doctor` working hours `from`–`to` on `weekdays` (by default the weekday two days from now,
 * which the 14 days offered for booking hold twice), through the admin's availability page in a
 * context of its own, signed in as the demo admin.
 */
export async function giveWorkingHours(browser: Browser, doctor: Pick<Person, 'id' | 'name'>, weekdays = [weekdayIn(2)], from = '08:00', to = '18:00') {
  const context = await browser.newContext({ storageState: AUTH.admin });
  const page = await context.newPage();
  await page.goto(`/admin/doctors/${doctor.id}/availability`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Availability of ${doctor.name}`);
  for (const day of weekdays) {
    await page.getByText(`Add working hours on ${day}`).click();
    await page.getByLabel(`From (${day}, period 1)`).fill(from);
    await page.getByLabel(`To (${day}, period 1)`).fill(to);
  }
  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Weekly hours of ${doctor.name} saved.` })).toBeVisible();
  await context.close();
}
