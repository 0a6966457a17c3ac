/**
 * What the children of `runInProcesses` (processes.ts) run: each scenario is one server process's
 * share of a concurrent workload, through the same lib and db functions the routes call. Results are
 * plain JSON for the test (in the parent process) to check.
 */
import { appendAuditEvent } from '@/db/repositories/audit';
import { allocateSequence } from '@/db/repositories/sequences';
import { withTransaction } from '@/db';
import { bookAppointment } from '@/lib/appointments/book-appointment';
import { bookAppointmentSchema } from '@/lib/appointments/schemas';
import { actorOf, getRequestUser } from '@/lib/auth/current-user';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { closeBrowserSession, resolveBrowserSession } from '@/lib/auth/tokens';
import { toAppError } from '@/lib/api/with-api';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An outcome as the API would answer it: `ok`, or the error code (`conflict`, `rate_limited`, …). */
async function outcome<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    const app = toAppError(e);
    if (!app) throw e;
    return { ok: false, code: app.code };
  }
}

/** Bearer token → the caller, as the API routes resolve it. */
async function callerOf(token: string) {
  const user = await getRequestUser(new Request('http://127.0.0.1/api/', { headers: { authorization: `Bearer ${token}` } }));
  if (!user) throw new Error('token did not resolve');
  return user;
}

export const SCENARIOS = {
  /** Each patient token books `{doctor_id, date_time}` at once; answers each booking's outcome. */
  async book(args: { tokens: string[]; doctorId: number; dateTime: string }) {
    const users = await Promise.all(args.tokens.map(callerOf));
    return Promise.all(users.map((user) => outcome(async () => {
      const input = bookAppointmentSchema.parse({ doctor_id: args.doctorId, date_time: args.dateTime, reason: 'race across processes' });
      const row = await bookAppointment({ user, actor: actorOf(user, { clientAddress: '127.0.0.1' }), input });
      return row.id;
    })));
  },

  /**
   * `count` concurrent allocations of one counter (as patient numbers are allocated), each in a
   * transaction; every second one rolls back afterwards, giving its value back. Returns the values of
   * the committed allocations.
   */
  async allocate(args: { name: string; count: number }) {
    const results = await Promise.allSettled(Array.from({ length: args.count }, (_, i) => withTransaction(async () => {
      const v = await allocateSequence(args.name);
      await sleep(Math.random() * 3);
      if (i % 2 === 1) throw new Error('planned rollback');
      return v;
    })));
    return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  },

  /** 20 overlapping transactions (every third throws after its 3rd write) beside 60 plain writes, tagged `prefix`. */
  async overlap(args: { prefix: string }) {
    const event = (action: string) => ({ at: new Date(), actorKind: 'system' as const, action, outcome: 'success' as const });
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => withTransaction(async () => {
        for (let k = 0; k < 5; k++) {
          await appendAuditEvent(event(`${args.prefix}-tx-${i}`));
          if (i % 3 === 0 && k === 2) throw new Error('planned failure');
          await sleep(Math.random() * 3);
        }
      })),
      ...Array.from({ length: 60 }, async (_, j) => {
        await sleep(Math.random() * 60);
        await appendAuditEvent(event(`${args.prefix}-plain-${j}`));
      }),
    ]);
    return results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as Error).message));
  },

  /** Sign-in attempts one after the other (`password` from `clientAddress`): each `ok` or its error code. */
  async signIns(attempts: Array<{ email: string; password: string; clientAddress: string }>) {
    const out = [];
    for (const a of attempts) {
      out.push(await outcome(async () => (await signInWithPassword({ email: a.email, password: a.password }, { clientAddress: a.clientAddress, requestId: null, via: 'api' })).id));
    }
    return out;
  },

  /** The user of browser session `sid` here (null when not valid); with `close`, signs it out first, `after` ms from the start. */
  async session(args: { sid: string; close?: boolean; after?: number }) {
    if (args.close) {
      await sleep(args.after ?? 0);
      await closeBrowserSession(args.sid);
    }
    return (await resolveBrowserSession(args.sid))?.id ?? null;
  },
} as const;

export type ScenarioName = keyof typeof SCENARIOS;
