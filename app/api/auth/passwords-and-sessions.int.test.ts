/**
 * Issue #10, points 5 and 6, through the real route handlers on SQLite and MariaDB:
 * - `POST /api/auth/password/`: the current password must match; common passwords are refused; other
 *   sessions and tokens end while the request's own stays; audited (success and failure).
 * - `POST /api/users/{id}/reset-password/` (admin): a temporary password shown once; the user's sessions
 *   and tokens end; they must change it (login answers `must_change_password: true`); audited.
 * - Common passwords are refused wherever a new one is set (registration, staff creation, change).
 * - `Cache-Control: no-store` on every API answer, errors included, next-auth's routes too.
 * - `GET /api/auth/session` (next-auth) answers `{}` for a session signed out, revoked or deactivated.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

// next-auth's handler reads Next's request storages (headers(), cookies()): they need a real
// AsyncLocalStorage before any Next module loads; it also wants its secret and URL (restored after).
const savedEnv = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  (globalThis as Record<string, unknown>).AsyncLocalStorage ??= AsyncLocalStorage;
  const saved = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  process.env.NEXTAUTH_SECRET = 'passwords-and-sessions-test-secret';
  process.env.NEXTAUTH_URL = 'http://127.0.0.1:3999';
  return saved;
});

import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { eq } from 'drizzle-orm';
import * as nextAuthRoute from '@/app/api/auth/[...nextauth]/route';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as changePasswordRoute, GET as getPasswordRoute } from '@/app/api/auth/password/route';
import { GET as listAppointments } from '@/app/api/appointments/route';
import { GET as listDoctors } from '@/app/api/doctors/route';
import { POST as createUserRoute } from '@/app/api/users/route';
import { GET as getUser } from '@/app/api/users/[id]/route';
import { POST as resetPasswordRoute } from '@/app/api/users/[id]/reset-password/route';
import { GET as unknownApi } from '@/app/api/[...path]/route';
import { q, tables } from '@/db';
import { findUserById, updateUser } from '@/db/repositories/users';
import { actorOf, type CurrentUser } from '@/lib/auth/current-user';
import { closeBrowserSession, openBrowserSession } from '@/lib/auth/tokens';
import { verifyPassword } from '@/lib/auth/password';
import { callHandler } from '@/lib/testing/matrix-fixtures';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';
import { deactivateUser } from '@/lib/users/deactivate-user';

afterAll(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const BASE = 'http://127.0.0.1:3999';
let ip = 0;
function req(method: string, path: string, opts: { token?: string; cookie?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${++ip % 250}`, origin: BASE, host: '127.0.0.1:3999' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = `next-auth.session-token=${opts.cookie}`;
  return new NextRequest(`${BASE}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const noStore = (res: Response) => expect(res.headers.get('cache-control'), `Cache-Control of ${res.status}`).toBe('no-store');

/** A browser session of user `id`: the session cookie's value, as next-auth writes it at sign-in. */
async function sessionCookie(id: number) {
  const row = (await findUserById(id))!;
  const sid = await openBrowserSession(row);
  const cookie = await encode({ token: { uid: id, role: row.role, sv: row.sessionVersion, sid, name: row.name, email: row.email }, secret: process.env.NEXTAUTH_SECRET! });
  return { sid, cookie };
}

/** `GET /api/auth/session` through next-auth's route handler with `cookie`. */
async function sessionOf(cookie: string) {
  const res = await callHandler(nextAuthRoute.GET, '/api/auth/{...nextauth}/', req('GET', '/api/auth/session', { cookie }));
  expect(res.status).toBe(200);
  noStore(res);
  return (await res.json()) as { user?: { id?: number; role?: string } };
}

async function auditOf(userId: number, action: string) {
  const db = await q();
  const rows = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.entityId, userId));
  return rows.filter((r) => r.action === action);
}

const userAsToken = (u: { id: number; name: string; email: string }, role: CurrentUser['role']): CurrentUser =>
  ({ id: u.id, name: u.name, email: u.email, role, via: 'token', mustChangePassword: false });

