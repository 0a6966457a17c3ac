/**
 * Fixtures and plumbing of the authorization matrix (`app/api/authorization-matrix.int.test.ts`):
 * the callers (one column each) with real bearer tokens, two patients whose resources the cells
 * address — "own" (linked to the matrix's doctor) and "other" (linked only to another doctor) — built
 * through the real services (booking, charting, deactivation, token issue and revocation), makers of
 * fresh resources for the cells that change state, and a way to call any route handler in-process
 * inside a Next.js request scope (next-auth's handler reads `headers()`/`cookies()`).
 *
 * The test file must install `globalThis.AsyncLocalStorage` before Next's modules load (see its
 * `vi.hoisted`): without it Next creates placeholder request storages that cannot run a scope.
 */
import { NextRequest } from 'next/server';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { HeadersAdapter } from 'next/dist/server/web/spec-extension/adapters/headers';
import { RequestCookiesAdapter } from 'next/dist/server/web/spec-extension/adapters/request-cookies';
import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies';
import { createAppointment } from '@/db/repositories/appointments';
import { findPatientProfileByUserId } from '@/db/repositories/patient-profiles';
import { findUserById, type UserRow } from '@/db/repositories/users';
import { setWeeklyHours } from '@/lib/appointments/availability-services';
import { bookAppointment } from '@/lib/appointments/book-appointment';
import { actorOf, type CurrentUser } from '@/lib/auth/current-user';
import { issueApiToken, revokeApiTokenValue } from '@/lib/auth/tokens';
import { chartVisit } from '@/lib/records/chart-visit';
import { chartVisitSchema } from '@/lib/records/schemas';
import { deactivateUser } from '@/lib/users/deactivate-user';
import { addDays, clinicToday, clinicZone } from '@/core/time';
import { wallClockToUtc } from '@/lib/appointments/availability-grid';
import { makeUser } from './factories';

