/**
 * The authorization matrix (issue #5, point 6): every API route and method, called in-process through
 * its real handler with real bearer tokens, against nine callers — and the exact status of each cell.
 *
 * Columns (callers), in order:
 *   anon            no Authorization header
 *   patientOwn      the patient, on their own resource
 *   patientOther    the same patient, on another patient's resource
 *   doctorLinked    the doctor, on a patient linked to them (a booked appointment and a charted visit)
 *   doctorUnlinked  the same doctor, on a patient they have never seen (linked to another doctor)
 *   admin           an admin
 *   deactivated     a token issued to an admin who was deactivated afterwards
 *   expiredToken    an expired token of the active admin
 *   revokedToken    a revoked (logged-out) token of the active admin
 * The three dead tokens belong to admins on purpose: if one ever worked, it would open everything.
 *
 * The table's keys (`GET /api/users/{id}/`) are compared both ways with the route inventory
 * (`listApiRoutes`): a route or method without a row fails, and so does a row for a route that is
 * gone. The two catch-alls get explicit rows (`/api/nonexistent/`, next-auth's own actions). Every
 * 405 stub is checked generically (status and `Allow`). Writes get valid bodies (the status says who
 * may, not what is malformed) and fresh resources where they change state, so cells stay independent.
 * Runs on SQLite and MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Next's request storages (headers(), cookies()) need a real AsyncLocalStorage, installed before any
// Next module loads: next-auth's handler reads them, and the matrix calls it inside a request scope.
// next-auth also wants its secret and URL (else it warns on every call); both are restored after.
const savedEnv = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  (globalThis as Record<string, unknown>).AsyncLocalStorage ??= AsyncLocalStorage;
  const saved = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  process.env.NEXTAUTH_SECRET ??= 'authorization-matrix-test-secret';
  process.env.NEXTAUTH_URL ??= 'http://127.0.0.1:3999';
  return saved;
});

import { listApiRoutes } from '@/lib/testing/api-routes';
import {
  COLUMNS, OTHER_SIDE, buildMatrixFixtures, callHandler, toNextRequest,
  type Column, type MatrixFixtures, type MatrixPatient, type MatrixRequest,
} from '@/lib/testing/matrix-fixtures';
import { addDays, clinicToday } from '@/core/time';
import { updateUser } from '@/db/repositories/users';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';

const routes = await listApiRoutes();

interface Cell {
  col: Column;
  fx: MatrixFixtures;
  /** The patient this cell addresses: the "other" patient for patientOther and doctorUnlinked, else the "own" one. */
  target: MatrixPatient;
}

/** What a cell sends: the path (with query), a body, and the token when not the column's own. */
type Built = Pick<MatrixRequest, 'path'> & Partial<Pick<MatrixRequest, 'body' | 'contentType' | 'token'>>;

interface Row {
  /** `METHOD /api/template/` as the route inventory names it. */
  key: string;
  /** Tells several rows of one key apart (catch-alls, bodies with other rules). */
  variant?: string;
  /** The nine statuses, in the order of COLUMNS. */
  expect: string;
  build(c: Cell): Built | Promise<Built>;
  /**
   * For reads that filter rather than refuse: whether a 2xx answer shows the target patient's
   * protected data. It must for the own side (patientOwn, doctorLinked, admin) and must not for the
   * other side (patientOther, doctorUnlinked).
   */
  sees?(body: unknown, target: MatrixPatient): boolean;
}

type Json = Record<string, unknown>;
const results = (body: unknown) => ((body as { results?: Json[] }).results ?? []);
const listsPatient = (body: unknown, t: MatrixPatient) => results(body).some((r) => r.patient_id === t.id || r.user_id === t.id);
const reason = (c: Cell) => ({ reason: `Matrix ${c.col}` });
/** Credentials of the account behind the column (the anonymous caller signs in as the patient). */
function credentialsOf({ col, fx }: Cell) {
  const a = col === 'deactivated' ? fx.deactivatedAdmin
    : ['admin', 'expiredToken', 'revokedToken'].includes(col) ? fx.admin
      : col.startsWith('doctor') ? fx.doctor : fx.own;
  return { email: a.email, password: a.password };
}
const LIVE_ROLE: Partial<Record<Column, 'patient' | 'doctor' | 'admin'>> = {
  patientOwn: 'patient', patientOther: 'patient', doctorLinked: 'doctor', doctorUnlinked: 'doctor', admin: 'admin',
};
/**
 * `POST /api/auth/password/` for a cell: a live column changes the password of a fresh account of its
 * role (so no other cell's credentials change), with a temporary password when `temporary`; the other
 * columns send their own (missing or dead) token.
 */
