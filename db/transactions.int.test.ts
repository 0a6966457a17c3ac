/**
 * The data-layer spike's proofs, kept: overlapping transactions with rollbacks beside concurrent plain
 * writes, nesting, a 50-way race for one unique slot, and (SQLite) the two negative controls that show
 * these tests can fail. Runs on SQLite and on MariaDB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, openSqlite, q, tables, useDatabase, withTransaction, type Database } from './index';
import { classifyDbError } from './dialect';
import { appendAuditEvent } from './repositories/audit';
import { createAppointment } from './repositories/appointments';
import { createUser } from './repositories/users';
import { linkExternalId, findExternalId } from './repositories/external-ids';
import { GateTimeoutError } from './sqlite-gate';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const event = (action: string) => ({ at: new Date(), actorKind: 'system' as const, action, outcome: 'success' as const });

async function countActions(prefix: string) {
  const db = await q();
  const rows = await db.select({ action: tables.auditEvents.action }).from(tables.auditEvents).where(like(tables.auditEvents.action, `${prefix}%`));
  const byAction = new Map<string, number>();
  for (const r of rows) byAction.set(r.action, (byAction.get(r.action) ?? 0) + 1);
  return { total: rows.length, byAction };
}

/** 20 overlapping transactions (7 throw after their 3rd insert) beside 100 plain inserts. */
async function overlappingScenario(round: string) {
  const txResults = await Promise.allSettled([
    ...Array.from({ length: 20 }, (_, i) => withTransaction(async () => {
      for (let k = 0; k < 5; k++) {
        await appendAuditEvent(event(`${round}-tx-${i}`));
        // read-your-writes inside the transaction
        // (exact action: the prefix `r-tx-1` also matches tx-10…tx-19, which READ COMMITTED may show once committed)
        const seen = (await countActions(`${round}-tx-${i}`)).byAction.get(`${round}-tx-${i}`) ?? 0;
        if (seen !== k + 1) throw new Error(`tx ${i} saw ${seen} rows after ${k + 1} inserts`);
        if (i % 3 === 0 && i < 21 && k === 2) throw new Error('planned failure');
        await sleep(Math.random() * 4);
      }
    })),
    ...Array.from({ length: 100 }, async (_, j) => {
      await sleep(Math.random() * 80);
      await appendAuditEvent(event(`${round}-plain-${j}`));
    }),
  ]);
  return txResults;
}

