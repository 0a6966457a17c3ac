/**
 * A user with a temporary password (created by an admin, `must_change_password`) on the API, on SQLite
 * and MariaDB: every route answers 403 `forbidden` with `reason: "password_change_required"` — for a
 * bearer token and for a browser session alike — except logout and `POST /api/auth/password/`; login
 * checks the password and issues a token marked `must_change_password: true`, with which the user
 * changes the password through the API (no browser needed); then the same token works everywhere.
 * Other users are unaffected.
 */
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';

// The browser session comes from the request's cookies (next/headers): a jar the tests fill.
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({ getAll: () => [...jar].map(([name, value]) => ({ name, value })) }),
  headers: async () => new Headers(),
}));

const { POST: login } = await import('@/app/api/auth/login/route');
const { POST: logout } = await import('@/app/api/auth/logout/route');
const { POST: changePasswordRoute } = await import('@/app/api/auth/password/route');
const { GET: listAppointments } = await import('@/app/api/appointments/route');
const { GET: listDoctors } = await import('@/app/api/doctors/route');
const { GET: getUser, PUT: putUser } = await import('@/app/api/users/[id]/route');
const { q, tables } = await import('@/db');
const { findUserById, updateUser } = await import('@/db/repositories/users');
const { actorOf } = await import('@/lib/auth/current-user');
const { issueApiToken, openBrowserSession } = await import('@/lib/auth/tokens');
const { makeUser } = await import('@/lib/testing/factories');
const { changePassword } = await import('@/lib/users/change-password');

const BASE = 'http://127.0.0.1:3999';
const SECRET = 'temporary-password-test-secret';
let ipSeq = 0;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const req = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
  new Request(`${BASE}${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.8.0.${++ipSeq}`, origin: BASE, host: '127.0.0.1:3999', ...headers },
  });
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
async function tokenRows(userId: number) {
  const db = await q();
  return db.select().from(tables.apiTokens).where(eq(tables.apiTokens.userId, userId));
}
async function expectPasswordChangeRequired(res: Response) {
  expect(res.status).toBe(403);
  const { error } = await res.json();
  expect(error).toMatchObject({ code: 'forbidden', reason: 'password_change_required' });
  expect(error.message).toMatch(/temporary password/);
}

/** A doctor created by an admin: must change the temporary password `password`. */
async function temporaryDoctor() {
  const u = await makeUser('doctor');
  await updateUser(u.id, { mustChangePassword: true });
  return u;
}

const savedSecret = process.env.NEXTAUTH_SECRET;
beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
});
afterAll(() => {
  if (savedSecret === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = savedSecret;
});
beforeEach(() => jar.clear());

describe('a bearer token of a user with a temporary password', () => {
  it('is refused everywhere with 403 password_change_required, but may log out', async () => {
    const u = await temporaryDoctor();
    const { token } = await issueApiToken((await findUserById(u.id))!); // issued before, or by another path
    await expectPasswordChangeRequired(await listAppointments(req('GET', '/api/appointments/', bearer(token))));
    await expectPasswordChangeRequired(await listDoctors(req('GET', '/api/doctors/', bearer(token))));
    await expectPasswordChangeRequired(await getUser(req('GET', `/api/users/${u.id}/`, bearer(token)), ctx(u.id)));
    await expectPasswordChangeRequired(await putUser(req('PUT', `/api/users/${u.id}/`, bearer(token), { name: 'Dr Changed' }), ctx(u.id)));
    expect((await findUserById(u.id))!.name).toBe(u.name); // nothing written

    const out = await logout(req('POST', '/api/auth/logout/', bearer(token)));
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ revoked: true });
    expect((await listDoctors(req('GET', '/api/doctors/', bearer(token)))).status).toBe(401);
  });

  it('may change the password through POST /api/auth/password/, and then works everywhere without a new token', async () => {
    const u = await temporaryDoctor();
    const { token } = await issueApiToken((await findUserById(u.id))!);
    await expectPasswordChangeRequired(await listDoctors(req('GET', '/api/doctors/', bearer(token))));
    const res = await changePasswordRoute(req('POST', '/api/auth/password/', bearer(token), { current_password: u.password, new_password: 'my own password 1' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ user: { id: u.id }, other_sessions_ended: 0 });
    expect((await findUserById(u.id))!.mustChangePassword).toBe(false);
    expect((await listDoctors(req('GET', '/api/doctors/', bearer(token)))).status).toBe(200);
  });

  it('a password changed on the web ends that token (other sessions end)', async () => {
    const u = await temporaryDoctor();
    const { token } = await issueApiToken((await findUserById(u.id))!);
    const me = { id: u.id, name: u.name, email: u.email, role: 'doctor' as const, via: 'session' as const, mustChangePassword: true };
    await changePassword({ user: me, actor: actorOf(me), input: { current_password: u.password, new_password: 'my own password 1' } });
    expect((await listDoctors(req('GET', '/api/doctors/', bearer(token)))).status).toBe(401);
  });

  it('leaves users without a temporary password alone', async () => {
    const u = await makeUser('doctor');
    const { token } = await issueApiToken((await findUserById(u.id))!);
    expect((await listDoctors(req('GET', '/api/doctors/', bearer(token)))).status).toBe(200);
    expect((await getUser(req('GET', `/api/users/${u.id}/`, bearer(token)), ctx(u.id))).status).toBe(200);
  });
});

