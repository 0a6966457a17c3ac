/**
 * GET /api/doctors/ and GET /api/doctors/{id}/slots/ called as route handlers with a bearer token, on
 * SQLite and MariaDB: shapes, pagination, 401, 400 on bad ranges, 404 for an unknown doctor.
 */
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { replaceWorkingHours } from '@/db/repositories/availability';
import { updatePractitionerByUserId } from '@/db/repositories/practitioners';
import { findUserById } from '@/db/repositories/users';
import { issueApiToken } from '@/lib/auth/tokens';
import { makeUser } from '@/lib/testing/factories';
import { addDays, clinicToday } from '@/core/time';
import { GET as listDoctors } from './route';
import { GET as listSlots } from './[id]/slots/route';

const BASE = 'http://127.0.0.1:3999';
const get = (path: string, token?: string) =>
  new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const ctx = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });

let token: string;
let doctor: Awaited<ReturnType<typeof makeUser>>;
let hidden: number[];
/** A Monday at least five weeks ahead (clinic calendar). */
let monday: string;

beforeAll(async () => {
  const patient = await makeUser('patient');
  token = (await issueApiToken((await findUserById(patient.id))!)).token;
  doctor = await makeUser('doctor', { name: 'Achieng Odhiambo' });
  await replaceWorkingHours(doctor.id, [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60 })));
  const inactive = await makeUser('doctor', { isActive: false });
  const closed = await makeUser('doctor');
  await updatePractitionerByUserId(closed.id, { bookable: false });
  hidden = [inactive.id, closed.id];
  const d = DateTime.fromISO(addDays(clinicToday(), 35), { zone: 'UTC' });
  monday = d.plus({ days: (8 - d.weekday) % 7 }).toISODate() as string;
});

describe('GET /api/doctors/', () => {
  it('lists active, bookable doctors as {id, name, specialty, slot_minutes} in the list envelope', async () => {
    const res = await listDoctors(get('/api/doctors/?page_size=100', token));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['count', 'next', 'previous', 'results']);
    expect(body.count).toBe(body.results.length);
    expect(body.next).toBeNull();
    expect(body.previous).toBeNull();
    const mine = body.results.find((r: { id: number }) => r.id === doctor.id);
    expect(mine).toEqual({ id: doctor.id, name: 'Achieng Odhiambo', specialty: 'General practice', slot_minutes: 20 });
    expect(body.results.some((r: { id: number }) => hidden.includes(r.id))).toBe(false);
    for (const r of body.results) expect(Object.keys(r).sort()).toEqual(['id', 'name', 'slot_minutes', 'specialty']);
  });

  it('leaves out a doctor without working hours', async () => {
    const idle = await makeUser('doctor');
    const body = await (await listDoctors(get('/api/doctors/?page_size=100', token))).json();
    expect(body.results.some((r: { id: number }) => r.id === idle.id)).toBe(false);
  });

  it('pages with page and page_size, linking the neighbours', async () => {
    const second = await makeUser('doctor');
    await replaceWorkingHours(second.id, [{ weekday: 2, startMinute: 9 * 60, endMinute: 12 * 60 }]);
    const first = await (await listDoctors(get('/api/doctors/?page_size=1', token))).json();
    expect(first.count).toBeGreaterThanOrEqual(2);
    expect(first.results).toHaveLength(1);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(`${BASE}/api/doctors/?page_size=1&page=2`);
    const page2 = await (await listDoctors(get('/api/doctors?page=2&page_size=1', token))).json();
    expect(page2.results).toHaveLength(1);
    expect(page2.results[0].id).not.toBe(first.results[0].id);
    expect(page2.previous).toContain('page=1');
  });

  it('answers 401 without a valid token and 400 for a bad page size', async () => {
    const anon = await listDoctors(get('/api/doctors/'));
    expect(anon.status).toBe(401);
    expect((await anon.json()).error.code).toBe('unauthenticated');
    expect((await listDoctors(get('/api/doctors/', 'ehr_not-a-token'))).status).toBe(401);
    const big = await listDoctors(get('/api/doctors/?page_size=101', token));
    expect(big.status).toBe(400);
    expect((await big.json()).error).toMatchObject({ code: 'validation_error', fields: { page_size: ['page_size must be a whole number from 1 to 100.'] } });
  });
});