async function passwordChange({ col, fx }: Cell, temporary: boolean): Promise<Built> {
  const role = LIVE_ROLE[col];
  const body = { current_password: 'a long enough password', new_password: `matrix new password ${fx.unique()}` };
  if (!role) return { path: '/api/auth/password/', body };
  const u = await makeUserWithToken(role, { password: body.current_password });
  if (temporary) await updateUser(u.id, { mustChangePassword: true });
  return { path: '/api/auth/password/', token: u.token, body };
}
function digitsAsLetters(n: number): string {
  return String(n).split('').map((d) => 'abcdefghij'[Number(d)]).join('');
}
/** The target patient's own resource for the patientOwn cell of a deactivating request: a fresh patient acting on themselves. */
async function freshTarget(c: Cell, kind: 'user' | 'profile'): Promise<Built> {
  const p = await c.fx.freshPatientLike(c.target);
  const id = kind === 'user' ? p.id : p.profileId;
  const base = kind === 'user' ? '/api/users' : '/api/patient-profiles';
  return { path: `${base}/${id}/`, ...(c.col === 'patientOwn' ? { token: p.token } : {}) };
}

// The matrix, one row per route and method (and variant), one column per caller:
//   anon, pOwn = patientOwn, pOth = patientOther, dLnk = doctorLinked, dUnl = doctorUnlinked,
//   admn = admin, deac = deactivated, expd = expiredToken, revk = revokedToken.
// 2xx: allowed; 401: who are you?; 403: not you; 404: no such thing (for everyone); 302: next-auth's
// redirect to its sign-in page.
//           anon pOwn pOth dLnk dUnl admn deac expd revk
const ROWS: Row[] = [
  // ---- Appointments (a patient: their own; a doctor: their own appointments; an admin: all)
  { expect: '401  200  403  200  200  200  401  401  401', key: 'GET /api/appointments/',
    build: ({ target }) => ({ path: `/api/appointments/?patient_id=${target.id}` }), sees: listsPatient },
  { expect: '401  201  403  201  201  201  401  401  401', key: 'POST /api/appointments/',
    // Staff book for any patient; with the patient's own doctor, so no cell links the doctor to the other patient.
    build: ({ fx, target }) => ({ path: '/api/appointments/', body: { doctor_id: target.doctor.id, patient_id: target.id, date_time: fx.nextSlot().toISOString(), reason: 'Check-up' } }) },
  { expect: '401  403  403  201  201  201  401  401  401', key: 'POST /api/appointments/', variant: 'with clinic notes',
    // The notes are the clinic's (a patient may not write them when editing either: PUT below).
    build: ({ fx, target }) => ({ path: '/api/appointments/', body: { doctor_id: target.doctor.id, patient_id: target.id, date_time: fx.nextSlot().toISOString(), notes: 'Bring the lab results' } }) },
  { expect: '401  200  403  200  403  200  401  401  401', key: 'GET /api/appointments/{id}/',
    build: ({ target }) => ({ path: `/api/appointments/${target.appointmentId}/` }) },
  { expect: '401  200  403  200  403  200  401  401  401', key: 'PUT /api/appointments/{id}/',
    build: (c) => ({ path: `/api/appointments/${c.target.appointmentId}/`, body: reason(c) }) },
  { expect: '401  200  403  200  403  200  401  401  401', key: 'PUT /api/appointments/{id}/', variant: 'reschedule (a new date_time; its patient too)',
    build: async (c) => ({ path: `/api/appointments/${await c.fx.bookFor(c.target)}/`, body: { date_time: c.fx.nextSlot().toISOString() } }) },
  { expect: '401  200  403  200  403  200  401  401  401', key: 'DELETE /api/appointments/{id}/',
    build: async (c) => ({ path: `/api/appointments/${await c.fx.bookFor(c.target)}/`, body: reason(c) }) },
  { expect: '401  200  403  200  403  200  401  401  401', key: 'POST /api/appointments/{id}/cancel/',
    build: async (c) => ({ path: `/api/appointments/${await c.fx.bookFor(c.target)}/cancel/`, body: reason(c) }) },
  { expect: '401  403  403  200  403  200  401  401  401', key: 'POST /api/appointments/{id}/confirm/',
    build: async (c) => ({ path: `/api/appointments/${await c.fx.bookFor(c.target)}/confirm/` }) },
  { expect: '401  403  403  200  403  200  401  401  401', key: 'POST /api/appointments/{id}/complete/',
    build: async (c) => ({ path: `/api/appointments/${await c.fx.pastConfirmedFor(c.target)}/complete/` }) },
  { expect: '401  403  403  200  403  200  401  401  401', key: 'POST /api/appointments/{id}/no-show/',
    build: async (c) => ({ path: `/api/appointments/${await c.fx.pastConfirmedFor(c.target)}/no-show/` }) },
  { expect: '401  200  403  200  200  200  401  401  401', key: 'GET /api/appointments/today/',
    build: ({ target }) => ({ path: `/api/appointments/today/?patient_id=${target.id}` }) },
  { expect: '401  200  403  200  200  200  401  401  401', key: 'GET /api/appointments/upcoming/',
    build: ({ target }) => ({ path: `/api/appointments/upcoming/?patient_id=${target.id}` }), sees: listsPatient },

  // ---- Authentication (the column's own account signs in; the deactivated one is refused)
  { expect: '200  200  200  200  200  200  401  200  200', key: 'POST /api/auth/login/',
    build: (c) => ({ path: '/api/auth/login/', body: credentialsOf(c) }) },
  { expect: '401  200  200  200  200  200  401  401  401', key: 'POST /api/auth/logout/',
    // Logging out revokes the token sent: each cell spends a fresh one of its column's kind.
    build: async ({ col, fx }) => ({ path: '/api/auth/logout/', token: await fx.freshToken(col) }) },
  { expect: '401  200  200  200  200  200  401  401  401', key: 'POST /api/auth/password/',
    build: (c) => passwordChange(c, false) },
  // A user with a temporary password may call it (every other route answers them 403 password_change_required).
  { expect: '401  200  200  200  200  200  401  401  401', key: 'POST /api/auth/password/', variant: 'temporary password',
    build: (c) => passwordChange(c, true) },
  // next-auth's own endpoints (browser sign-in; bearer tokens mean nothing to them)
  { expect: '200  200  200  200  200  200  200  200  200', key: 'GET /api/auth/{...nextauth}/', variant: 'session',
    build: () => ({ path: '/api/auth/session' }) },
  { expect: '200  200  200  200  200  200  200  200  200', key: 'GET /api/auth/{...nextauth}/', variant: 'csrf',
    build: () => ({ path: '/api/auth/csrf' }) },
  { expect: '200  200  200  200  200  200  200  200  200', key: 'GET /api/auth/{...nextauth}/', variant: 'providers',
    build: () => ({ path: '/api/auth/providers' }) },
  { expect: '400  400  400  400  400  400  400  400  400', key: 'GET /api/auth/{...nextauth}/', variant: 'unknown action',
    build: () => ({ path: '/api/auth/no-such-action' }) },
  { expect: '302  302  302  302  302  302  302  302  302', key: 'POST /api/auth/{...nextauth}/', variant: 'credentials without CSRF token',
    build: (c) => ({ path: '/api/auth/callback/credentials', contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(credentialsOf(c)).toString() }) },

  // ---- Admin dashboard, its CSV exports and the monthly report (admins only)
  { expect: '401  403  403  403  403  200  401  401  401', key: 'GET /api/dashboard/recent-activity/',
    build: () => ({ path: '/api/dashboard/recent-activity/' }) },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'GET /api/dashboard/stats/',
    build: () => ({ path: '/api/dashboard/stats/' }) },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'GET /api/dashboard/export/{table}/',
    build: () => ({ path: '/api/dashboard/export/visits/' }) },
  { expect: '401  403  403  403  403  404  401  401  401', key: 'GET /api/dashboard/export/{table}/', variant: 'unknown table',
    build: () => ({ path: '/api/dashboard/export/no-such-table/' }) },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'GET /api/reports/monthly/',
    build: () => ({ path: '/api/reports/monthly/' }) },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'GET /api/reports/monthly/', variant: 'CSV',
    build: () => ({ path: '/api/reports/monthly/?format=csv' }) },

  // ---- API documentation (public)
  { expect: '200  200  200  200  200  200  200  200  200', key: 'GET /api/openapi.json/',
    build: () => ({ path: '/api/openapi.json' }) },
  { expect: '200  200  200  200  200  200  200  200  200', key: 'GET /api/docs/',
    build: () => ({ path: '/api/docs' }) },
  { expect: '200  200  200  200  200  200  200  200  200', key: 'GET /api/docs/assets/{file}/',
    build: () => ({ path: '/api/docs/assets/init.js' }) },
  { expect: '404  404  404  404  404  404  404  404  404', key: 'GET /api/docs/assets/{file}/', variant: 'not on the allow-list',
    build: () => ({ path: '/api/docs/assets/package.json' }) },

  // ---- Doctors and free slots (any signed-in user)
  { expect: '401  200  200  200  200  200  401  401  401', key: 'GET /api/doctors/',
    build: () => ({ path: '/api/doctors/' }) },
  { expect: '401  200  200  200  200  200  401  401  401', key: 'GET /api/doctors/{id}/slots/',
    build: ({ target }) => ({ path: `/api/doctors/${target.doctor.id}/slots/?from=${clinicToday()}&to=${addDays(clinicToday(), 2)}` }) },

  // ---- Health check (no caller looked up) and ICD-10 search (any signed-in user)
  { expect: '200  200  200  200  200  200  200  200  200', key: 'GET /api/health-check/',
    build: () => ({ path: '/api/health-check/' }) },
  { expect: '401  200  200  200  200  200  401  401  401', key: 'GET /api/icd10/',
    build: () => ({ path: '/api/icd10/?q=diabetes' }) },
  // The clinic's favourite diagnoses: doctors and admins read them, only admins replace them.
  { expect: '401  403  403  200  200  200  401  401  401', key: 'GET /api/icd10/favourites/',
    build: () => ({ path: '/api/icd10/favourites/' }) },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'PUT /api/icd10/favourites/',
    build: () => ({ path: '/api/icd10/favourites/', body: { codes: ['I10', 'B54'] } }) },

  // ---- Medical records (read: the patient, a linked doctor, an admin; change: the author or an admin; chart: doctors)
  { expect: '401  200  403  200  200  200  401  401  401', key: 'GET /api/medical-records/',
    build: ({ target }) => ({ path: `/api/medical-records/?patient_id=${target.id}` }), sees: listsPatient },
  { expect: '401  403  403  201  403  403  401  401  401', key: 'POST /api/medical-records/',
    build: ({ target }) => ({ path: '/api/medical-records/', body: { patient_id: target.id, symptoms: 'Headache', diagnosis: 'Tension headache' } }) },
  { expect: '401  200  403  200  403  200  401  401  401', key: 'GET /api/medical-records/{id}/',
    build: ({ target }) => ({ path: `/api/medical-records/${target.recordId}/` }) },
  { expect: '401  403  403  200  403  200  401  401  401', key: 'PUT /api/medical-records/{id}/',
    build: async (c) => ({ path: `/api/medical-records/${await c.fx.recordFor(c.target)}/`, body: { symptoms: `Amended by ${c.col}`, reason: 'Matrix' } }) },
  { expect: '401  403  403  200  403  200  401  401  401', key: 'DELETE /api/medical-records/{id}/',
    build: async (c) => ({ path: `/api/medical-records/${await c.fx.recordFor(c.target)}/`, body: reason(c) }) },
  { expect: '401  200  403  200  403  200  401  401  401', key: 'GET /api/medical-records/patient-history/',
    build: ({ target }) => ({ path: `/api/medical-records/patient-history/?patient_id=${target.id}` }), sees: listsPatient },

  // ---- Patient profiles (read: the patient, any doctor — clinical part only when linked —, an admin)
  { expect: '401  200  200  200  200  200  401  401  401', key: 'GET /api/patient-profiles/',
    build: () => ({ path: '/api/patient-profiles/?page_size=100' }), sees: listsPatient },
  { expect: '401  403  403  201  201  201  401  401  401', key: 'POST /api/patient-profiles/',
    build: ({ fx }) => {
      const n = fx.unique();
      return { path: '/api/patient-profiles/', body: { name: `Walkin ${digitsAsLetters(n)} Matrix`, date_of_birth: addDays('1960-01-01', n * 37), gender: 'female', phone: `0733${String(n).padStart(6, '0')}` } };
    } },
  { expect: '401  200  403  200  200  200  401  401  401', key: 'GET /api/patient-profiles/{id}/',
    build: ({ target }) => ({ path: `/api/patient-profiles/${target.profileId}/` }),
    // Any doctor sees the demographics; the clinical part (allergies, history) only the linked one.
    sees: (body) => (body as Json).allergies !== null },
  { expect: '401  200  403  200  403  200  401  401  401', key: 'PUT /api/patient-profiles/{id}/',
    build: (c) => ({ path: `/api/patient-profiles/${c.target.profileId}/`, body: { medical_history: `Asthma (noted by ${c.col})` } }) },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'DELETE /api/patient-profiles/{id}/',
    build: (c) => freshTarget(c, 'profile') },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'POST /api/patient-profiles/{id}/merge/',
    // Merges a fresh patient (booked with the target's doctor at another time) into the target: admins only.
    build: async (c) => ({ path: `/api/patient-profiles/${c.target.profileId}/merge/`, body: { merge_from: (await c.fx.freshPatientLike(c.target)).profileId } }) },

  // ---- Users (list: admins; one user: themselves or an admin; deactivate: admins)
  { expect: '401  403  403  403  403  200  401  401  401', key: 'GET /api/users/',
    build: () => ({ path: '/api/users/' }) },
  { expect: '201  201  201  201  201  201  201  201  201', key: 'POST /api/users/', variant: 'patient registration',
    // A birth date of its own: registrants of close names born the same day would be possible duplicates (409).
    build: ({ fx }) => {
      const n = fx.unique();
      return { path: '/api/users/', body: { name: `Registrant ${digitsAsLetters(n)}`, email: `matrix.registrant${n}@test.example`, password: 'a long enough password', date_of_birth: addDays('1990-05-05', -n * 37), gender: 'male', phone: `0744${String(n).padStart(6, '0')}` } };
    } },
  { expect: '403  403  403  403  403  201  403  403  403', key: 'POST /api/users/', variant: 'staff account',
    build: ({ fx }) => ({ path: '/api/users/', body: { role: 'doctor', email: `matrix.staff${fx.unique()}@test.example`, password: 'a long enough password', name: 'Matrix Staff Doctor' } }) },
  { expect: '401  200  403  403  403  200  401  401  401', key: 'GET /api/users/{id}/',
    build: ({ target }) => ({ path: `/api/users/${target.id}/` }) },
  { expect: '401  200  403  403  403  200  401  401  401', key: 'PUT /api/users/{id}/',
    build: (c) => ({ path: `/api/users/${c.target.id}/`, body: { contact_info: { address: `${c.col} Road 1, Nairobi` } } }) },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'PUT /api/users/{id}/', variant: 'a patient\'s name',
    // A patient's identity is the clinic's to correct (as on PUT /api/patient-profiles/{id}/).
    build: (c) => ({ path: `/api/users/${c.target.id}/`, body: { name: `Renamed By ${c.col === 'admin' ? 'Admin' : 'Someone'}` } }) },
  { expect: '401  403  403  403  403  200  401  401  401', key: 'DELETE /api/users/{id}/',
    build: (c) => freshTarget(c, 'user') },
  // A fresh account per cell (a reset ends its sessions); the patientOwn cell resets its own (refused: admins only).
  { expect: '401  403  403  403  403  200  401  401  401', key: 'POST /api/users/{id}/reset-password/',
    build: async (c) => {
      if (c.col === 'patientOwn') {
        const p = await c.fx.freshPatientLike(c.target);
        return { path: `/api/users/${p.id}/reset-password/`, token: p.token };
      }
      return { path: `/api/users/${(await makeUser('doctor')).id}/reset-password/` };
    } },

  // ---- Unknown paths: a JSON 404 for everyone, whatever the method
  ...(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((m): Row => ({
    expect: '404  404  404  404  404  404  404  404  404', key: `${m} /api/{...path}/`, variant: '/api/nonexistent/',
    build: () => ({ path: '/api/nonexistent/', ...(m === 'GET' || m === 'DELETE' ? {} : { body: {} }) }),
  })),
];

