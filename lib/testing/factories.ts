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

let identitySeq = Math.floor(Math.random() * 1000);
/**
 * A phone (Kenyan mobile, local form `07…`, 10 digits) and a date of birth (1940–2009) no other call in
 * this process returns: patients registered through the doors with them never match each other as
 * possible duplicates (lib/patients/duplicate-guard.ts).
 */
export function uniqueIdentity(): { phone: string; date_of_birth: string } {
  identitySeq += 1;
  const phone = `0745${String(identitySeq % 1_000_000).padStart(6, '0')}`;
  const date_of_birth = new Date(Date.UTC(1940, 0, 1) + ((identitySeq * 37) % 25_000) * 86_400_000).toISOString().slice(0, 10);
  return { phone, date_of_birth };
}