/** The callers, in the order of the matrix's columns. */
export const COLUMNS = [
  'anon', 'patientOwn', 'patientOther', 'doctorLinked', 'doctorUnlinked', 'admin', 'deactivated', 'expiredToken', 'revokedToken',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns whose cell addresses the "other" patient's resource (everyone else addresses the "own" one). */
export const OTHER_SIDE: ReadonlySet<Column> = new Set(['patientOther', 'doctorUnlinked']);

export const BASE_URL = 'http://127.0.0.1:3999';
const PASSWORD = 'correct horse battery';
const SLOT_MINUTES = 20;

export interface Account {
  id: number;
  email: string;
  password: string;
  user: CurrentUser;
}

/** A patient whose resources the cells address, with the doctor they are linked to. */
export interface MatrixPatient extends Account {
  profileId: number;
  doctor: Account;
  /** An active (pending) appointment with `doctor`, booked through the booking service. */
  appointmentId: number;
  /** A medical record charted by `doctor` (a walk-in visit: booked appointments are in the future). */
  recordId: number;
}

export interface MatrixFixtures {
  /** The patient of the "own" side: the patient caller themselves, linked to `doctor`. */
  own: MatrixPatient;
  /** Another patient, linked only to `otherDoctor`. */
  other: MatrixPatient;
  /** The doctor caller (linked to `own`, not to `other`). */
  doctor: Account;
  otherDoctor: Account;
  admin: Account;
  /** An admin deactivated by `admin` through the deactivation service. */
  deactivatedAdmin: Account;
  /** The bearer token each column sends (null: none). */
  tokens: Record<Column, string | null>;
  /** A new token of the kind `col` sends (a valid one of the same user, or an expired/revoked/deactivated one). */
  freshToken(col: Column): Promise<string | null>;
  /** The patient `col` addresses. */
  targetOf(col: Column): MatrixPatient;
  /** A new pending appointment of `p` with their doctor, booked in the next free slot. */
  bookFor(p: MatrixPatient): Promise<number>;
  /** A new confirmed appointment of `p` with their doctor that started an hour or more ago (ready to complete or mark no-show). */
  pastConfirmedFor(p: MatrixPatient): Promise<number>;
  /** A new record of `p` charted by their doctor. */
  recordFor(p: MatrixPatient): Promise<number>;
  /** A new patient linked to `p`'s doctor (an appointment booked with them), with a token: for cells that deactivate. */
  freshPatientLike(p: MatrixPatient): Promise<{ id: number; profileId: number; token: string }>;
  /** The next slot start of the matrix's doctors (all work every day, round the clock, in 20-minute slots). */
  nextSlot(): Date;
  /** A number unique in this test file (for emails, names, phones). */
  unique(): number;
}

async function account(role: 'patient' | 'doctor' | 'admin'): Promise<Account> {
  const u = await makeUser(role, { password: PASSWORD });
  const row = (await findUserById(u.id)) as UserRow;
  return { id: u.id, email: u.email, password: PASSWORD, user: currentUserOf(row) };
}

function currentUserOf(row: UserRow): CurrentUser {
  return { id: row.id, name: row.name, email: row.email, role: row.role, via: 'token', mustChangePassword: row.mustChangePassword };
}

async function tokenOf(id: number, now?: Date): Promise<string> {
  return (await issueApiToken((await findUserById(id)) as UserRow, now)).token;
}

/** Builds the matrix's fixtures in the current test database. */
export async function buildMatrixFixtures(): Promise<MatrixFixtures> {
  const [doctor, otherDoctor, admin, deactivatedAdmin] = [await account('doctor'), await account('doctor'), await account('admin'), await account('admin')];
  const allDay = { start: '00:00', end: '24:00' };
  const week = { slot_minutes: SLOT_MINUTES, mon: [allDay], tue: [allDay], wed: [allDay], thu: [allDay], fri: [allDay], sat: [allDay], sun: [allDay] };
  for (const d of [doctor, otherDoctor]) await setWeeklyHours({ user: d.user, actor: actorOf(d.user), doctorId: d.id, input: week });

  // Slots from tomorrow on (clinic time), one after another: every booking gets its own.
  let slot = 0;
  const firstDay = addDays(clinicToday(), 1);
  const nextSlot = () => {
    const i = slot++;
    const perDay = (24 * 60) / SLOT_MINUTES;
    return new Date(wallClockToUtc(addDays(firstDay, Math.floor(i / perDay)), (i % perDay) * SLOT_MINUTES, clinicZone()));
  };
  // Past slots, one after another back from an hour ago on the slot grid: each holds its own time cells.
  const SLOT_MS = SLOT_MINUTES * 60_000;
  const lastPastStart = Math.floor(Date.now() / SLOT_MS) * SLOT_MS - 3_600_000;
  let past = 0;
  let n = 0;

  const book = async (by: CurrentUser, patientId: number, doctorId: number) =>
    (await bookAppointment({ user: by, actor: actorOf(by), input: { doctor_id: doctorId, patient_id: patientId, date_time: nextSlot() } })).id;
  const chart = async (doctorAccount: Account, patientId: number) =>
    (await chartVisit({ user: doctorAccount.user, actor: actorOf(doctorAccount.user), input: chartVisitSchema.parse({ patient_id: patientId, symptoms: 'Cough for three days' }) })).id;

  async function patientOf(d: Account): Promise<MatrixPatient> {
    const a = await account('patient');
    const profileId = (await findPatientProfileByUserId(a.id))!.patient.id;
    // Linked through the real services: an appointment the patient booked, then a visit the doctor charted.
    const appointmentId = await book(a.user, a.id, d.id);
    const recordId = await chart(d, a.id);
    return { ...a, profileId, doctor: d, appointmentId, recordId };
  }
  const own = await patientOf(doctor);
  const other = await patientOf(otherDoctor);

  // The deactivated admin's tokens were issued while the account was active ("still-existing" tokens).
  const deactivatedTokens: string[] = [];
  for (let i = 0; i < 4; i++) deactivatedTokens.push(await tokenOf(deactivatedAdmin.id));
  await deactivateUser({ user: admin.user, actor: actorOf(admin.user), id: deactivatedAdmin.id });
  const expired = () => tokenOf(admin.id, new Date(Date.now() - 13 * 3_600_000)); // TTL 12 h
  const revoked = async () => {
    const t = await tokenOf(admin.id);
    await revokeApiTokenValue(t);
    return t;
  };

  const ownerOf: Record<Column, number | null> = {
    anon: null, patientOwn: own.id, patientOther: own.id, doctorLinked: doctor.id, doctorUnlinked: doctor.id, admin: admin.id,
    deactivated: deactivatedAdmin.id, expiredToken: admin.id, revokedToken: admin.id,
  };
  async function freshToken(col: Column): Promise<string | null> {
    if (col === 'expiredToken') return expired();
    if (col === 'revokedToken') return revoked();
    if (col === 'deactivated') {
      const t = deactivatedTokens.pop();
      if (!t) throw new Error('no deactivated token left: issue more before the deactivation');
      return t;
    }
    const owner = ownerOf[col];
    return owner === null ? null : tokenOf(owner);
  }
  const tokens = {} as Record<Column, string | null>;
  for (const col of ['anon', 'patientOwn', 'doctorLinked', 'admin', 'expiredToken', 'revokedToken'] as const) tokens[col] = await freshToken(col);
  tokens.patientOther = tokens.patientOwn;
  tokens.doctorUnlinked = tokens.doctorLinked;
  tokens.deactivated = await freshToken('deactivated');

  return {
    own, other, doctor, otherDoctor, admin, deactivatedAdmin, tokens, freshToken, nextSlot,
    unique: () => ++n,
    targetOf: (col) => (OTHER_SIDE.has(col) ? other : own),
    bookFor: (p) => book(admin.user, p.id, p.doctor.id),
    async pastConfirmedFor(p) {
      const start = new Date(lastPastStart - (past++) * SLOT_MS);
      const now = new Date();
      // Booking refuses the past: written through the repository (which holds its time cells, as a
      // booking would), as a visit that already happened.
      return createAppointment({ patientId: p.id, doctorId: p.doctor.id, startAt: start, endAt: new Date(start.getTime() + SLOT_MS), status: 'confirmed', createdById: admin.id, createdAt: now, updatedAt: now });
    },
    recordFor: (p) => chart(p.doctor, p.id),
    async freshPatientLike(p) {
      const a = await account('patient');
      await book(admin.user, a.id, p.doctor.id);
      return { id: a.id, profileId: (await findPatientProfileByUserId(a.id))!.patient.id, token: await tokenOf(a.id) };
    },
  };
}

// ---- Calling route handlers

/** `{ id: '12' }` / `{ path: ['a', 'b'] }` from a URL template (`/api/users/{id}/`) and a concrete path. */
export function paramsFor(template: string, pathname: string): Record<string, string | string[]> {
  const t = template.split('/').filter(Boolean);
  const p = pathname.split('?')[0].split('/').filter(Boolean);
  const out: Record<string, string | string[]> = {};
  for (let i = 0; i < t.length; i++) {
    const rest = /^\{\.\.\.(.+)\}$/.exec(t[i]);
    if (rest) {
      out[rest[1]] = p.slice(i);
      return out;
    }
    const one = /^\{(.+)\}$/.exec(t[i]);
    if (one) out[one[1]] = p[i];
    else if (t[i] !== p[i]) throw new Error(`${pathname} does not match ${template}`);
  }
  if (p.length !== t.length) throw new Error(`${pathname} does not match ${template}`);
  return out;
}

export interface MatrixRequest {
  method: string;
  path: string;
  token: string | null;
  /** JSON (object) or raw text (string, sent with `contentType`). */
  body?: unknown;
  contentType?: string;
}

/** A `NextRequest` as Next.js hands it to a route handler. */
export function toNextRequest(r: MatrixRequest): NextRequest {
  const headers: Record<string, string> = { host: new URL(BASE_URL).host };
  if (r.token) headers.authorization = `Bearer ${r.token}`;
  let body: string | undefined;
  if (r.body !== undefined) {
    headers['content-type'] = r.contentType ?? 'application/json';
    body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  }
  return new NextRequest(`${BASE_URL}${r.path}`, { method: r.method, headers, body });
}

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * Calls `handler` with `req` the way Next.js does: params as a promise, inside a request scope whose
 * `headers()` and `cookies()` are the request's.
 */
export async function callHandler(handler: unknown, template: string, req: NextRequest): Promise<Response> {
  const params = paramsFor(template, new URL(req.url).pathname);
  const work = { route: template, forceStatic: false, dynamicShouldError: false, isStaticGeneration: false };
  const unit = {
    type: 'request', phase: 'render',
    headers: HeadersAdapter.seal(new Headers(req.headers)),
    cookies: RequestCookiesAdapter.seal(new RequestCookies(new Headers(req.headers))),
  };
  return workAsyncStorage.run(work as never, () =>
    workUnitAsyncStorage.run(unit as never, () => (handler as RouteHandler)(req, { params: Promise.resolve(params) })));
}