describe('POST /api/auth/password/', () => {
  it('changes the password with the current one; other tokens and sessions end, this token stays; audited', async () => {
    const u = await makeUserWithToken('patient');
    const other = await makeUserWithToken('patient'); // someone else's token is untouched
    const { cookie } = await sessionCookie(u.id);
    const second = await login(req('POST', '/api/auth/login/', { body: { email: u.email, password: u.password } }));
    const secondToken = (await second.json()).token as string;

    const wrong = await changePasswordRoute(req('POST', '/api/auth/password/', { token: u.token, body: { current_password: 'not my password', new_password: 'a fresh long secret' } }));
    expect(wrong.status).toBe(400);
    noStore(wrong);
    expect((await wrong.json()).error.fields).toHaveProperty('current_password');
    expect((await listDoctors(req('GET', '/api/doctors/', { token: secondToken }))).status).toBe(200); // a refusal ends nothing

    const res = await changePasswordRoute(req('POST', '/api/auth/password/', { token: u.token, body: { current_password: u.password, new_password: 'a fresh long secret' } }));
    expect(res.status).toBe(200);
    noStore(res);
    const body = await res.json();
    expect(body).toMatchObject({ user: { id: u.id, email: u.email }, other_sessions_ended: 2 });
    expect(JSON.stringify(body)).not.toMatch(/fresh long secret|argon2/);
    const row = (await findUserById(u.id))!;
    expect(await verifyPassword(row.passwordHash!, 'a fresh long secret')).toBe(true);

    expect((await listDoctors(req('GET', '/api/doctors/', { token: u.token }))).status).toBe(200); // this request's token stays
    expect((await listDoctors(req('GET', '/api/doctors/', { token: secondToken }))).status).toBe(401); // another token ends
    expect(await sessionOf(cookie)).toEqual({}); // and the browser session
    expect((await listDoctors(req('GET', '/api/doctors/', { token: other.token }))).status).toBe(200);

    // The old password no longer signs in; the new one does.
    expect((await login(req('POST', '/api/auth/login/', { body: { email: u.email, password: u.password } }))).status).toBe(401);
    expect((await login(req('POST', '/api/auth/login/', { body: { email: u.email, password: 'a fresh long secret' } }))).status).toBe(200);

    expect((await auditOf(u.id, 'user.change_password')).map((e) => e.outcome)).toEqual(['failure', 'success']);
  });

  it('refuses common passwords (any case), short ones, the same one, and a differing confirmation, changing nothing', async () => {
    const u = await makeUserWithToken('doctor');
    const before = (await findUserById(u.id))!.passwordHash;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ current_password: u.password, new_password: 'iloveyou1' }, 'new_password', /too common/],
      [{ current_password: u.password, new_password: 'PASSWORD123' }, 'new_password', /too common/],
      [{ current_password: u.password, new_password: 'QwErTy123' }, 'new_password', /too common/],
      [{ current_password: u.password, new_password: 'short' }, 'new_password', /at least 8/],
      [{ current_password: u.password, new_password: u.password }, 'new_password', /different/],
      [{ current_password: u.password, new_password: 'a fresh long secret', confirm_password: 'another' }, 'confirm_password', /differ/],
      [{ new_password: 'a fresh long secret' }, 'current_password', /current password/],
    ];
    for (const [body, field, message] of cases) {
      const res = await changePasswordRoute(req('POST', '/api/auth/password/', { token: u.token, body }));
      expect(res.status, JSON.stringify(body)).toBe(400);
      noStore(res);
      const { error } = await res.json();
      expect(error.code).toBe('validation_error');
      expect(error.fields[field]?.[0], JSON.stringify(body)).toMatch(message);
    }
    expect((await findUserById(u.id))!.passwordHash).toBe(before);
  });

  it('needs a signed-in caller and answers 405 to other methods', async () => {
    const anon = await changePasswordRoute(req('POST', '/api/auth/password/', { body: { current_password: 'x', new_password: 'a fresh long secret' } }));
    expect(anon.status).toBe(401);
    noStore(anon);
    const get = await getPasswordRoute();
    expect(get.status).toBe(405);
    noStore(get);
  });

  it('with the browser session (cookie) keeps that session and ends the others', async () => {
    const u = await makeUser('admin');
    const mine = await sessionCookie(u.id);
    const theirs = await sessionCookie(u.id);
    const res = await callHandler(changePasswordRoute, '/api/auth/password/', req('POST', '/api/auth/password/', { cookie: mine.cookie, body: { current_password: u.password, new_password: 'a fresh long secret' } }));
    expect(res.status).toBe(200);
    expect((await sessionOf(mine.cookie)).user?.id).toBe(u.id);
    expect(await sessionOf(theirs.cookie)).toEqual({});
  });
});