describe('GET /api/doctors/{id}/slots/', () => {
  it('lists free slots as {start, end} in the clinic\'s offset', async () => {
    const res = await listSlots(get(`/api/doctors/${doctor.id}/slots/?from=${monday}&to=${addDays(monday, 6)}`, token), ctx(doctor.id));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['results']);
    expect(body.results).toHaveLength(5 * 27);
    expect(body.results[0]).toEqual({ start: `${monday}T08:00:00.000+03:00`, end: `${monday}T08:20:00.000+03:00` });
    expect(body.results[26]).toEqual({ start: `${monday}T16:40:00.000+03:00`, end: `${monday}T17:00:00.000+03:00` });
    for (const s of body.results) {
      expect(Object.keys(s).sort()).toEqual(['end', 'start']);
      expect(s.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000\+03:00$/);
    }
  });

  it('accepts exactly 31 days and answers without a range (today and the next 13 days)', async () => {
    const month = await listSlots(get(`/api/doctors/${doctor.id}/slots?from=${monday}&to=${addDays(monday, 30)}`, token), ctx(doctor.id));
    expect(month.status).toBe(200);
    expect((await month.json()).results.length).toBeGreaterThan(20 * 27 - 1);
    const dflt = await listSlots(get(`/api/doctors/${doctor.id}/slots/`, token), ctx(doctor.id));
    expect(dflt.status).toBe(200);
    expect(Array.isArray((await dflt.json()).results)).toBe(true);
  });

  it('answers 400 for a reversed, too long or malformed range', async () => {
    const bad: Array<[string, string]> = [
      [`from=${addDays(monday, 1)}&to=${monday}`, 'to'],
      [`from=${monday}&to=${addDays(monday, 31)}`, 'to'],
      [`from=tomorrow&to=${monday}`, 'from'],
      [`from=${monday}&to=2027-02-30`, 'to'],
      // Years no clinic date takes: 9999-12-31 once answered "at most 31 days" for a one-day range.
      ['from=9999-12-31&to=9999-12-31', 'from'],
      ['from=9999-12-31', 'from'],
      ['from=1850-01-01&to=1850-01-02', 'from'],
    ];
    for (const [query, field] of bad) {
      const res = await listSlots(get(`/api/doctors/${doctor.id}/slots/?${query}`, token), ctx(doctor.id));
      expect(res.status, query).toBe(400);
      const { error } = await res.json();
      expect(error.code, query).toBe('validation_error');
      expect(error.fields[field], query).toHaveLength(1);
    }
  });

  it('answers 404 for an unknown doctor, a non-doctor and a malformed id; 401 without a token', async () => {
    const patient = await makeUser('patient');
    for (const id of ['999999999', String(patient.id), 'abc', '0']) {
      const res = await listSlots(get(`/api/doctors/${id}/slots/?from=${monday}&to=${monday}`, token), ctx(id));
      expect(res.status, id).toBe(404);
      expect((await res.json()).error).toEqual({ code: 'not_found', message: 'The doctor was not found.' });
    }
    expect((await listSlots(get(`/api/doctors/${doctor.id}/slots/`), ctx(doctor.id))).status).toBe(401);
  });

  it('gives an inactive or unbookable doctor no slots', async () => {
    for (const id of hidden) {
      const res = await listSlots(get(`/api/doctors/${id}/slots/?from=${monday}&to=${monday}`, token), ctx(id));
      expect(res.status).toBe(200);
      expect((await res.json()).results).toEqual([]);
    }
  });
});
