/** Test data builders writing through the real repositories (unique values per call). */
import { createUser } from '@/db/repositories/users';
import { createPatientWithUser } from '@/db/repositories/patients';
import { createPractitioner } from '@/db/repositories/practitioners';
import { hashPassword } from '@/lib/auth/password';
import { issueApiToken } from '@/lib/auth/tokens';
import { findUserById } from '@/db/repositories/users';
import type { Role } from '@/core/vocabulary';
import { foldName } from '@/core/text';

let seq = 0;
const hashes = new Map<string, Promise<string>>();
const hashOf = (pw: string) => {
  if (!hashes.has(pw)) hashes.set(pw, hashPassword(pw));
  return hashes.get(pw) as Promise<string>;
};

/** A user with an account: `{ id, email, password }`. Patients get a profile, doctors a practitioner row. */
export async function makeUser(role: Role, over: { name?: string; password?: string; isActive?: boolean } = {}) {
  seq += 1;
  const email = `${role}${seq}.${Date.now()}@test.example`;
  const password = over.password ?? 'correct horse battery';
  const name = over.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${seq}`;
  const now = new Date();
  const user = { email, name, nameFolded: foldName(name), isActive: over.isActive ?? true, dateJoined: now, passwordHash: await hashOf(password), mustChangePassword: false, sessionVersion: 1, updatedAt: now };
  let id: number;
  if (role === 'patient') {
    id = (await createPatientWithUser(user, { sex: 'unknown', allergies: [], createdAt: now, updatedAt: now })).userId;
  } else {
    id = await createUser({ ...user, role });
    if (role === 'doctor') await createPractitioner({ userId: id, specialty: 'General practice', bookable: true, slotMinutes: 20 });
  }
  return { id, email, password, name };
}

/** A bearer token for user `userId`, as `POST /api/auth/login/` issues it. */
export async function apiTokenFor(userId: number): Promise<string> {
  const user = await findUserById(userId);
  if (!user) throw new Error(`no user ${userId}`);
  return (await issueApiToken(user)).token;
}

/** `makeUser(role)` with a bearer token: `{ id, email, password, name, token }`. */
export async function makeUserWithToken(role: Role, over: Parameters<typeof makeUser>[1] = {}) {
  const u = await makeUser(role, over);
  return { ...u, token: await apiTokenFor(u.id) };
}