describe('a browser session of a user with a temporary password', () => {
  it('is refused on the API too (reads and writes)', async () => {
    const u = await temporaryDoctor();
    const row = (await findUserById(u.id))!;
    const sid = await openBrowserSession(row);
    jar.set('next-auth.session-token', await encode({ token: { uid: u.id, sid }, secret: SECRET }));
    await expectPasswordChangeRequired(await listDoctors(req('GET', '/api/doctors/')));
    await expectPasswordChangeRequired(await putUser(req('PUT', `/api/users/${u.id}/`, {}, { name: 'Dr Changed' }), ctx(u.id)));

    // Control: the same cookie works for a user without a temporary password.
    await updateUser(u.id, { mustChangePassword: false });
    expect((await listDoctors(req('GET', '/api/doctors/'))).status).toBe(200);
  });

  it('may change the password through POST /api/auth/password/ with the cookie; that session stays, another one ends', async () => {
    const u = await temporaryDoctor();
    const row = (await findUserById(u.id))!;
    const sid = await openBrowserSession(row);
    const otherSid = await openBrowserSession(row);
    const cookieOf = async (s: string) => encode({ token: { uid: u.id, sid: s }, secret: SECRET });
    const mine = await cookieOf(sid);
    const theirs = await cookieOf(otherSid);
    jar.set('next-auth.session-token', mine);
    const res = await changePasswordRoute(req('POST', '/api/auth/password/', {}, { current_password: u.password, new_password: 'a brand new secret' }));
    expect(res.status).toBe(200);
    expect((await res.json()).other_sessions_ended).toBe(1);
    expect((await listDoctors(req('GET', '/api/doctors/'))).status).toBe(200);
    jar.set('next-auth.session-token', theirs);
    expect((await listDoctors(req('GET', '/api/doctors/'))).status).toBe(401);
  });
});

describe('POST /api/auth/login/ for a user with a temporary password', () => {
  it('checks the password, then issues a token good only for changing it (must_change_password: true)', async () => {
    const u = await temporaryDoctor();
    const wrong = await login(req('POST', '/api/auth/login/', {}, { email: u.email, password: 'not the password' }));
    expect(wrong.status).toBe(401); // says nothing about the account before the password is right
    const res = await login(req('POST', '/api/auth/login/', {}, { email: u.email, password: u.password }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.must_change_password).toBe(true);
    expect(await tokenRows(u.id)).toHaveLength(1);
    await expectPasswordChangeRequired(await listDoctors(req('GET', '/api/doctors/', bearer(body.token))));
    // A wrong current password or a common new one: refused, nothing changes.
    const bad = await changePasswordRoute(req('POST', '/api/auth/password/', bearer(body.token), { current_password: 'not it at all', new_password: 'my own password 3' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.current_password).toBeDefined();
    const common = await changePasswordRoute(req('POST', '/api/auth/password/', bearer(body.token), { current_password: u.password, new_password: 'Password123' }));
    expect(common.status).toBe(400);
    expect((await common.json()).error.fields.new_password[0]).toMatch(/too common/);
    expect((await findUserById(u.id))!.mustChangePassword).toBe(true);
    const ok = await changePasswordRoute(req('POST', '/api/auth/password/', bearer(body.token), { current_password: u.password, new_password: 'my own password 3' }));
    expect(ok.status).toBe(200);
    expect((await listDoctors(req('GET', '/api/doctors/', bearer(body.token)))).status).toBe(200);
    const db = await q();
    const events = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.entityId, u.id));
    const signIns = events.filter((e) => e.action === 'auth.sign_in').map((e) => ({ outcome: e.outcome, reason: (e.details as { reason?: string } | null)?.reason ?? null }));
    expect(signIns).toEqual([{ outcome: 'failure', reason: 'bad_credentials' }, { outcome: 'success', reason: null }]);
    const changes = events.filter((e) => e.action === 'user.change_password').map((e) => e.outcome);
    expect(changes).toEqual(['failure', 'success']);
  });

  it('issues a token once the password is changed', async () => {
    const u = await temporaryDoctor();
    const me = { id: u.id, name: u.name, email: u.email, role: 'doctor' as const, via: 'session' as const, mustChangePassword: true };
    await changePassword({ user: me, actor: actorOf(me), input: { current_password: u.password, new_password: 'my own password 2' } });
    const res = await login(req('POST', '/api/auth/login/', {}, { email: u.email, password: 'my own password 2' }));
    expect(res.status).toBe(200);
    const { token } = await res.json();
    expect((await listDoctors(req('GET', '/api/doctors/', bearer(token)))).status).toBe(200);
  });
});
