/**
 * `/api/patient-profiles/` through the real route handlers with bearer tokens, on both databases:
 * shapes, pagination, role filtering, 400 (nothing written) / 401 / 403 / 404 / 405 / 409, deactivation.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as list, POST as create, PATCH as patchList } from '@/app/api/patient-profiles/route';
import { GET as getOne, PUT as put, DELETE as del, POST as postOne } from '@/app/api/patient-profiles/[id]/route';
import { GET as listAppointments } from '@/app/api/appointments/route';
import { q, tables } from '@/db';
import { createAppointment } from '@/db/repositories/appointments';
import { findPatientProfileByUserId } from '@/db/repositories/patient-profiles';
import { findUserById } from '@/db/repositories/users';
import { makeUser, apiTokenFor } from '@/lib/testing/factories';
import { addDays } from '@/core/time';

const BASE = 'http://127.0.0.1:3999';
async function withToken<T extends { id: number }>(u: T) {
  return { ...u, token: await apiTokenFor(u.id) };
}
function req(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}
const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
async function link(doctorId: number, patientId: number) {
  const now = new Date();
  await createAppointment({ patientId, doctorId, startAt: now, endAt: new Date(now.getTime() + 1_200_000), status: 'completed', createdAt: now, updatedAt: now });
}
async function profileIdOf(userId: number) {
  return (await findPatientProfileByUserId(userId))!.patient.id;
}
const snapshot = async (userId: number) => JSON.parse(JSON.stringify(await findPatientProfileByUserId(userId))) as unknown;
let n = 0;
const phone = () => `0722${String(++n).padStart(6, '0')}`;
const dob = () => addDays('1975-06-15', -(++n) * 11);

const PROFILE_KEYS = ['allergies', 'blood_type', 'contact_info', 'date_of_birth', 'emergency_contact_info', 'gender', 'id', 'is_active', 'medical_history', 'name', 'patient_number', 'user_id'];

describe('GET /api/patient-profiles/', () => {
  it('a patient gets only their own profile, in the documented shape', async () => {
    const p = await withToken(await makeUser('patient'));
    await makeUser('patient');
    const r = await list(req('GET', '/api/patient-profiles/', p.token));
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toMatchObject({ count: 1, next: null, previous: null });
    const [me] = body.results;
    expect(Object.keys(me).sort()).toEqual(PROFILE_KEYS);
    expect(me).toMatchObject({ id: await profileIdOf(p.id), user_id: p.id, name: p.name, gender: 'unknown', blood_type: null, allergies: [], medical_history: null, is_active: true,
      emergency_contact_info: { name: null, relationship: null, phone: null }, contact_info: { phone: null, address: null } });
    expect(me.patient_number).toMatch(/^EH-\d{6}$/);
    expect(JSON.stringify(body)).not.toMatch(/password|session_version|hash/i);
  });

  it('a doctor gets the patients they have appointments or records with; an admin all, paginated with a stable order', async () => {
    const tag = `Pg${Date.now().toString(36)}`;
    const doctor = await withToken(await makeUser('doctor'));
    const admin = await withToken(await makeUser('admin'));
    const patients = [];
    for (const i of [1, 2, 3, 4, 5]) patients.push(await makeUser('patient', { name: `${tag} Patient ${i}` }));
    await link(doctor.id, patients[0].id);
    const now = new Date();
    const db = await q();
    await db.insert(tables.medicalRecords).values({ patientId: patients[3].id, doctorId: doctor.id, status: 'final', version: 1, createdAt: now, updatedAt: now });

    const mine = await (await list(req('GET', '/api/patient-profiles/', doctor.token))).json();
    expect(mine.results.map((x: { user_id: number }) => x.user_id)).toEqual([patients[0].id, patients[3].id]);

    const page1 = await (await list(req('GET', `/api/patient-profiles/?q=${tag}&page_size=2`, admin.token))).json();
    expect(page1.count).toBe(5);
    expect(page1.results.map((x: { user_id: number }) => x.user_id)).toEqual([patients[0].id, patients[1].id]);
    expect(page1.previous).toBeNull();
    expect(new URL(page1.next).searchParams.get('page')).toBe('2');
    const page3 = await (await list(req('GET', `/api/patient-profiles/?q=${tag}&page_size=2&page=3`, admin.token))).json();
    expect(page3.results.map((x: { user_id: number }) => x.user_id)).toEqual([patients[4].id]);
    expect(page3.next).toBeNull();
    expect(new URL(page3.previous).searchParams.get('page')).toBe('2');

    const bad = await list(req('GET', '/api/patient-profiles/?page_size=101', admin.token));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'validation_error', fields: { page_size: [expect.any(String)] } });
    expect((await list(req('GET', '/api/patient-profiles/', null))).status).toBe(401);
    expect((await list(req('GET', '/api/patient-profiles/', 'not-a-token'))).status).toBe(401);
  });
});

describe('GET /api/patient-profiles/{id}/', () => {
  it('own profile; another patient 403; any doctor the demographics (clinical part when linked); 404 for no such profile', async () => {
    const [p, other, linked, unlinked, admin] = await Promise.all([
      makeUser('patient').then(withToken), makeUser('patient').then(withToken), makeUser('doctor').then(withToken), makeUser('doctor').then(withToken), makeUser('admin').then(withToken),
    ]);
    await link(linked.id, p.id);
    const id = await profileIdOf(p.id);
    await put(req('PUT', '/x', p.token, { allergies: [{ substance: 'Penicillin', severity: 'severe' }], medical_history: 'Diabetes type 2' }), ctx(id));

    const own = await getOne(req('GET', '/x', p.token), ctx(id));
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ id, user_id: p.id, allergies: [{ substance: 'Penicillin', severity: 'severe' }], medical_history: 'Diabetes type 2' });
    expect((await getOne(req('GET', '/x', other.token), ctx(id))).status).toBe(403);
    expect(await (await getOne(req('GET', '/x', linked.token), ctx(id))).json()).toMatchObject({ allergies: [{ substance: 'Penicillin' }], medical_history: 'Diabetes type 2' });
    expect(await (await getOne(req('GET', '/x', admin.token), ctx(id))).json()).toMatchObject({ medical_history: 'Diabetes type 2' });
    const demo = await (await getOne(req('GET', '/x', unlinked.token), ctx(id))).json();
    expect(demo).toMatchObject({ id, name: p.name, patient_number: expect.stringMatching(/^EH-/), allergies: null, medical_history: null });

    for (const bad of ['987654321', 'abc', '0']) {
      const r = await getOne(req('GET', '/x', admin.token), ctx(bad));
      expect(r.status, bad).toBe(404);
      expect((await r.json()).error.code).toBe('not_found');
    }
    expect((await getOne(req('GET', '/x', null), ctx(id))).status).toBe(401);
  });
});

describe('PUT /api/patient-profiles/{id}/', () => {
  it('a patient updates their own contact, emergency contact, allergies and history; E.164 and exact names in the answer', async () => {
    const p = await withToken(await makeUser('patient'));
    const id = await profileIdOf(p.id);
    const r = await put(req('PUT', '/x', p.token, {
      contact_info: { phone: '0712 345 678', address: 'Kibera, Nairobi' },
      emergency_contact_info: { name: 'Chiamaka Ọkọnkwọ', relationship: 'mother', phone: '+254 733 000 111' },
      allergies: [{ substance: 'Ibuprofène', reaction: 'asthma attack', severity: 'moderate' }],
      medical_history: 'Sickle-cell trait.',
      patient_number: 'EH-000000', role: 'admin', is_active: false, unknown_member: 1,
    }), ctx(id));
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toMatchObject({
      contact_info: { phone: '+254712345678', address: 'Kibera, Nairobi' },
      emergency_contact_info: { name: 'Chiamaka Ọkọnkwọ', relationship: 'mother', phone: '+254733000111' },
      allergies: [{ substance: 'Ibuprofène', reaction: 'asthma attack', severity: 'moderate' }],
      medical_history: 'Sickle-cell trait.', is_active: true,
    });
    expect(body.patient_number).not.toBe('EH-000000');
    expect((await findUserById(p.id))!.role).toBe('patient');
    // A profile fetched and sent back as it is passes (unchanged demographics are accepted).
    const again = await put(req('PUT', '/x', p.token, body), ctx(id));
    expect(again.status).toBe(200);
    const refused = await put(req('PUT', '/x', p.token, { ...body, gender: 'male', date_of_birth: '1990-01-01' }), ctx(id));
    expect(refused.status).toBe(403);
    expect(Object.keys((await refused.json()).error.fields).sort()).toEqual(['date_of_birth', 'gender']);
  });

  it('400 with field errors and nothing written: bad phone, future birth date, bad allergy, malformed JSON', async () => {
    const [p, admin] = await Promise.all([makeUser('patient').then(withToken), makeUser('admin').then(withToken)]);
    const id = await profileIdOf(p.id);
    const before = await snapshot(p.id);
    const cases: Array<[string, unknown, string[]]> = [
      ['patient', { contact_info: { phone: '12345' }, medical_history: 'written?' }, ['contact_info.phone']],
      ['patient', { allergies: [{ reaction: 'rash' }, { substance: 'Latex', severity: 'fatal' }] }, ['allergies.0.substance', 'allergies.1.severity']],
      ['patient', { emergency_contact_info: { name: 'Only a name' } }, ['emergency_contact_info.phone']],
      ['admin', { date_of_birth: addDays(new Date().toISOString().slice(0, 10), 3), blood_type: 'Z', name: '' }, ['blood_type', 'date_of_birth', 'name']],
      ['admin', '{"medical_history": ', ['_']],
      ['admin', [], ['_']],
    ];
    for (const [who, body, fields] of cases) {
      const r = await put(req('PUT', '/x', who === 'admin' ? admin.token : p.token, body), ctx(id));
      expect(r.status, JSON.stringify(body)).toBe(400);
      const e = (await r.json()).error;
      expect(e.code).toBe('validation_error');
      expect(Object.keys(e.fields).sort()).toEqual(fields);
    }
    expect(await snapshot(p.id)).toEqual(before);
  });

  it('a linked doctor edits demographics; an unlinked doctor and another patient get 403 and write nothing', async () => {
    const [p, other, linked, unlinked] = await Promise.all([makeUser('patient').then(withToken), makeUser('patient').then(withToken), makeUser('doctor').then(withToken), makeUser('doctor').then(withToken)]);
    await link(linked.id, p.id);
    const id = await profileIdOf(p.id);
    const before = await snapshot(p.id);
    for (const who of [unlinked, other]) {
      const r = await put(req('PUT', '/x', who.token, { blood_type: 'A+' }), ctx(id));
      expect(r.status).toBe(403);
      expect((await r.json()).error.code).toBe('forbidden');
    }
    expect(await snapshot(p.id)).toEqual(before);
    const ok = await put(req('PUT', '/x', linked.token, { name: 'Émeka O’Neil', date_of_birth: '2024-02-29', gender: 'male', blood_type: 'A+' }), ctx(id));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: 'Émeka O’Neil', date_of_birth: '2024-02-29', gender: 'male', blood_type: 'A+' });
    expect((await put(req('PUT', '/x', linked.token, {}), ctx(987_654_321))).status).toBe(404);
  });
});

describe('POST /api/patient-profiles/', () => {
  it('staff register a walk-in patient (201); patients get 403; bad input 400; a possible duplicate 409 until confirmed', async () => {
    const [p, doctor, admin] = await Promise.all([makeUser('patient').then(withToken), makeUser('doctor').then(withToken), makeUser('admin').then(withToken)]);
    const birth = dob();
    const input = { name: 'Adaeze Nwosu', date_of_birth: birth, gender: 'female', phone: phone() };
    expect((await create(req('POST', '/api/patient-profiles/', p.token, input))).status).toBe(403);
    expect((await create(req('POST', '/api/patient-profiles/', null, input))).status).toBe(401);

    const r = await create(req('POST', '/api/patient-profiles/', doctor.token, input));
    expect(r.status).toBe(201);
    const made = await r.json();
    expect(Object.keys(made).sort()).toEqual(PROFILE_KEYS);
    expect(made).toMatchObject({ name: 'Adaeze Nwosu', date_of_birth: birth, gender: 'female', contact_info: { phone: `+254${input.phone.slice(1)}` }, allergies: [], is_active: true });

    const dup = await create(req('POST', '/api/patient-profiles/', admin.token, { ...input, name: 'NWOSU adaeze', phone: phone() }));
    expect(dup.status).toBe(409);
    const e = (await dup.json()).error;
    expect(e).toMatchObject({ code: 'conflict', conflict: 'possible_duplicate' });
    expect(e.candidates).toEqual([{ id: made.id, user_id: made.user_id, name: 'Adaeze Nwosu', date_of_birth: birth, phone: made.contact_info.phone, patient_number: made.patient_number, is_active: true, matches: ['date_of_birth_and_name'] }]);
    expect(e.message).toMatch(/confirm_new_patient/);
    const confirmed = await create(req('POST', '/api/patient-profiles/', admin.token, { ...input, name: 'NWOSU adaeze', phone: phone(), confirm_new_patient: true }));
    expect(confirmed.status).toBe(201);
    const twin = await confirmed.json();
    expect(twin.user_id).not.toBe(made.user_id);
    // The older flag still works; the same phone and birth date under another name is a match too.
    const samePhone = { name: 'Chidi Okafor', date_of_birth: birth, gender: 'male', contact_info: { phone: input.phone } };
    const byPhone = await create(req('POST', '/api/patient-profiles/', doctor.token, samePhone));
    expect(byPhone.status).toBe(409);
    expect((await byPhone.json()).error.candidates.map((c: { user_id: number }) => c.user_id)).toEqual([made.user_id]);
    expect((await create(req('POST', '/api/patient-profiles/', doctor.token, { ...samePhone, confirm_not_duplicate: true }))).status).toBe(201);
    // A shared phone alone is not (a parent and a child).
    const child = await create(req('POST', '/api/patient-profiles/', doctor.token, { name: 'Ifeoma Nwosu', date_of_birth: dob(), gender: 'female', phone: input.phone }));
    expect(child.status).toBe(201);

    const invalid = await create(req('POST', '/api/patient-profiles/', doctor.token, { name: 'No Birth', gender: 'x', phone: '1', email: 'nope' }));
    expect(invalid.status).toBe(400);
    expect(Object.keys((await invalid.json()).error.fields).sort()).toEqual(['date_of_birth', 'email', 'gender', 'phone']);
  });
});

describe('DELETE /api/patient-profiles/{id}/', () => {
  it('admin only: deactivates the account (its tokens stop working), keeps every row, answers with the profile', async () => {
    const [p, doctor, admin] = await Promise.all([makeUser('patient').then(withToken), makeUser('doctor').then(withToken), makeUser('admin').then(withToken)]);
    await link(doctor.id, p.id);
    const id = await profileIdOf(p.id);
    expect((await del(req('DELETE', '/x', doctor.token), ctx(id))).status).toBe(403);
    expect((await del(req('DELETE', '/x', p.token), ctx(id))).status).toBe(403);
    expect((await listAppointments(req('GET', '/api/appointments/', p.token))).status).toBe(200);

    const r = await del(req('DELETE', '/x', admin.token), ctx(id));
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ id, user_id: p.id, is_active: false });
    expect((await listAppointments(req('GET', '/api/appointments/', p.token))).status).toBe(401);
    expect(await findPatientProfileByUserId(p.id)).toBeDefined();
    const db = await q();
    expect(await db.select().from(tables.appointments).where(eq(tables.appointments.patientId, p.id))).toHaveLength(1);
    expect((await getOne(req('GET', '/x', admin.token), ctx(id))).status).toBe(200);
    expect((await del(req('DELETE', '/x', admin.token), ctx(987_654_321))).status).toBe(404);
  });
});

describe('other methods', () => {
  it('405 with Allow', async () => {
    const a = await patchList();
    expect(a.status).toBe(405);
    expect(a.headers.get('allow')).toBe('GET, POST');
    const b = await postOne();
    expect(b.status).toBe(405);
    expect(b.headers.get('allow')).toBe('GET, PUT, DELETE');
  });
});
