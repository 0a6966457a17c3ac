/**
 * GET /api/icd10/?q=&limit= called as a route handler with a bearer token, on SQLite and MariaDB:
 * the answer's shape, code and word search, the primary-care ranking, the clinic's usage moving a
 * code up (visits charted through the records API), 401 without a token, 400 on a bad q or limit, 405.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as chartVisit } from '@/app/api/medical-records/route';
import { createAppointment } from '@/db/repositories/appointments';
import { findUserById } from '@/db/repositories/users';
import { issueApiToken } from '@/lib/auth/tokens';
import { dropClinicDiagnosisBoost } from '@/lib/records/icd10/clinic-search';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';
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

  it('ranks for primary care: I10 first for "hypertension" and "HTN", N39.0 and never "utility" for "UTI"', async () => {
    const first = async (q: string) => (await (await GET(get(`/api/icd10/?q=${encodeURIComponent(q)}`, token))).json()).results;
    expect((await first('hypertension'))[0].code).toBe('I10');
    expect((await first('HTN'))[0].code).toBe('I10');
    expect((await first('high blood pressure'))[0].code).toBe('I10');
    expect((await first('anaemia'))[0].code).toBe('D64.9');
    const uti = await first('UTI');
    expect(uti[0].code).toBe('N39.0');
    expect(uti.some((r: { display: string }) => /utility/i.test(r.display))).toBe(false);
  });

  it("moves up the codes the clinic uses often (its charted visits' diagnoses)", async () => {
    const rank = async () => {
      const body = await (await GET(get('/api/icd10/?q=malaria&limit=50', token))).json();
      return body.results.map((r: { code: string }) => r.code).indexOf('B53.8');
    };
    await dropClinicDiagnosisBoost();
    const before = await rank();
    expect(before).toBeGreaterThan(3);
    const doctor = await makeUserWithToken('doctor');
    const patient = await makeUserWithToken('patient');
    // Started half an hour ago: a visit can be charted against it whatever the clinic's hour.
    const start = new Date(Date.now() - 1_800_000);
    const appointmentId = await createAppointment({ patientId: patient.id, doctorId: doctor.id, startAt: start, endAt: new Date(start.getTime() + 1_200_000), status: 'confirmed', createdAt: new Date(), updatedAt: new Date() });
    for (let i = 0; i < 7; i++) {
      const res = await chartVisit(new Request(`${BASE}/api/medical-records/`, {
        method: 'POST', headers: { authorization: `Bearer ${doctor.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ patient_id: patient.id, ...(i === 0 ? { appointment_id: appointmentId } : {}), symptoms: 'Fever', diagnoses: [{ system: 'ICD-10', code: 'B53.8' }] }),
      }));
      expect(res.status, await res.clone().text()).toBe(201);
    }
    // The usage is kept a minute in memory; a new reading sees the visits.
    await dropClinicDiagnosisBoost();
    const after = await rank();
    expect(after).toBeGreaterThanOrEqual(0);
    expect(after).toBeLessThan(before);
    // The common codes of the term stay first.
    const top = (await (await GET(get('/api/icd10/?q=malaria&limit=3', token))).json()).results.map((r: { code: string }) => r.code);
    expect(top.slice(0, 2)).toEqual(['B54', 'B50.9']);
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