describe('POST /api/users/{id}/reset-password/', () => {
  it('gives an admin a temporary password once; the user\'s sessions and tokens end; they must change it', async () => {
    const admin = await makeUserWithToken('admin');
    const doctor = await makeUserWithToken('doctor');
    const { cookie } = await sessionCookie(doctor.id);
    expect((await sessionOf(cookie)).user?.id).toBe(doctor.id);

    const res = await resetPasswordRoute(req('POST', `/api/users/${doctor.id}/reset-password/`, { token: admin.token }), ctx(doctor.id));
    expect(res.status).toBe(200);
    noStore(res);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['temporary_password', 'user']);
    expect(body.user).toMatchObject({ id: doctor.id, email: doctor.email });
    expect(body.temporary_password).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const row = (await findUserById(doctor.id))!;
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(row.passwordHash!, body.temporary_password)).toBe(true);
    expect(await verifyPassword(row.passwordHash!, doctor.password)).toBe(false);
    expect((await listDoctors(req('GET', '/api/doctors/', { token: doctor.token }))).status).toBe(401);
    expect(await sessionOf(cookie)).toEqual({});

    // They sign in with it through the API and finish without a browser.
    const signedIn = await login(req('POST', '/api/auth/login/', { body: { email: doctor.email, password: body.temporary_password } }));
    const { token, must_change_password } = await signedIn.json();
    expect(must_change_password).toBe(true);
    const blocked = await listAppointments(req('GET', '/api/appointments/', { token }));
    expect(blocked.status).toBe(403);
    noStore(blocked);
    const changed = await changePasswordRoute(req('POST', '/api/auth/password/', { token, body: { current_password: body.temporary_password, new_password: 'my very own secret' } }));
    expect(changed.status).toBe(200);
    expect((await findUserById(doctor.id))!.mustChangePassword).toBe(false);
    expect((await listAppointments(req('GET', '/api/appointments/', { token }))).status).toBe(200);

    const events = await auditOf(doctor.id, 'user.reset_password');
    expect(events.map((e) => [e.outcome, e.actorUserId])).toEqual([['success', admin.id]]);
    expect(events[0].details).toEqual({ sessions_ended: 2 }); // the doctor's token and browser session
    expect(JSON.stringify(events)).not.toContain(body.temporary_password);
  });

  it('is for admins only, never on one\'s own account, 404 for an unknown user, 409 without an email', async () => {
    const admin = await makeUserWithToken('admin');
    const doctor = await makeUserWithToken('doctor');
    const patient = await makeUserWithToken('patient');
    const before = (await findUserById(patient.id))!.passwordHash;
    for (const token of [doctor.token, patient.token]) {
      const res = await resetPasswordRoute(req('POST', `/api/users/${patient.id}/reset-password/`, { token }), ctx(patient.id));
      expect(res.status).toBe(403);
      noStore(res);
    }
    expect((await resetPasswordRoute(req('POST', `/api/users/${patient.id}/reset-password/`), ctx(patient.id))).status).toBe(401);
    const own = await resetPasswordRoute(req('POST', `/api/users/${admin.id}/reset-password/`, { token: admin.token }), ctx(admin.id));
    expect(own.status).toBe(403);
    expect((await resetPasswordRoute(req('POST', '/api/users/99999999/reset-password/', { token: admin.token }), ctx(99999999))).status).toBe(404);
    await updateUser(patient.id, { email: null });
    const noEmail = await resetPasswordRoute(req('POST', `/api/users/${patient.id}/reset-password/`, { token: admin.token }), ctx(patient.id));
    expect(noEmail.status).toBe(409);
    expect((await noEmail.json()).error.code).toBe('conflict');
    expect((await findUserById(patient.id))!.passwordHash).toBe(before);
    expect((await auditOf(patient.id, 'user.reset_password')).map((e) => e.outcome)).toEqual(['failure']);
    expect((await auditOf(admin.id, 'user.reset_password')).map((e) => e.outcome)).toEqual(['failure']);
  });

  it('answers 404 with `merged_into` for a patient merged into another, like every read of a merged record', async () => {
    const admin = await makeUserWithToken('admin');
    const survivor = await makeUserWithToken('patient');
    const merged = await makeUserWithToken('patient');
    // As a merge leaves it when the survivor took its account: inactive, no email, pointing to the survivor.
    await updateUser(merged.id, { email: null, passwordHash: null, isActive: false, mergedIntoId: survivor.id });
    const res = await resetPasswordRoute(req('POST', `/api/users/${merged.id}/reset-password/`, { token: admin.token }), ctx(merged.id));
    expect(res.status).toBe(404);
    noStore(res);
    expect((await res.json()).error).toMatchObject({ code: 'not_found', merged_into: survivor.id });
    expect((await auditOf(merged.id, 'user.reset_password'))).toEqual([]);
  });
});

