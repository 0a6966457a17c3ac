import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDatabase, openSqlite, useDatabase } from '@/db';
import { GET } from './route';

describe('GET /api/health-check/', () => {
  it('answers ok with the dialect in use', async () => {
    const res = await GET(new Request('http://127.0.0.1/api/health-check/'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: (await getDatabase()).dialect });
  });

  it('answers 503 when the database does not answer', async () => {
    const main = await getDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehealth-hc-'));
    const broken = openSqlite(path.join(dir, 'x.sqlite'));
    await broken.close(); // every statement now fails
    useDatabase(broken);
    try {
      const res = await GET(new Request('http://127.0.0.1/api/health-check/'));
      expect(res.status).toBe(503);
      expect((await res.json()).status).toBe('unavailable');
    } finally {
      useDatabase(main);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
