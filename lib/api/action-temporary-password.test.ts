/**
 * The server-action wrapper: it refuses a user who still has a temporary password (except the password
 * change itself), a signed-out caller and a role not allowed, before the action runs.
 */
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

describe('server actions and who may run them', () => {
  let seen: Array<CurrentUser | null> = [];
  const work = async (_input: unknown, ctx: { user: CurrentUser | null }) => { seen.push(ctx.user); };
  beforeEach(() => { seen = []; });

  it('refuses a signed-out caller unless the action is public', async () => {
    state.user = null;
    const res = await action(z.object({ note: z.string() }), work)({ ok: false }, form());
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
    expect(seen).toEqual([]);
    expect((await action(z.object({ note: z.string() }), work, { auth: 'public' })({ ok: false }, form())).ok).toBe(true);
    expect(seen).toEqual([null]);
  });

  it('checks the roles before the action runs, and hands it the signed-in user', async () => {
    state.user = doctor(false);
    const res = await action(z.object({ note: z.string() }), work, { roles: ['admin'] })({ ok: false }, form());
    expect(res.ok).toBe(false);
    expect(seen).toEqual([]);
    expect((await action(z.object({ note: z.string() }), work, { roles: ['doctor', 'admin'] })({ ok: false }, form())).ok).toBe(true);
    expect(seen).toEqual([state.user]);
  });
});
