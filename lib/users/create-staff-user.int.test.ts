/** Creating staff accounts: admin and doctor, duplicate emails in any case, short passwords. SQLite and MariaDB. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { findPractitionerByUserId } from '@/db/repositories/practitioners';
import { countUsers, findUserByEmail } from '@/db/repositories/users';
import { verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { createStaffUser } from './create-staff-user';

describe('createStaffUser', () => {
  it('creates an admin whose password verifies, with a normalised email and an audit event', async () => {
    const user = await createStaffUser({ input: { role: 'admin', email: '  Wanjiru.Admin@Clinic.ORG ', password: 'correct horse battery' } });
    expect(user).toMatchObject({ email: 'wanjiru.admin@clinic.org', role: 'admin', name: 'Wanjiru Admin', specialty: null });
    expect(user).not.toHaveProperty('passwordHash');
    const row = await findUserByEmail('wanjiru.admin@clinic.org');
    expect(row).toMatchObject({ id: user.id, role: 'admin', isActive: true, mustChangePassword: false, nameFolded: 'wanjiru admin' });
    expect(await verifyPassword(row!.passwordHash!, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, 'wrong password')).toBe(false);

    const db = await q();
    const events = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.action, 'user.create'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorKind: 'system', actorUserId: null, entity: 'user', entityId: user.id, outcome: 'success' });
    expect(JSON.stringify(events[0].details)).not.toContain('correct horse');
  });

  it('refuses a duplicate email in another case with a clear conflict', async () => {
    const before = await countUsers();
    const err = await createStaffUser({ input: { role: 'doctor', email: 'WANJIRU.admin@clinic.org', password: 'another-password' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'conflict', status: 409, message: 'A user with the email wanjiru.admin@clinic.org already exists.' });
    expect((err as AppError).fields?.email).toHaveLength(1);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a short password and a malformed email with field errors', async () => {
    const before = await countUsers();
    const err = await createStaffUser({ input: { role: 'admin', email: 'new.admin@clinic.org', password: 'short' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'validation_error', fields: { password: ['Use at least 8 characters.'] } });
    const bad = await createStaffUser({ input: { role: 'admin', email: 'not-an-email', password: 'long enough password' } }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'validation_error', fields: { email: ['Enter a valid email address.'] } });
    const role = await createStaffUser({ input: { role: 'patient' as 'admin', email: 'p@clinic.org', password: 'long enough password' } }).catch((e: unknown) => e);
    expect(role).toMatchObject({ code: 'validation_error', fields: { role: ['Choose admin or doctor.'] } });
    expect(await countUsers()).toBe(before);
  });

  it('creates a doctor with a bookable practitioner profile', async () => {
    const user = await createStaffUser({
      input: { role: 'doctor', email: 'chidi.okafor@clinic.org', name: 'Dr Chidi Okafor', password: 'a-long-password', specialty: 'Paediatrics' },
      actor: { userId: 1 },
    });
    expect(user).toMatchObject({ role: 'doctor', name: 'Dr Chidi Okafor', specialty: 'Paediatrics' });
    expect(await findPractitionerByUserId(user.id)).toMatchObject({ specialty: 'Paediatrics', bookable: true, slotMinutes: 20 });
    const db = await q();
    const [event] = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.entityId, user.id));
    expect(event).toMatchObject({ action: 'user.create', actorKind: 'user', actorUserId: 1 });
  });
});
