/**
 * `/api/users/` and `/api/users/{id}/` through the real route handlers with bearer tokens, on both
 * databases: list admin-only, patient self-registration, staff creation admin-only, self/admin reads,
 * no self-promotion, DELETE deactivates (admin only), and never a password or hash in a body.
 */
import { describe, expect, it } from 'vitest';
import { GET as list, POST as create, PUT as putList } from '@/app/api/users/route';
import { DELETE as del, GET as getOne, PUT as put, POST as postOne } from '@/app/api/users/[id]/route';
import { findUserById } from '@/db/repositories/users';
import { resolveApiToken } from '@/lib/auth/tokens';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';

const BASE = 'http://127.0.0.1:3999';
function req(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': '127.0.0.11' };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const bodies: string[] = [];
async function json(res: Response) {
  const text = await res.text();
  bodies.push(text);
  return JSON.parse(text);
}
const USER_KEYS = ['contact_info', 'date_joined', 'email', 'id', 'is_active', 'name', 'role'];

describe('/api/users/', () => {
  it('lists for admins only, with search and pagination', async () => {
    const [admin, doctor, patient] = [await makeUserWithToken('admin'), await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
    expect((await list(req('GET', '/api/users/', doctor.token))).status).toBe(403);
    expect((await list(req('GET', '/api/users/', patient.token))).status).toBe(403);
    expect((await list(req('GET', '/api/users/', null))).status).toBe(401);
    const res = await list(req('GET', `/api/users/?q=${encodeURIComponent(doctor.name)}&role=doctor&page_size=10`, admin.token));
    expect(res.status).toBe(200);
    const page = await json(res);
    expect(page).toMatchObject({ count: 1, next: null, previous: null });
    expect(Object.keys(page.results[0]).sort()).toEqual(USER_KEYS);
    expect(page.results[0]).toMatchObject({ id: doctor.id, role: 'doctor', is_active: true, contact_info: { phone: null, address: null } });
    const bad = await json(await list(req('GET', '/api/users/?role=nurse', admin.token)));
    expect(bad.error.code).toBe('validation_error');
  });

  it('registers a patient without authentication (201); staff only by an admin', async () => {
    const patientBody = { name: 'Baraka Otieno', email: 'Baraka.O@example.com', password: 'a good password', date_of_birth: '1988-01-15', gender: 'male', phone: '0722 000 111' };
    const res = await create(req('POST', '/api/users/', null, patientBody));
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ email: 'baraka.o@example.com', role: 'patient', is_active: true, contact_info: { phone: '+254722000111' } });
    expect(Object.keys(created).sort()).toEqual(USER_KEYS);

    const [admin, doctor, patient] = [await makeUserWithToken('admin'), await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
    const staff = { role: 'doctor', email: 'new.doctor@clinic.org', name: 'Dr New', password: 'temporary-pass-1', specialty: 'Dermatology' };
    expect((await create(req('POST', '/api/users/', null, staff))).status).toBe(403);
    expect((await create(req('POST', '/api/users/', patient.token, staff))).status).toBe(403);
    expect((await create(req('POST', '/api/users/', doctor.token, { ...staff, role: 'admin' }))).status).toBe(403);
    const ok = await create(req('POST', '/api/users/', admin.token, staff));
    expect(ok.status).toBe(201);
    const doc = await json(ok);
    expect(doc).toMatchObject({ role: 'doctor', email: 'new.doctor@clinic.org', name: 'Dr New' });
    expect(await findUserById(doc.id)).toMatchObject({ mustChangePassword: true });
    const dup = await create(req('POST', '/api/users/', admin.token, staff));
    expect(dup.status).toBe(409);
    const invalid = await json(await create(req('POST', '/api/users/', admin.token, { role: 'admin', email: 'x@clinic.org' })));
    expect(invalid.error).toMatchObject({ code: 'validation_error', fields: { password: expect.any(Array) } });
    expect((await putList()).status).toBe(405);
  });
});

describe('the documented User shape on input', () => {
  it('POST takes contact_info {phone, address} (a flat phone stays accepted); phones stored as E.164', async () => {
    const admin = await makeUserWithToken('admin');
    const nested = await create(req('POST', '/api/users/', null, {
      name: 'Akinyi Ouma', email: 'Akinyi.Ouma@Example.com', password: 'a good password', date_of_birth: '1979-03-02', gender: 'female',
      contact_info: { phone: '0733 444 555', address: 'Kisumu, Milimani' },
    }));
    expect(nested.status).toBe(201);
    expect(await json(nested)).toMatchObject({ email: 'akinyi.ouma@example.com', contact_info: { phone: '+254733444555', address: 'Kisumu, Milimani' } });
    const flat = await create(req('POST', '/api/users/', null, {
      name: 'Wekesa Simiyu', email: 'wekesa@example.com', password: 'a good password', date_of_birth: '1981-07-09', gender: 'male', phone: '+254 733 444 556', address: 'Bungoma',
    }));
    expect(flat.status).toBe(201);
    expect(await json(flat)).toMatchObject({ contact_info: { phone: '+254733444556', address: 'Bungoma' } });
    const badPhone = await json(await create(req('POST', '/api/users/', null, {
      name: 'Bad Phone', email: 'bad.phone@example.com', password: 'a good password', date_of_birth: '1981-07-10', gender: 'male', contact_info: { phone: '12' },
    })));
    expect(badPhone.error).toMatchObject({ code: 'validation_error', fields: { phone: expect.any(Array) } });
    const staff = await create(req('POST', '/api/users/', admin.token, { role: 'doctor', email: 'dr.contact@clinic.org', password: 'temporary-pass-1', contact_info: { phone: '0722 100 200', address: 'Room 4' } }));
    expect(staff.status).toBe(201);
    expect(await json(staff)).toMatchObject({ role: 'doctor', contact_info: { phone: '+254722100200', address: 'Room 4' } });
  });

  it('PUT takes contact_info or a flat phone/address; E.164; empty clears', async () => {
    const doctor = await makeUserWithToken('doctor');
    const flat = await put(req('PUT', `/api/users/${doctor.id}/`, doctor.token, { phone: '0711 999 888', address: 'Eldoret' }), ctx(doctor.id));
    expect(flat.status).toBe(200);
    expect(await json(flat)).toMatchObject({ contact_info: { phone: '+254711999888', address: 'Eldoret' } });
    const nested = await json(await put(req('PUT', `/api/users/${doctor.id}/`, doctor.token, { contact_info: { phone: '+256 772 123 456' } }), ctx(doctor.id)));
    expect(nested.contact_info).toEqual({ phone: '+256772123456', address: 'Eldoret' });
    const cleared = await json(await put(req('PUT', `/api/users/${doctor.id}/`, doctor.token, { contact_info: { address: '' } }), ctx(doctor.id)));
    expect(cleared.contact_info).toEqual({ phone: '+256772123456', address: null });
    const bad = await json(await put(req('PUT', `/api/users/${doctor.id}/`, doctor.token, { phone: 'abc' }), ctx(doctor.id)));
    expect(bad.error.code).toBe('validation_error');
  });

  it('a taken email in another case is a 409 conflict (patients and staff)', async () => {
    const admin = await makeUserWithToken('admin');
    const first = await create(req('POST', '/api/users/', null, { name: 'Neema Mushi', email: 'neema.mushi@example.com', password: 'a good password', date_of_birth: '1992-11-30', gender: 'female', phone: '0799 000 111' }));
    expect(first.status).toBe(201);
    const again = await json(await create(req('POST', '/api/users/', null, { name: 'Another Person', email: 'NEEMA.Mushi@Example.com', password: 'a good password', date_of_birth: '1993-01-01', gender: 'female', phone: '0799 000 112' })));
    expect(again.error).toMatchObject({ code: 'conflict', conflict: 'email_taken', fields: { email: expect.any(Array) } });
    const staff = await create(req('POST', '/api/users/', admin.token, { role: 'doctor', email: 'Neema.Mushi@EXAMPLE.com', password: 'temporary-pass-1' }));
    expect(staff.status).toBe(409);
    const staffError = (await json(staff)).error;
    expect(staffError.code).toBe('conflict');
    expect(staffError).toMatchObject({ conflict: 'email_taken', fields: { email: expect.any(Array) } }); // the same shape as the other doors
  });
});

describe('/api/users/{id}/', () => {
  it('reads self or as admin; others 403; unknown 404', async () => {
    const [admin, p1, p2] = [await makeUserWithToken('admin'), await makeUserWithToken('patient'), await makeUserWithToken('patient')];
    const self = await getOne(req('GET', `/api/users/${p1.id}/`, p1.token), ctx(p1.id));
    expect(self.status).toBe(200);
    expect(await json(self)).toMatchObject({ id: p1.id, email: p1.email });
    expect((await getOne(req('GET', `/api/users/${p2.id}/`, p1.token), ctx(p2.id))).status).toBe(403);
    expect((await getOne(req('GET', `/api/users/${p2.id}/`, admin.token), ctx(p2.id))).status).toBe(200);
    expect((await getOne(req('GET', '/api/users/999999/', admin.token), ctx(999999))).status).toBe(404);
    expect((await postOne()).status).toBe(405);
  });

  it('updates own name and contact; cannot raise own role; admin changes others’ roles', async () => {
    const [admin, doctor] = [await makeUserWithToken('admin'), await makeUserWithToken('doctor')];
    const mine = await put(req('PUT', `/api/users/${doctor.id}/`, doctor.token, { name: 'Dr Amani', contact_info: { phone: '0711 222 333', address: 'Nairobi' }, email: 'ignored@x.org' }), ctx(doctor.id));
    expect(mine.status).toBe(200);
    expect(await json(mine)).toMatchObject({ name: 'Dr Amani', email: doctor.email, contact_info: { phone: '+254711222333', address: 'Nairobi' } });
    const raise = await put(req('PUT', `/api/users/${doctor.id}/`, doctor.token, { role: 'admin' }), ctx(doctor.id));
    expect(raise.status).toBe(403);
    expect((await findUserById(doctor.id))?.role).toBe('doctor');
    expect((await put(req('PUT', `/api/users/${doctor.id}/`, doctor.token, { is_active: false }), ctx(doctor.id))).status).toBe(403);
    expect((await put(req('PUT', `/api/users/${admin.id}/`, admin.token, { role: 'doctor' }), ctx(admin.id))).status).toBe(403);
    const promoted = await put(req('PUT', `/api/users/${doctor.id}/`, admin.token, { role: 'admin' }), ctx(doctor.id));
    expect(promoted.status).toBe(200);
    expect((await json(promoted)).role).toBe('admin');
  });

  it('DELETE deactivates (admin only): the user’s token stops at once, the account stays', async () => {
    const [admin, doctor, patient] = [await makeUserWithToken('admin'), await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
    expect((await del(req('DELETE', `/api/users/${patient.id}/`, doctor.token), ctx(patient.id))).status).toBe(403);
    expect((await del(req('DELETE', `/api/users/${patient.id}/`, patient.token), ctx(patient.id))).status).toBe(403);
    const res = await del(req('DELETE', `/api/users/${patient.id}/`, admin.token), ctx(patient.id));
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: patient.id, is_active: false });
    expect(await resolveApiToken(patient.token)).toBeNull();
    expect((await getOne(req('GET', `/api/users/${patient.id}/`, patient.token), ctx(patient.id))).status).toBe(401);
    const still = await json(await getOne(req('GET', `/api/users/${patient.id}/`, admin.token), ctx(patient.id)));
    expect(still).toMatchObject({ id: patient.id, is_active: false });
    const back = await json(await put(req('PUT', `/api/users/${patient.id}/`, admin.token, { is_active: true }), ctx(patient.id)));
    expect(back.is_active).toBe(true);
  });

  it('no response body ever holds a password or a hash', () => {
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) {
      expect(b).not.toMatch(/password_?hash|passwordHash|\$argon2/i);
      expect(b).not.toMatch(/temporary-pass-1|a good password/);
      expect(b).not.toMatch(/"(temporary_)?password"\s*:\s*"/); // a field-error key is fine, a value never
    }
  });
});
