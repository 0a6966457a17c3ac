/**
 * Issue #10 point 5, the attempt limits, through the real route handlers on SQLite and MariaDB:
 * - wrong current passwords at `POST /api/auth/password/` are limited per account (429 `rate_limited`
 *   with Retry-After, even for the right password, until the window passes), audited;
 * - refused self-registrations (`POST /api/users/`) are limited per address on their own and never
 *   count against sign-in: staff behind the same address still sign in.
 */
import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { and, eq } from 'drizzle-orm';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as changePasswordRoute } from '@/app/api/auth/password/route';
import { POST as createUserRoute } from '@/app/api/users/route';
import { q, tables } from '@/db';
import { useSignInLimits } from '@/lib/testing/sign-in-limits';
import { makeUser, makeUserWithToken, uniqueIdentity } from '@/lib/testing/factories';
import { verifyPassword } from './password';
import { findUserById } from '@/db/repositories/users';

const BASE = 'http://127.0.0.1:3999';
let seq = 0;
function req(path: string, body: unknown, opts: { token?: string; ip: string }) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': opts.ip, origin: BASE, host: '127.0.0.1:3999' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return new NextRequest(`${BASE}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}
const freshIp = () => `10.77.${Math.floor(Math.random() * 250)}.${++seq % 250}`;

useSignInLimits({ perAccount: 3, perAddress: 5 });

/** Moves every attempt of `where` 16 minutes into the past (the window is 15). */
async function ageAttempts(where: ReturnType<typeof eq>) {
  const db = await q();
  const rows = await db.select().from(tables.signInAttempts).where(where);
  for (const r of rows) await db.update(tables.signInAttempts).set({ at: new Date(new Date(r.at).getTime() - 16 * 60_000) }).where(eq(tables.signInAttempts.id, r.id));
}

describe('POST /api/auth/password/: wrong current passwords are limited per account', () => {
  it('answers 429 after the limit, even for the right password, until the window passes; audited; sign-in untouched', async () => {
    const u = await makeUserWithToken('doctor');
    for (let i = 0; i < 3; i++) { // a new address each time: the limit is the account's
      const wrong = await changePasswordRoute(req('/api/auth/password/', { current_password: `guess ${i} wrong`, new_password: 'a fresh long secret' }, { token: u.token, ip: freshIp() }));
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).error.fields.current_password).toBeDefined();
    }
    const limited = await changePasswordRoute(req('/api/auth/password/', { current_password: u.password, new_password: 'a fresh long secret' }, { token: u.token, ip: freshIp() }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const body = await limited.json();
    expect(body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/Too many wrong current passwords/) });
    expect(await verifyPassword((await findUserById(u.id))!.passwordHash!, u.password)).toBe(true); // unchanged

    const db = await q();
    const events = await db.select().from(tables.auditEvents).where(and(eq(tables.auditEvents.action, 'user.change_password'), eq(tables.auditEvents.entityId, u.id)));
    expect(events.filter((e) => e.outcome === 'failure')).toHaveLength(3);
    expect(events.filter((e) => e.outcome === 'denied')).toHaveLength(1);
    expect(events.filter((e) => e.outcome === 'success')).toHaveLength(0);

    // The password checks are not failed sign-ins: the doctor still signs in.
    expect((await login(req('/api/auth/login/', { email: u.email, password: u.password }, { ip: freshIp() }))).status).toBe(200);

    // Once the window has passed, the right password works again.
    await ageAttempts(eq(tables.signInAttempts.userId, u.id));
    const ok = await changePasswordRoute(req('/api/auth/password/', { current_password: u.password, new_password: 'a fresh long secret' }, { token: u.token, ip: freshIp() }));
    expect(ok.status).toBe(200);
  });

  it('counts each account apart', async () => {
    const a = await makeUserWithToken('patient');
    const b = await makeUserWithToken('patient');
    const ip = freshIp();
    for (let i = 0; i < 3; i++) {
      expect((await changePasswordRoute(req('/api/auth/password/', { current_password: 'wrong wrong', new_password: 'a fresh long secret' }, { token: a.token, ip }))).status).toBe(400);
    }
    expect((await changePasswordRoute(req('/api/auth/password/', { current_password: 'wrong wrong', new_password: 'a fresh long secret' }, { token: a.token, ip }))).status).toBe(429);
    expect((await changePasswordRoute(req('/api/auth/password/', { current_password: b.password, new_password: 'a fresh long secret' }, { token: b.token, ip }))).status).toBe(200);
  });
});

describe('POST /api/users/: refused registrations have their own limit and never block sign-in', () => {
  it('many refused registrations from one address: registration answers 429, staff there still sign in', async () => {
    const doctor = await makeUser('doctor');
    const admin = await makeUser('admin');
    const ip = freshIp();
    const taken = { name: 'Someone Else', email: doctor.email.toUpperCase(), password: 'a good password', gender: 'female', ...uniqueIdentity() };
    for (let i = 0; i < 5; i++) {
      const res = await createUserRoute(req('/api/users/', { ...taken, ...uniqueIdentity() }, { ip }));
      expect(res.status).toBe(409);
    }
    // Registration from that address is limited now, even for a new e-mail.
    const limited = await createUserRoute(req('/api/users/', { ...taken, email: `fresh.${Date.now()}.${++seq}@test.example`, ...uniqueIdentity() }, { ip }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    // …and more tries stay refused (6 more than the sign-in address limit in all).
    for (let i = 0; i < 6; i++) expect((await createUserRoute(req('/api/users/', { ...taken, ...uniqueIdentity() }, { ip }))).status).toBe(429);

    // Sign-in from the same address is untouched.
    for (const u of [doctor, admin]) {
      const res = await login(req('/api/auth/login/', { email: u.email, password: u.password }, { ip }));
      expect(res.status).toBe(200);
    }
    const db = await q();
    const rows = await db.select().from(tables.signInAttempts).where(eq(tables.signInAttempts.clientAddress, ip));
    expect(rows.filter((r) => !r.succeeded).every((r) => r.kind === 'registration')).toBe(true);
    expect(rows.filter((r) => r.succeeded).map((r) => r.kind)).toEqual(['sign_in', 'sign_in']);

    // Once the window has passed, registration from there works again.
    await ageAttempts(eq(tables.signInAttempts.clientAddress, ip));
    const ok = await createUserRoute(req('/api/users/', { ...taken, email: `again.${Date.now()}.${++seq}@test.example`, ...uniqueIdentity() }, { ip }));
    expect(ok.status).toBe(201);
  });

  it('failed sign-ins do not limit registration either', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await login(req('/api/auth/login/', { email: `nobody${i}@test.example`, password: 'nope-nope' }, { ip }))).status).toBe(401);
    expect((await login(req('/api/auth/login/', { email: 'nobody@test.example', password: 'nope-nope' }, { ip }))).status).toBe(429);
    const res = await createUserRoute(req('/api/users/', { name: 'Neema Mwangi', email: `neema.${Date.now()}.${++seq}@test.example`, password: 'a good password', gender: 'female', ...uniqueIdentity() }, { ip }));
    expect(res.status).toBe(201);
  });
});
