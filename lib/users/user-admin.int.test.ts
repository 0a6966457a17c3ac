/**
 * User management services on both databases: staff created with a temporary password they must change;
 * role changes (admin only, never one's own, never demoting the last active admin); deactivation ends
 * tokens at once and refuses sign-in, reactivation lets the user back in; records stay.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { findPractitionerByUserId } from '@/db/repositories/practitioners';
import { findUserById, updateUser as setUserColumns } from '@/db/repositories/users';
import type { Role } from '@/core/vocabulary';
import type { CurrentUser } from '@/lib/auth/current-user';
import { verifyPassword } from '@/lib/auth/password';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { issueApiToken, resolveApiToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import { changePassword } from './change-password';
import { deactivateUser } from './deactivate-user';
import { listUsers } from './list-users';
import { reactivateUser } from './reactivate-user';
import { registerUser } from './register-user';
import { updateUser } from './update-user';

const asCurrent = (u: { id: number; name: string; email: string }, role: Role): CurrentUser => ({ id: u.id, name: u.name, email: u.email, role, via: 'token', mustChangePassword: false });
const actorFor = (u: { id: number }) => ({ userId: u.id, kind: 'user' as const, clientAddress: '127.0.0.9' });
const err = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);
const page = { page: 1, page_size: 100 };

describe('creating staff', () => {
  it('creates a doctor with a generated temporary password that must be changed, then the change clears the flag', async () => {
    const admin = await makeUser('admin');
    const me = asCurrent(admin, 'admin');
    const { user, temporaryPassword } = await registerUser({ user: me, actor: actorFor(admin), input: { role: 'doctor', email: 'New.Doc@Clinic.org', name: 'Dr Zoë Ndlovu', specialty: 'Cardiology' }, generatePassword: true });
    expect(temporaryPassword).toMatch(/^[\w-]{16}$/);
    expect(user).toMatchObject({ email: 'new.doc@clinic.org', role: 'doctor', mustChangePassword: true, isActive: true });
    expect(await verifyPassword(user.passwordHash!, temporaryPassword!)).toBe(true);
    expect(await findPractitionerByUserId(user.id)).toMatchObject({ specialty: 'Cardiology' });

    const doc: CurrentUser = { id: user.id, name: user.name, email: user.email, role: 'doctor', via: 'session', mustChangePassword: true };
    const wrong = await err(changePassword({ user: doc, actor: actorFor(user), input: { current_password: 'not it at all', new_password: 'a brand new password' } }));
    expect(wrong).toMatchObject({ code: 'validation_error', fields: { current_password: ['This is not your current password.'] } });
    await changePassword({ user: doc, actor: actorFor(user), input: { current_password: temporaryPassword!, new_password: 'a brand new password' } });
    const after = await findUserById(user.id);
    // Other sessions end on a change (the session version moves on; the caller's own is carried along).
    expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: user.sessionVersion + 1 });
    expect(await verifyPassword(after!.passwordHash!, 'a brand new password')).toBe(true);
  });

  it('only an admin creates staff; anyone registers a patient', async () => {
    const doctor = await makeUser('doctor');
    const refused = await err(registerUser({ user: asCurrent(doctor, 'doctor'), actor: actorFor(doctor), input: { role: 'admin', email: 'x@clinic.org', password: 'long enough pw' } }));
    expect(refused).toMatchObject({ code: 'forbidden' });
    const anon = await err(registerUser({ user: null, actor: { userId: null, kind: 'user' }, input: { role: 'doctor', email: 'y@clinic.org', password: 'long enough pw' } }));
    expect(anon).toMatchObject({ code: 'forbidden' });
    const { user } = await registerUser({ user: null, actor: { userId: null, kind: 'user', clientAddress: '127.0.0.7' }, input: { name: 'Amina Patient', email: 'amina.p@example.com', password: 'long enough pw', date_of_birth: '1990-04-02', gender: 'female', phone: '0712 345 678' } });
    expect(user).toMatchObject({ role: 'patient', mustChangePassword: false, phone: '+254712345678' });
  });
});

describe('roles', () => {
  it('an admin changes another staff member’s role, never their own; patients’ roles do not change', async () => {
    const [admin, doctor, patient] = [await makeUser('admin'), await makeUser('doctor'), await makeUser('patient')];
    const me = asCurrent(admin, 'admin');
    expect(await updateUser({ user: me, actor: actorFor(admin), id: doctor.id, input: { role: 'admin' } })).toMatchObject({ role: 'admin' });
    expect(await updateUser({ user: me, actor: actorFor(admin), id: doctor.id, input: { role: 'doctor' } })).toMatchObject({ role: 'doctor' });
    expect(await err(updateUser({ user: me, actor: actorFor(admin), id: admin.id, input: { role: 'doctor' } }))).toMatchObject({ code: 'forbidden', message: 'You cannot change your own role.' });
    expect(await err(updateUser({ user: me, actor: actorFor(admin), id: patient.id, input: { role: 'doctor' } }))).toMatchObject({ code: 'conflict' });
    // A non-admin cannot raise their own role; sending it back unchanged is fine.
    const d = asCurrent(doctor, 'doctor');
    expect(await err(updateUser({ user: d, actor: actorFor(doctor), id: doctor.id, input: { role: 'admin' } }))).toMatchObject({ code: 'forbidden' });
    expect(await updateUser({ user: d, actor: actorFor(doctor), id: doctor.id, input: { role: 'doctor', name: 'Dr Renamed' } })).toMatchObject({ role: 'doctor', name: 'Dr Renamed', nameFolded: 'dr renamed' });
    expect(await err(updateUser({ user: d, actor: actorFor(doctor), id: patient.id, input: { name: 'X' } }))).toMatchObject({ code: 'forbidden' });
    expect((await findUserById(admin.id))?.role).toBe('admin');
  });

  it('the last active admin can be neither demoted nor deactivated', async () => {
    const [last, other] = [await makeUser('admin'), await makeUser('admin')];
    const db = await q();
    // Leave exactly two active admins in this file's database: `last` and `other`.
    const admins = await db.select().from(tables.users).where(and(eq(tables.users.role, 'admin'), eq(tables.users.isActive, true)));
    for (const a of admins) if (a.id !== last.id && a.id !== other.id) await setUserColumns(a.id, { isActive: false });
    const byOther = asCurrent(other, 'admin');
    const byLast = asCurrent(last, 'admin');
    await deactivateUser({ user: byLast, actor: actorFor(last), id: other.id });
    const demote = await err(updateUser({ user: byOther, actor: actorFor(other), id: last.id, input: { role: 'doctor' } }));
    expect(demote).toMatchObject({ code: 'conflict', message: expect.stringContaining('last active admin') });
    const deactivate = await err(deactivateUser({ user: byOther, actor: actorFor(other), id: last.id }));
    expect(deactivate).toMatchObject({ code: 'conflict' });
    const self = await err(updateUser({ user: byLast, actor: actorFor(last), id: last.id, input: { is_active: false } }));
    expect(self).toMatchObject({ code: 'forbidden' });
    expect(await findUserById(last.id)).toMatchObject({ role: 'admin', isActive: true });
    // With a second active admin again, demotion works.
    await reactivateUser({ user: byLast, actor: actorFor(last), id: other.id });
    expect(await updateUser({ user: byOther, actor: actorFor(other), id: last.id, input: { role: 'doctor' } })).toMatchObject({ role: 'doctor' });
    expect(await findPractitionerByUserId(last.id)).toBeTruthy();
  });
  it('nobody deactivates their own account, even with other admins active; nothing changes', async () => {
    const [me, other] = [await makeUser('admin'), await makeUser('admin')];
    const byMe = asCurrent(me, 'admin');
    expect(await err(deactivateUser({ user: byMe, actor: actorFor(me), id: me.id }))).toMatchObject({ code: 'forbidden', message: expect.stringContaining('your own account') });
    expect(await err(updateUser({ user: byMe, actor: actorFor(me), id: me.id, input: { name: 'Renamed', is_active: false } }))).toMatchObject({ code: 'forbidden' });
    expect(await findUserById(me.id)).toMatchObject({ isActive: true, name: me.name });
    expect(await findUserById(other.id)).toMatchObject({ isActive: true });
  });

  it('two admins removing each other at the same moment: one succeeds, one admin remains', async () => {
    const [a, b] = [await makeUser('admin'), await makeUser('admin')];
    const db = await q();
    const admins = await db.select().from(tables.users).where(and(eq(tables.users.role, 'admin'), eq(tables.users.isActive, true)));
    for (const x of admins) if (x.id !== a.id && x.id !== b.id) await setUserColumns(x.id, { isActive: false });
    const results = await Promise.allSettled([
      deactivateUser({ user: asCurrent(a, 'admin'), actor: actorFor(a), id: b.id }),
      updateUser({ user: asCurrent(b, 'admin'), actor: actorFor(b), id: a.id, input: { role: 'doctor' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    const left = await db.select().from(tables.users).where(and(eq(tables.users.role, 'admin'), eq(tables.users.isActive, true)));
    expect(left).toHaveLength(1);
  });
});

describe('deactivation', () => {
  it('ends tokens at once, refuses sign-in, keeps records; reactivation lets the user sign in again', async () => {
    const [admin, patient, doctor] = [await makeUser('admin'), await makeUser('patient'), await makeUser('doctor')];
    const db = await q();
    await db.insert(tables.appointments).values({ patientId: patient.id, doctorId: doctor.id, startAt: new Date(Date.now() + 86_400_000), endAt: new Date(Date.now() + 87_600_000), status: 'pending', createdAt: new Date(), updatedAt: new Date() });
    const { token } = await issueApiToken((await findUserById(patient.id))!);
    expect(await resolveApiToken(token)).not.toBeNull();

    const me = asCurrent(admin, 'admin');
    const done = await deactivateUser({ user: me, actor: actorFor(admin), id: patient.id });
    expect(done.isActive).toBe(false);
    expect(await resolveApiToken(token)).toBeNull();
    expect(await err(signInWithPassword({ email: patient.email, password: patient.password }, { via: 'api', clientAddress: '127.0.0.5' }))).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('deactivated') });
    expect(await findUserById(patient.id)).toBeTruthy();
    expect(await db.select().from(tables.appointments).where(eq(tables.appointments.patientId, patient.id))).toHaveLength(1);
    const listed = await listUsers({ user: me, query: { q: patient.name }, page });
    expect(listed.rows.map((r) => r.id)).toContain(patient.id);

    const back = await reactivateUser({ user: me, actor: actorFor(admin), id: patient.id });
    expect(back.isActive).toBe(true);
    expect(await resolveApiToken(token)).toBeNull(); // old tokens stay ended
    expect(await signInWithPassword({ email: patient.email, password: patient.password }, { via: 'api', clientAddress: '127.0.0.5' })).toMatchObject({ id: patient.id });
    const events = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.entityId, patient.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
    expect(await err(deactivateUser({ user: asCurrent(doctor, 'doctor'), actor: actorFor(doctor), id: patient.id }))).toMatchObject({ code: 'forbidden' });
  });
});

describe('listing', () => {
  it('searches accent-blind by name and by email, filters by role, admin only', async () => {
    const admin = await makeUser('admin');
    const zoe = await makeUser('doctor', { name: 'Zoë Wanjiku' });
    const me = asCurrent(admin, 'admin');
    expect((await listUsers({ user: me, query: { q: 'ZOE wanjiku' }, page })).rows.map((r) => r.id)).toEqual([zoe.id]);
    expect((await listUsers({ user: me, query: { q: zoe.email.slice(0, 12).toUpperCase() }, page })).rows.map((r) => r.id)).toContain(zoe.id);
    expect((await listUsers({ user: me, query: { q: 'zoe', role: 'patient' }, page })).rows).toHaveLength(0);
    expect((await listUsers({ user: me, query: { q: '%' }, page })).rows).toHaveLength(0);
    const all = await listUsers({ user: me, query: {}, page: { page: 1, page_size: 2 } });
    expect(all.rows).toHaveLength(2);
    expect(all.count).toBeGreaterThan(2);
    expect(await err(listUsers({ user: asCurrent(zoe, 'doctor'), query: {}, page }))).toMatchObject({ code: 'forbidden' });
  });
});