function statuses(row: Row): Record<Column, number> {
  const cells = row.expect.trim().split(/\s+/).map(Number);
  if (cells.length !== COLUMNS.length || cells.some((s) => !Number.isInteger(s))) throw new Error(`${row.key}: give ${COLUMNS.length} statuses`);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])) as Record<Column, number>;
}

const label = (r: Row) => (r.variant ? `${r.key} (${r.variant})` : r.key);
const routeOf = (key: string) => {
  const [method, template] = key.split(' ');
  return { method, template, route: routes.find((r) => r.template === template) };
};

let fx: MatrixFixtures;
beforeAll(async () => {
  fx = await buildMatrixFixtures();
});
afterAll(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('authorization matrix', () => {
  it('has rows for every route and method, and no row for a route or method that does not exist', () => {
    const served = routes.flatMap((r) => r.methods.map((m) => `${m} ${r.template}`)).sort();
    const described = [...new Set(ROWS.map((r) => r.key))].sort();
    expect({
      withoutRows: served.filter((k) => !described.includes(k)),
      rowsWithoutRoute: described.filter((k) => !served.includes(k)),
    }).toEqual({ withoutRows: [], rowsWithoutRoute: [] });
  });

  it.each(ROWS.map((r) => [label(r), r] as const))('%s', async (_, row) => {
    const { method, template, route } = routeOf(row.key);
    const handler = route?.module[method];
    expect(handler, `no ${method} handler for ${template}`).toBeTypeOf('function');
    const actual = {} as Record<Column, number>;
    const seen: Partial<Record<Column, boolean>> = {};
    for (const col of COLUMNS) {
      const target = fx.targetOf(col);
      const built = await row.build({ col, fx, target });
      const token = built.token !== undefined ? built.token : fx.tokens[col];
      const res = await callHandler(handler, template, toNextRequest({ method, path: built.path, token, body: built.body, contentType: built.contentType }));
      actual[col] = res.status;
      if (row.sees && res.ok) seen[col] = row.sees(await res.json(), target);
      else await res.body?.cancel();
    }
    const expectedSeen = Object.fromEntries(Object.keys(seen).map((c) => [c, !OTHER_SIDE.has(c as Column)]));
    expect({ status: actual, seesTarget: seen }).toEqual({ status: statuses(row), seesTarget: expectedSeen });
  });
});

describe('methods a route does not serve', () => {
  const stubs = routes.flatMap((r) => r.notAllowed.map((m) => [`${m} ${r.template}`, r, m] as const));

  it.each(stubs)('%s → 405 with Allow', async (_, route, method) => {
    const path = route.template.replace(/\{\.\.\.[^}]+\}/g, 'x').replace(/\{[^}]+\}/g, '1');
    const res = await callHandler(route.module[method], route.template, toNextRequest({ method, path, token: fx.tokens.admin, body: method === 'GET' ? undefined : {} }));
    expect(res.status).toBe(405);
    expect((await res.json()).error.code).toBe('method_not_allowed');
    expect((res.headers.get('allow') ?? '').split(/,\s*/).sort()).toEqual([...route.methods].sort());
  });
});
