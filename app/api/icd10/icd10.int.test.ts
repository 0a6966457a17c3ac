/**
 * GET /api/icd10/?q=&limit= called as a route handler with a bearer token, on SQLite and MariaDB:
 * the answer's shape, code and word search, 401 without a token, 400 on a bad q or limit, 405.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findUserById } from '@/db/repositories/users';
import { issueApiToken } from '@/lib/auth/tokens';
import { makeUser } from '@/lib/testing/factories';
import { GET, POST } from './route';

const BASE = 'http://127.0.0.1:3999';
const get = (path: string, token?: string) =>
  new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

let token: string;

beforeAll(async () => {
  const doctor = await makeUser('doctor');
  token = (await issueApiToken((await findUserById(doctor.id))!)).token;
});

describe('GET /api/icd10/', () => {
  it('answers {results: [{system, code, display}]}, exact code first', async () => {
    const res = await GET(get('/api/icd10/?q=j069', token));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['results']);
    expect(body.results[0]).toEqual({ system: 'ICD-10', code: 'J06.9', display: 'Acute upper respiratory infection, unspecified' });
    for (const r of body.results) expect(Object.keys(r).sort()).toEqual(['code', 'display', 'system']);
  });

  it('searches words, honours limit, and answers with and without the trailing slash', async () => {
    const body = await (await GET(get('/api/icd10/?q=malaria&limit=5', token))).json();
    expect(body.results).toHaveLength(5);
    expect(body.results.map((r: { code: string }) => r.code)).toContain('B54');
    const noSlash = await (await GET(get('/api/icd10?q=type%202%20diab', token))).json();
    expect(noSlash.results.slice(0, 10).map((r: { code: string }) => r.code)).toContain('E11.9');
  });

  it('answers an empty list to a missing, one-character or nonsense query', async () => {
    for (const q of ['', '?q=', '?q=a', '?q=zzqx%20blorf']) {
      const res = await GET(get(`/api/icd10/${q}`, token));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ results: [] });
    }
  });

  it('is 401 without a token, in the error envelope', async () => {
    const res = await GET(get('/api/icd10/?q=malaria'));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  it('is 400 for q over 100 characters or a limit outside 1–50', async () => {
    const long = await GET(get(`/api/icd10/?q=${'a'.repeat(101)}`, token));
    expect(long.status).toBe(400);
    const body = await long.json();
    expect(body.error.code).toBe('validation_error');
    expect(body.error.fields.q).toBeDefined();
    expect((await GET(get(`/api/icd10/?q=${'a'.repeat(100)}`, token))).status).toBe(200);
    for (const limit of ['0', '51', 'x', '2.5']) {
      const res = await GET(get(`/api/icd10/?q=malaria&limit=${limit}`, token));
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields.limit).toBeDefined();
    }
  });

  it('refuses other methods with 405 and Allow: GET', async () => {
    const res = await POST();
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});
