/**
 * The data layer's guarantees hold with several server processes on one database (issue #12: every
 * CPU core serves; with SQLite, N processes share one WAL file). Each scenario runs in real child
 * processes (lib/testing/processes.ts) released together, on SQLite and on MariaDB:
 * - the 50-way booking race for one slot gives exactly one booking;
 * - concurrent counter allocations (as patient numbers) in transactions, half rolled back, never
 *   repeat or skip a committed value;
 * - overlapping transactions with failures beside plain writes: the failed ones leave nothing, no
 *   plain write is lost, no process sees SQLITE_BUSY;
 * - the sign-in attempt limit counts attempts made in any process;
 * - a browser session opened in one process is valid in the others and ends everywhere when one signs it out.
 */
import { DateTime } from 'luxon';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { openBrowserSession, resolveBrowserSession } from '@/lib/auth/tokens';
import { findUserById } from '@/db/repositories/users';
import { clinicZone } from '@/core/time';
import { resetEnv } from '@/core/env';
import { apiTokenFor, makeUser } from './testing/factories';
import { runInProcesses } from './testing/processes';

const PROCESSES = 4;
/** `items` dealt into `n` hands, round-robin. */
const deal = <T,>(items: T[], n: number) => Array.from({ length: n }, (_, k) => items.filter((_, i) => i % n === k));

describe(`${PROCESSES} processes on one database`, () => {
  it('50 concurrent bookings of one slot from 4 processes: exactly one succeeds, 49 conflicts, one row', async () => {
    const doctor = await makeUser('doctor');
    const db = await q();
    await db.insert(tables.workingHours).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ doctorId: doctor.id, weekday, startMinute: 8 * 60, endMinute: 17 * 60 })));
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) tokens.push(await apiTokenFor((await makeUser('patient')).id));
    const day = DateTime.now().setZone(clinicZone()).plus({ days: 9 }).toISODate();
    const dateTime = DateTime.fromISO(`${day}T10:00`, { zone: clinicZone() }).toISO() as string;

    const perProcess = await runInProcesses<Array<{ ok: boolean; code?: string }>>('book', deal(tokens, PROCESSES).map((t) => ({ tokens: t, doctorId: doctor.id, dateTime })));
    const all = perProcess.flat();
    expect(all).toHaveLength(50);
    expect(all.filter((r) => r.ok)).toHaveLength(1);
    expect(all.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(49).fill('conflict'));
    const a = tables.appointments;
    const rows = await db.select().from(a).where(and(eq(a.doctorId, doctor.id), inArray(a.status, ['pending', 'confirmed'])));
    expect(rows).toHaveLength(1);
  });

  it('counter allocations in transactions across 4 processes: committed values are 1…n, each once', async () => {
    const name = `mp-counter-${Date.now()}`;
    const perProcess = await runInProcesses<number[]>('allocate', Array.from({ length: PROCESSES }, () => ({ name, count: 30 })));
    const values = perProcess.flat().sort((x, y) => x - y);
    expect(values).toHaveLength(PROCESSES * 15);
    expect(values).toEqual(Array.from({ length: PROCESSES * 15 }, (_, i) => i + 1));
  });

  it('overlapping transactions with failures beside plain writes in 4 processes: nothing lost, nothing half-written', async () => {
    const tag = `mp-${Date.now()}`;
    const prefixes = Array.from({ length: PROCESSES }, (_, i) => `${tag}-p${i}`);
    const perProcess = await runInProcesses<string[]>('overlap', prefixes.map((prefix) => ({ prefix })));
    for (const outcomes of perProcess) {
      // 7 of 20 transactions fail as planned (i = 0, 3, …, 18); every plain write succeeds: no SQLITE_BUSY anywhere.
      expect(outcomes.slice(0, 20).filter((o) => o !== 'ok')).toEqual(Array(7).fill('planned failure'));
      expect(outcomes.slice(20).every((o) => o === 'ok')).toBe(true);
    }
    const db = await q();
    const rows = await db.select({ action: tables.auditEvents.action }).from(tables.auditEvents).where(like(tables.auditEvents.action, `${tag}-%`));
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.action, (count.get(r.action) ?? 0) + 1);
    for (const prefix of prefixes) {
      for (let i = 0; i < 20; i++) expect(count.get(`${prefix}-tx-${i}`) ?? 0).toBe(i % 3 === 0 ? 0 : 5);
      for (let j = 0; j < 60; j++) expect(count.get(`${prefix}-plain-${j}`)).toBe(1);
    }
    expect(rows).toHaveLength(PROCESSES * (13 * 5 + 60));
  });

  describe('sign-in limits', () => {
    beforeEach(() => {
      process.env.SIGNIN_MAX_FAILURES_PER_ACCOUNT = '3';
      process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = '50';
      resetEnv();
    });
    afterEach(() => {
      delete process.env.SIGNIN_MAX_FAILURES_PER_ACCOUNT;
      delete process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS;
      resetEnv();
    });

    it('wrong passwords tried in one process count against the limit in another', async () => {
      const user = await makeUser('doctor', { password: 'the right one, long enough' });
      const attempt = (password: string, i: number) => ({ email: user.email, password, clientAddress: `10.9.${i}.1` });
      // Process A: two wrong passwords, one after the other. Process B, after: a third wrong one, then
      // even the right password is refused — B counted A's failures.
      const [a] = await runInProcesses<Array<{ ok: boolean; code?: string }>>('signIns', [[attempt('wrong 1', 1), attempt('wrong 2', 2)]]);
      const [b] = await runInProcesses<Array<{ ok: boolean; code?: string }>>('signIns', [[attempt('wrong 3', 3), attempt('the right one, long enough', 4)]]);
      expect([...a, ...b].map((o) => (o.ok ? 'ok' : o.code))).toEqual(['unauthenticated', 'unauthenticated', 'unauthenticated', 'rate_limited']);
    });
  });

  it('a browser session is valid in every process and ends in all when one signs it out', async () => {
    const user = await makeUser('admin');
    const row = await findUserById(user.id);
    const sid = await openBrowserSession(row!);
    // Two other processes see it; a third signs it out; then this process (a fourth) no longer accepts it.
    expect(await runInProcesses<Array<number | null>>('session', [{ sid }, { sid }, { sid, close: true, after: 1500 }])).toEqual([user.id, user.id, null]);
    expect(await resolveBrowserSession(sid)).toBeNull();
  });
});
