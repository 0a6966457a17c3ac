/**
 * `cacheWhileUnchanged` never serves a value computed from older data: on SQLite it reuses a value
 * until a row changes through this connection or another connection (another server process) commits;
 * on MySQL it computes every time.
 */
import { describe, expect, it } from 'vitest';
import { getDatabase, openSqlite, tables } from '@/db';
import { appendAuditEvent } from '@/db/repositories/audit';
import { cacheWhileUnchanged } from './while-unchanged';

const event = (action: string) => ({ at: new Date(), actorKind: 'system' as const, action, outcome: 'success' as const });

describe('cacheWhileUnchanged', () => {
  it('reuses a value only while no data changed, here or in another connection', async () => {
    const cache = cacheWhileUnchanged<number>();
    let computed = 0;
    const get = () => cache.get('k', async () => ++computed);
    const sqlite = (await getDatabase()).dialect === 'sqlite';

    await get();
    await get();
    expect(computed).toBe(sqlite ? 1 : 2);

    await appendAuditEvent(event('cache-own-write'));
    await get();
    expect(computed).toBe(sqlite ? 2 : 3);

    if (sqlite) {
      // Another connection to the same file (as another server process has) commits a row.
      const url = process.env.TEST_DATABASE_URL as string;
      const other = openSqlite(url.slice('file:'.length));
      try {
        await get();
        expect(computed).toBe(2);
        await other.db.insert(tables.auditEvents).values(event('cache-other-write'));
        await get();
        expect(computed).toBe(3);
        await get();
        expect(computed).toBe(3);
      } finally {
        await other.close();
      }
    }
  });

  it('keeps a different value per key and forgets a failed computation', async () => {
    const cache = cacheWhileUnchanged<string>();
    expect(await cache.get('a', async () => 'A')).toBe('A');
    expect(await cache.get('b', async () => 'B')).toBe('B');
    await expect(cache.get('c', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await cache.get('c', async () => 'C')).toBe('C');
  });
});