describe('transactions', () => {
  it('isolates overlapping transactions, rolls back the failed ones, loses no plain write (3 rounds)', async () => {
    for (const round of ['r1', 'r2', 'r3']) {
      const results = await overlappingScenario(round);
      const failedTx = results.slice(0, 20).filter((r) => r.status === 'rejected');
      expect(failedTx.map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(Array(7).fill('planned failure'));
      expect(results.slice(20).every((r) => r.status === 'fulfilled')).toBe(true);
      const { total, byAction } = await countActions(`${round}-`);
      expect(total).toBe(13 * 5 + 100);
      for (let i = 0; i < 20; i++) expect(byAction.get(`${round}-tx-${i}`) ?? 0).toBe(i % 3 === 0 ? 0 : 5);
      for (let j = 0; j < 100; j++) expect(byAction.get(`${round}-plain-${j}`)).toBe(1);
    }
  });

  it('nests as a savepoint: an inner failure rolls back only the inner part', async () => {
    await withTransaction(async () => {
      await appendAuditEvent(event('nest-outer'));
      await expect(withTransaction(async () => {
        await appendAuditEvent(event('nest-inner'));
        expect((await countActions('nest-outer')).total).toBe(1); // the inner part sees the outer write
        throw new Error('inner fails');
      })).rejects.toThrow('inner fails');
    });
    expect((await countActions('nest-outer')).total).toBe(1);
    expect((await countActions('nest-inner')).total).toBe(0);
  });

  it.skipIf(process.env.TEST_DB === 'mysql')('refuses the root handle inside a transaction (SQLite strict mode)', async () => {
    const d = await getDatabase();
    await expect(d.withTransaction(async () => {
      await d.db.insert(tables.auditEvents).values(event('strict-root'));
    })).rejects.toMatchObject({ cause: expect.objectContaining({ message: expect.stringMatching(/use the tx handle/) }) });
    expect((await countActions('strict-root')).total).toBe(0);
  });

  it('lets exactly one of 50 concurrent bookings take a slot; the losers leave nothing behind', async () => {
    const patient = await createUser({ name: 'Race Patient', nameFolded: 'race patient', role: 'patient', isActive: true, dateJoined: new Date(), mustChangePassword: false, sessionVersion: 1, updatedAt: new Date() });
    const doctor = await createUser({ name: 'Race Doctor', nameFolded: 'race doctor', role: 'doctor', isActive: true, dateJoined: new Date(), mustChangePassword: false, sessionVersion: 1, updatedAt: new Date() });
    for (const round of [1, 2, 3]) {
      const start = new Date(Date.UTC(2030, 0, round, 6, 0, 0, 250));
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => withTransaction(async () => {
        const id = await createAppointment({ patientId: patient, doctorId: doctor, startAt: start, endAt: new Date(start.getTime() + 20 * 60_000), status: 'pending', createdAt: new Date(), updatedAt: new Date() });
        await sleep(1);
        // The appointment's occupancy cells (written by createAppointment) already refuse the losers;
        // a second reservation under a unique key (doctor, slot start) must land with the winner only.
        const db = await q();
        await db.insert(tables.externalIds).values({ system: 'race', resourceType: 'Slot', externalId: `${doctor}@${start.toISOString()}`, entity: 'appointment', entityId: id, updatedAt: new Date() });
        return id;
      })));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((r) => classifyDbError(r.reason))).toEqual(Array(49).fill('unique'));
      const db = await q();
      const rows = await db.select().from(tables.appointments).where(eq(tables.appointments.startAt, start));
      expect(rows).toHaveLength(1);
      expect(rows[0].startAt.toISOString()).toBe(start.toISOString());
      const link = await findExternalId('race', 'Slot', `${doctor}@${start.toISOString()}`);
      expect(link?.entityId).toBe(rows[0].id);
    }
  });

  it('upserts an external id idempotently', async () => {
    await linkExternalId('urn:test', 'Patient', 'abc', 'user', 1);
    await linkExternalId('urn:test', 'Patient', 'abc', 'user', 2);
    expect(await findExternalId('urn:test', 'Patient', 'abc')).toEqual({ entity: 'user', entityId: 2 });
  });
});

describe.skipIf(process.env.TEST_DB === 'mysql')('negative controls (SQLite): without the gate the same scenario fails', () => {
  async function withScratch(gate: Parameters<typeof openSqlite>[1], fn: () => Promise<void>) {
    const main = await getDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-ctl-'));
    const scratch: Database = openSqlite(path.join(dir, 'ctl.sqlite'), gate);
    await scratch.migrate();
    useDatabase(scratch);
    try {
      await fn();
    } finally {
      useDatabase(main);
      await scratch.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('no gate: transactions collide or lose rows', async () => {
    let broken = false;
    await withScratch({ disableGate: true }, async () => {
      const results = await overlappingScenario('ng');
      const failedTx = results.slice(0, 20).filter((r) => r.status === 'rejected');
      const { total } = await countActions('ng-');
      broken = failedTx.some((r) => (r as PromiseRejectedResult).reason.message !== 'planned failure') || total !== 165;
    });
    expect(broken).toBe(true);
  });

  it('a mutex on transactions only: plain writes run inside others\' transactions and are lost', async () => {
    let lostPlain = 0;
    await withScratch({ gateTransactionsOnly: true }, async () => {
      await overlappingScenario('mx');
      const { byAction } = await countActions('mx-plain-');
      lostPlain = 100 - [...byAction.values()].reduce((a, b) => a + b, 0);
    });
    expect(lostPlain).toBeGreaterThan(0);
  });

  it('a transaction that cannot start in time fails with GateTimeoutError', async () => {
    await withScratch({ timeoutMs: 100 }, async () => {
      let release!: () => void;
      const blocker = withTransaction(() => new Promise<void>((r) => { release = r; }));
      await sleep(5);
      const err = await appendAuditEvent(event('timeout')).catch((e: unknown) => e);
      expect((err as { cause?: unknown }).cause).toBeInstanceOf(GateTimeoutError);
      expect(classifyDbError(err)).toBe('busy');
      release();
      await blocker;
    });
  });
});
