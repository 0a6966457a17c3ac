/** `requirePageUser` sends a user with a temporary password to /account/password, except on that page. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';

const state: { user: CurrentUser | null } = { user: null };
vi.mock('next/navigation', () => ({
  redirect: (to: string) => { throw new Error(`REDIRECT ${to}`); },
  forbidden: () => { throw new Error('FORBIDDEN'); },
}));
vi.mock('@/lib/auth/current-user', async (orig) => ({
  ...(await orig<typeof import('@/lib/auth/current-user')>()),
  getSessionUser: async () => state.user,
}));

const { requirePageUser } = await import('@/lib/auth/page-guard');
const doctor = (mustChangePassword: boolean): CurrentUser => ({ id: 7, name: 'Dr A', email: 'a@x.org', role: 'doctor', via: 'session', mustChangePassword });

describe('requirePageUser and the temporary password', () => {
  beforeEach(() => { state.user = null; });

  it('redirects a user who must change their password, on any page but the password page', async () => {
    state.user = doctor(true);
    await expect(requirePageUser(['doctor'], '/doctor')).rejects.toThrow('REDIRECT /account/password');
    await expect(requirePageUser([])).rejects.toThrow('REDIRECT /account/password');
    await expect(requirePageUser(['doctor'], '/doctor')).rejects.toThrow(/^REDIRECT \/account\/password$/);
    await expect(requirePageUser(['doctor'], '/doctor/patients/5')).rejects.toThrow('REDIRECT /account/password?next=%2Fdoctor%2Fpatients%2F5');
    await expect(requirePageUser([], '/account/password')).resolves.toMatchObject({ id: 7 });
    await expect(requirePageUser([], undefined, { passwordChangePage: true })).resolves.toMatchObject({ id: 7 });
  });

  it('leaves other users alone, and still checks sign-in and role first', async () => {
    state.user = doctor(false);
    await expect(requirePageUser(['doctor'], '/doctor')).resolves.toMatchObject({ id: 7 });
    await expect(requirePageUser(['admin'], '/admin')).rejects.toThrow('FORBIDDEN');
    state.user = doctor(true);
    await expect(requirePageUser(['admin'], '/admin')).rejects.toThrow('FORBIDDEN');
    state.user = null;
    await expect(requirePageUser([], '/doctor')).rejects.toThrow('REDIRECT /sign-in?callbackUrl=%2Fdoctor');
  });
});
