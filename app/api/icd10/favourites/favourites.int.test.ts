/**
 * GET/PUT /api/icd10/favourites/ through the real route handlers with bearer tokens, on SQLite and
 * MariaDB: admins replace the ordered list (codes checked and stored in canonical form, audited),
 * doctors read it, others are refused and a refused or invalid request changes nothing; a favourite
 * ranks higher in GET /api/icd10/.
 */
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { dropClinicDiagnosisBoost } from '@/lib/records/icd10/clinic-search';
import { makeUserWithToken } from '@/lib/testing/factories';
import { GET as search } from '../route';
import { DELETE, GET, POST, PUT } from './route';

const BASE = 'http://127.0.0.1:3999';
function req(method: string, path: string, token?: string, body?: unknown) {
  return new Request(`${BASE}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const URL_ = '/api/icd10/favourites/';
type Result = { system: string; code: string; display: string };

let admin: { id: number; token: string };
let doctor: { token: string };
let patient: { token: string };

beforeAll(async () => {
  [admin, doctor, patient] = [await makeUserWithToken('admin'), await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
});

async function listed(token = doctor.token): Promise<string[]> {
  const res = await GET(req('GET', URL_, token));
  expect(res.status).toBe(200);
  return ((await res.json()).results as Result[]).map((r) => r.code);
}

async function auditRows() {
  const db = await q();
  const a = tables.auditEvents;
  return db.select().from(a).where(eq(a.action, 'diagnosis_favourites.update')).orderBy(desc(a.id));
}

describe('/api/icd10/favourites/', () => {
  it('starts empty; an admin sets the list (any case, with or without dot) and a doctor reads it in that order', async () => {
    expect(await listed()).toEqual([]);
    const res = await PUT(req('PUT', URL_, admin.token, { codes: ['i10', 'B54', 'j069', 'E11.9'] }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results).toEqual([
      { system: 'ICD-10', code: 'I10', display: 'Essential (primary) hypertension' },
      { system: 'ICD-10', code: 'B54', display: 'Unspecified malaria' },
      { system: 'ICD-10', code: 'J06.9', display: 'Acute upper respiratory infection, unspecified' },
      { system: 'ICD-10', code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
    ]);
    expect(await listed()).toEqual(['I10', 'B54', 'J06.9', 'E11.9']);
    expect(await listed(admin.token)).toEqual(['I10', 'B54', 'J06.9', 'E11.9']);
  });

  it('reorders and removes by sending the whole list again, and audits each change with before and after', async () => {
    const before = (await auditRows()).length;
    expect((await PUT(req('PUT', URL_, admin.token, { codes: ['J06.9', 'I10'] }))).status).toBe(200);
    expect(await listed()).toEqual(['J06.9', 'I10']);
    const rows = await auditRows();
    expect(rows.length).toBe(before + 1);
    expect(rows[0].actorUserId).toBe(admin.id);
    expect(rows[0].details).toEqual({ before: ['I10', 'B54', 'J06.9', 'E11.9'], after: ['J06.9', 'I10'] });
  });

  it('refuses an unknown or repeated code with 400 and the field of the code, and changes nothing', async () => {
    const bad = await PUT(req('PUT', URL_, admin.token, { codes: ['I10', 'ZZZ.99', 'i10'] }));
    expect(bad.status).toBe(400);
    const err = (await bad.json()).error;
    expect(err.code).toBe('validation_error');
    expect(Object.keys(err.fields).sort()).toEqual(['codes.1', 'codes.2']);
    const shape = await PUT(req('PUT', URL_, admin.token, { codes: 'I10' }));
    expect(shape.status).toBe(400);
    const tooMany = await PUT(req('PUT', URL_, admin.token, { codes: Array.from({ length: 51 }, () => 'I10') }));
    expect(tooMany.status).toBe(400);
    expect(await listed()).toEqual(['J06.9', 'I10']);
  });

  it('lets only admins change it (doctor and patient 403, no token 401) and only doctors and admins read it', async () => {
    const audits = (await auditRows()).length;
    const byDoctor = await PUT(req('PUT', URL_, doctor.token, { codes: ['B54'] }));
    expect(byDoctor.status).toBe(403);
    expect((await byDoctor.json()).error.code).toBe('forbidden');
    expect((await PUT(req('PUT', URL_, patient.token, { codes: ['B54'] }))).status).toBe(403);
    expect((await PUT(req('PUT', URL_, undefined, { codes: ['B54'] }))).status).toBe(401);
    expect((await GET(req('GET', URL_, patient.token))).status).toBe(403);
    expect((await GET(req('GET', URL_))).status).toBe(401);
    expect(await listed()).toEqual(['J06.9', 'I10']);
    expect((await auditRows()).length).toBe(audits);
  });

  it('answers 405 with Allow: GET, PUT to other methods', async () => {
    for (const m of [POST, DELETE]) {
      const res = await m();
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, PUT');
    }
  });

  it('ranks a favourite higher in the search', async () => {
    const rank = async () => {
      const res = await search(req('GET', '/api/icd10/?q=malaria&limit=50', doctor.token));
      return ((await res.json()).results as Result[]).map((r) => r.code).indexOf('B52.9');
    };
    await dropClinicDiagnosisBoost();
    const before = await rank();
    expect(before).toBeGreaterThan(3);
    expect((await PUT(req('PUT', URL_, admin.token, { codes: ['J06.9', 'I10', 'B52.9'] }))).status).toBe(200);
    expect(await rank()).toBeLessThan(before);
  });
});
