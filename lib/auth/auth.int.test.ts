/**
 * Sign-in and API tokens through the real route handlers and the real database:
 * login → token → use → logout; wrong passwords; rate limits (account and address) with Retry-After;
 * deactivation, session-version bumps and expiry end tokens at once.
 */
import { describe, expect, it } from 'vitest';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as logout } from '@/app/api/auth/logout/route';
import { bumpSessionVersion, updateUser } from '@/db/repositories/users';
import { useSignInLimits } from '@/lib/testing/sign-in-limits';
import { makeUser } from '@/lib/testing/factories';
import { closeBrowserSession, issueApiToken, openBrowserSession, resolveApiToken, resolveBrowserSession } from './tokens';
import { findUserById } from '@/db/repositories/users';

const BASE = 'http://127.0.0.1:3999';
let ipSeq = 0;
let ip = '';
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

// A fresh client address per test, so the address limit of one test does not leak into the next.
useSignInLimits({ perAccount: 3, perAddress: 5 }, () => { ip = `10.9.0.${++ipSeq}`; });

describe('POST /api/auth/login/', () => {
  it('returns an opaque token, its expiry and the user — never a password hash', async () => {
    const u = await makeUser('doctor');
    const res = await login(post('/api/auth/login/', { email: u.email.toUpperCase(), password: u.password }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.token).toMatch(/^ehr_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect(body.user).toMatchObject({ id: u.id, email: u.email, role: 'doctor', is_active: true });
    expect(body.must_change_password).toBe(false);
    const { must_change_password: _flag, ...rest } = body;
    expect(JSON.stringify(rest)).not.toMatch(/argon2|password/i);
    const resolved = await resolveApiToken(body.token);
    expect(resolved?.user.id).toBe(u.id);
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const u = await makeUser('patient');
    const a = await login(post('/api/auth/login/', { email: u.email, password: 'wrong password' }));
    const b = await login(post('/api/auth/login/', { email: 'nobody@test.example', password: 'whatever1' }));
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const [ja, jb] = [await a.json(), await b.json()];
    expect(ja).toEqual({ error: { code: 'unauthenticated', message: 'Invalid email or password.' } });
    expect(jb).toEqual(ja);
  });

  it('answers 400 validation_error for malformed JSON and for missing fields', async () => {
    const bad = await login(post('/api/auth/login/', '{"email":'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('validation_error');
    const missing = await login(post('/api/auth/login/', { email: 'a@b.c' }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields.password).toBeDefined();
  });

  it('rate-limits failures per account: 429 with Retry-After, even with the right password', async () => {
    const u = await makeUser('patient');
    for (let i = 0; i < 3; i++) {
      ip = `10.8.${ipSeq}.${i}`; // different addresses: only the account limit applies
      expect((await login(post('/api/auth/login/', { email: u.email, password: 'nope-nope' }))).status).toBe(401);
    }
    const limited = await login(post('/api/auth/login/', { email: u.email, password: u.password }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });

  it('rate-limits failures per client address across accounts', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login(post('/api/auth/login/', { email: `x${i}@test.example`, password: 'nope-nope' }))).status).toBe(401);
    }
    const u = await makeUser('admin');
    expect((await login(post('/api/auth/login/', { email: u.email, password: u.password }))).status).toBe(429);
  });

  it('refuses a deactivated account', async () => {
    const u = await makeUser('doctor', { isActive: false });
    const res = await login(post('/api/auth/login/', { email: u.email, password: u.password }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/deactivated/);
  });
});

describe('bearer tokens', () => {
  it('logout revokes the token; a second logout with it is 401', async () => {
    const u = await makeUser('patient');
    const { token } = await (await login(post('/api/auth/login/', { email: u.email, password: u.password }))).json();
    const out = await logout(post('/api/auth/logout/', {}, { authorization: `Bearer ${token}` }));
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ revoked: true });
    expect(await resolveApiToken(token)).toBeNull();
    const again = await logout(post('/api/auth/logout/', {}, { authorization: `Bearer ${token}` }));
    expect(again.status).toBe(401);
  });

  it('stops working at once when the user is deactivated or the session version is bumped', async () => {
    const a = await makeUser('doctor');
    const userA = await findUserById(a.id);
    const t1 = await issueApiToken(userA!);
    expect(await resolveApiToken(t1.token)).not.toBeNull();
    await updateUser(a.id, { isActive: false });
    expect(await resolveApiToken(t1.token)).toBeNull();

    const b = await makeUser('patient');
    const t2 = await issueApiToken((await findUserById(b.id))!);
    await bumpSessionVersion(b.id);
    expect(await resolveApiToken(t2.token)).toBeNull();
  });

  it('expires', async () => {
    const u = await makeUser('patient');
    const t = await issueApiToken((await findUserById(u.id))!, new Date(Date.now() - 13 * 3600_000));
    expect(await resolveApiToken(t.token)).toBeNull();
  });

  it('answers 401 for a missing, malformed or unknown token', async () => {
    expect((await logout(post('/api/auth/logout/', {}))).status).toBe(401);
    expect((await logout(post('/api/auth/logout/', {}, { authorization: 'Basic abc' }))).status).toBe(401);
    expect((await logout(post('/api/auth/logout/', {}, { authorization: 'Bearer ehr_unknown' }))).status).toBe(401);
  });
});

describe('browser sessions (server side)', () => {
  it('end on sign-out, deactivation and a bumped session version; never work as bearer tokens', async () => {
    const u = await makeUser('patient');
    const user = (await findUserById(u.id))!;
    const sid = await openBrowserSession(user);
    expect((await resolveBrowserSession(sid))?.id).toBe(u.id);
    expect(await resolveApiToken(sid)).toBeNull();
    expect(await closeBrowserSession(sid)).toBe(true);
    expect(await resolveBrowserSession(sid)).toBeNull();

    const s2 = await openBrowserSession(user);
    await bumpSessionVersion(u.id);
    expect(await resolveBrowserSession(s2)).toBeNull();

    const s3 = await openBrowserSession((await findUserById(u.id))!);
    await updateUser(u.id, { isActive: false });
    expect(await resolveBrowserSession(s3)).toBeNull();
  });

  it('an API token is not a browser session', async () => {
    const u = await makeUser('doctor');
    const { token } = await issueApiToken((await findUserById(u.id))!);
    expect(await resolveBrowserSession(token)).toBeNull();
  });
});
