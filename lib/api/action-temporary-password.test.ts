/** A server action refuses a user who still has a temporary password, except the password change itself. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';

const state: { user: CurrentUser | null } = { user: null };
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth/current-user', async (orig) => ({
  ...(await orig<typeof import('@/lib/auth/current-user')>()),
  getSessionUser: async () => state.user,
}));

const { action } = await import('./action');
const doctor = (mustChangePassword: boolean): CurrentUser => ({ id: 7, name: 'Dr A', email: 'a@x.org', role: 'doctor', via: 'session', mustChangePassword });
const form = () => { const f = new FormData(); f.set('note', 'hello'); return f; };

describe('server actions and the temporary password', () => {
  let calls = 0;
  const work = async () => { calls += 1; };
  beforeEach(() => { calls = 0; });

  it('refuses the action without running it', async () => {
    state.user = doctor(true);
    const res = await action(z.object({ note: z.string() }), work)({ ok: false }, form());
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(/password/);
    expect(calls).toBe(0);
  });

  it('runs the password change, and any action of a user with their own password', async () => {
    state.user = doctor(true);
    expect((await action(z.object({ note: z.string() }), work, { allowTemporaryPassword: true })({ ok: false }, form())).ok).toBe(true);
    state.user = doctor(false);
    expect((await action(z.object({ note: z.string() }), work)({ ok: false }, form())).ok).toBe(true);
    expect(calls).toBe(2);
  });
});