describe('common passwords are refused wherever a new password is set', () => {
  it('on self-registration and on staff creation with a chosen password', async () => {
    const admin = await makeUserWithToken('admin');
    const n = Date.now();
    const reg = await createUserRoute(req('POST', '/api/users/', { body: { name: 'Amina Otieno', email: `common.${n}@test.example`, password: 'Football1', date_of_birth: '1991-02-03', gender: 'female', phone: '0712 345 678' } }));
    expect(reg.status).toBe(400);
    noStore(reg);
    expect((await reg.json()).error.fields.password[0]).toMatch(/too common/);
    const staff = await createUserRoute(req('POST', '/api/users/', { token: admin.token, body: { role: 'doctor', email: `common.doc.${n}@test.example`, name: 'Dr Common', password: 'letmein1' } }));
    expect(staff.status).toBe(400);
    expect((await staff.json()).error.fields.password[0]).toMatch(/too common/);
    // Control: an uncommon password is accepted.
    const ok = await createUserRoute(req('POST', '/api/users/', { body: { name: 'Amina Otieno', email: `uncommon.${n}@test.example`, password: 'mango tree by the river', date_of_birth: '1991-02-03', gender: 'female', phone: '0712 345 678' } }));
    expect(ok.status).toBe(201);
    noStore(ok);
  });
});

describe('Cache-Control: no-store on every API answer', () => {
  it('on successes, errors, the 404 catch-all and next-auth\'s routes', async () => {
    const patient = await makeUserWithToken('patient');
    const answers: Response[] = [
      await getUser(req('GET', `/api/users/${patient.id}/`, { token: patient.token }), ctx(patient.id)), // 200 with account data
      await listAppointments(req('GET', '/api/appointments/', { token: patient.token })), // 200 with patient data
      await listAppointments(req('GET', '/api/appointments/')), // 401
      await getUser(req('GET', '/api/users/99999999/', { token: patient.token }), ctx(99999999)), // 403/404
      await listAppointments(req('GET', '/api/appointments/', { token: 'ehr_not-a-token' })), // 401 bad token
      await login(req('POST', '/api/auth/login/', { body: { email: 'nobody@test.example', password: 'whatever it is' } })), // 401
      await unknownApi(), // 404
      await callHandler(nextAuthRoute.GET, '/api/auth/{...nextauth}/', req('GET', '/api/auth/csrf')),
      await callHandler(nextAuthRoute.GET, '/api/auth/{...nextauth}/', req('GET', '/api/auth/providers')),
      await callHandler(nextAuthRoute.GET, '/api/auth/{...nextauth}/', req('GET', '/api/auth/session')),
      await callHandler(nextAuthRoute.GET, '/api/auth/{...nextauth}/', req('GET', '/api/auth/nonsense')),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 403, 401, 401, 404, 200, 200, 200, 400]);
    for (const r of answers) noStore(r);
  });
});

describe('GET /api/auth/session answers no user for an ended session', () => {
  it('a valid session shows its user; signed out, revoked and deactivated ones answer {}', async () => {
    const admin = await makeUser('admin');
    const adminUser = userAsToken(admin, 'admin');

    const live = await makeUser('doctor');
    const a = await sessionCookie(live.id);
    expect((await sessionOf(a.cookie)).user).toMatchObject({ id: live.id, role: 'doctor' });

    // Signed out: the server-side session row is closed (next-auth's signOut event does this).
    await closeBrowserSession(a.sid);
    expect(await sessionOf(a.cookie)).toEqual({});

    // Revoked: an admin reset the password (session version bumped, tokens revoked).
    const b = await sessionCookie(live.id);
    expect((await sessionOf(b.cookie)).user?.id).toBe(live.id);
    const reset = await resetPasswordRoute(req('POST', `/api/users/${live.id}/reset-password/`, { token: (await makeUserWithToken('admin')).token }), ctx(live.id));
    expect(reset.status).toBe(200);
    expect(await sessionOf(b.cookie)).toEqual({});

    // Deactivated.
    const gone = await makeUser('patient');
    const c = await sessionCookie(gone.id);
    expect((await sessionOf(c.cookie)).user?.id).toBe(gone.id);
    await deactivateUser({ user: adminUser, actor: actorOf(adminUser), id: gone.id });
    expect(await sessionOf(c.cookie)).toEqual({});

    // No cookie at all: the same answer.
    const none = await callHandler(nextAuthRoute.GET, '/api/auth/{...nextauth}/', req('GET', '/api/auth/session'));
    expect(await none.json()).toEqual({});
  });
});
