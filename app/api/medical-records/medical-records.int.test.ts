/**
 * The medical-records API through its real route handlers with bearer tokens, on both databases:
 * charting (201), the record's shape, role filtering, 400 field errors with nothing written, 404/403,
 * amending with history, DELETE marking entered_in_error, and the paginated patient history.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as list, POST as create, PATCH as patchList } from '@/app/api/medical-records/route';
import { GET as getOne, PUT as put, DELETE as del } from '@/app/api/medical-records/[id]/route';
import { GET as history } from '@/app/api/medical-records/patient-history/route';
import { q, tables } from '@/db';
import { insertMany } from '@/db/dialect';
import { createAppointment } from '@/db/repositories/appointments';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';

const BASE = 'http://127.0.0.1:3999';
function req(method: string, path: string, token: string, body?: unknown) {
  return new Request(`${BASE}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

async function appointment(doctorId: number, patientId: number) {
  const start = new Date(Date.now() - 600_000); // started 10 minutes ago: chartable at any hour (an hour ahead is tomorrow after 23:00 clinic time)
  return createAppointment({ patientId, doctorId, startAt: start, endAt: new Date(start.getTime() + 1_200_000), status: 'confirmed', createdAt: new Date(), updatedAt: new Date() });
}
async function recordsOf(patientId: number) {
  const db = await q();
  return db.select().from(tables.medicalRecords).where(eq(tables.medicalRecords.patientId, patientId));
}
/** Charts a visit through the API; returns the created record's JSON. */
async function chart(doctor: { token: string }, body: Record<string, unknown>) {
  const r = await create(req('POST', '/api/medical-records/', doctor.token, body));
  expect(r.status).toBe(201);
  return r.json();
}

const VISIT = {
  symptoms: 'Fever and chills for 3 days',
  diagnoses: [{ system: 'ICD-10', code: 'B54' }, { system: 'text', display: 'Dehydration, mild', certainty: 'provisional' }],
  prescriptions: [{ medicine: 'Artemether/lumefantrine', strength: '20/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days', instructions: 'with food' }],
  vital_signs: { systolic_mmhg: 150, diastolic_mmhg: 92, temperature_f: 101.3, weight_kg: 70, height_cm: 175 },
  notes: 'Review in a week.',
};

describe('POST /api/medical-records/', () => {
  it('charts a visit (201) in the API shape and completes the appointment', async () => {
    const [d, p] = [await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
    const appointmentId = await appointment(d.id, p.id);
    const rec = await chart(d, { patient_id: p.id, appointment_id: appointmentId, ...VISIT });
    expect(rec).toMatchObject({
      patient_id: p.id, doctor_id: d.id, appointment_id: appointmentId, symptoms: 'Fever and chills for 3 days',
      diagnoses: [{ system: 'ICD-10', code: 'B54', rank: 'primary', certainty: 'confirmed' }, { system: 'text', display: 'Dehydration, mild', rank: 'secondary', certainty: 'provisional' }],
      prescriptions: [{ medicine: 'Artemether/lumefantrine', strength: '20/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days', instructions: 'with food' }],
      prescription: 'Artemether/lumefantrine 20/120 mg, 4 tablets, oral, twice daily, 3 days (with food)',
      vital_signs: { systolic_mmhg: 150, diastolic_mmhg: 92, temperature_c: 38.5, weight_kg: 70, height_cm: 175, bmi: 22.9, flags: { systolic_mmhg: 'high', diastolic_mmhg: 'high', temperature_c: 'high' } },
      notes: 'Review in a week.', status: 'final', version: 1, status_reason: null,
    });
    expect(rec.diagnosis).toMatch(/malaria.*; Dehydration, mild$/i);
    expect(rec.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    const db = await q();
    const [a] = await db.select().from(tables.appointments).where(eq(tables.appointments.id, appointmentId));
    expect(a.status).toBe('completed');
  });

  it('takes the seed\'s free-text diagnosis and prescription', async () => {
    const [d, p] = [await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
    const rec = await chart(d, { patient_id: p.id, appointment_id: await appointment(d.id, p.id), diagnosis: 'Malaria', prescription: 'Coartem 4 tabs twice daily for 3 days', notes: 'Drink plenty.' });
    expect(rec).toMatchObject({ diagnosis: 'Malaria', diagnoses: [{ system: 'text', display: 'Malaria', rank: 'primary' }], prescription: 'Coartem 4 tabs twice daily for 3 days', prescriptions: [], notes: 'Drink plenty.' });
  });

  it('answers 400 with field errors and writes nothing; only doctors chart', async () => {
    const [d, p] = [await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
    const appointmentId = await appointment(d.id, p.id);
    const bad = await create(req('POST', '/', d.token, { patient_id: p.id, appointment_id: appointmentId, vital_signs: { systolic_mmhg: 300, diastolic_mmhg: 80, spo2_pct: 'abc' } }));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe('validation_error');
    expect(body.error.fields['vital_signs.systolic_mmhg'][0]).toMatch(/between 50 mmHg and 260 mmHg/);
    expect(body.error.fields['vital_signs.spo2_pct']).toEqual(['Enter a number.']);
    const noPatient = await create(req('POST', '/', d.token, { symptoms: 'x' }));
    expect(noPatient.status).toBe(400);
    expect((await noPatient.json()).error.fields.patient_id).toBeDefined();
    const icd = await create(req('POST', '/', d.token, { patient_id: p.id, appointment_id: appointmentId, diagnoses: [{ system: 'ICD-10', code: 'ZZZ.99' }] }));
    expect(icd.status).toBe(400);
    expect((await icd.json()).error.fields['diagnoses.0.code']).toBeDefined();
    expect((await create(req('POST', '/', d.token, '{"patient_id":'))).status).toBe(400);
    expect((await create(req('POST', '/', p.token, { patient_id: p.id, symptoms: 'self-charting' }))).status).toBe(403);
    expect(await recordsOf(p.id)).toHaveLength(0);
    expect((await patchList()).status).toBe(405);
  });
});

describe('role filtering', () => {
  it('a patient gets their own records, a doctor those of linked patients, an admin all', async () => {
    const [d1, d2, d3, p1, p2, admin] = [await makeUserWithToken('doctor'), await makeUserWithToken('doctor'), await makeUserWithToken('doctor'), await makeUserWithToken('patient'), await makeUserWithToken('patient'), await makeUserWithToken('admin')];
    const r1 = await chart(d1, { patient_id: p1.id, appointment_id: await appointment(d1.id, p1.id), symptoms: 'one' });
    const r2 = await chart(d1, { patient_id: p1.id, symptoms: 'two' }); // linked by the first visit
    const r3 = await chart(d2, { patient_id: p2.id, appointment_id: await appointment(d2.id, p2.id), symptoms: 'three' });
    await appointment(d3.id, p1.id); // d3 is linked to p1 by an appointment only
    const ids = async (token: string, qs = '') => {
      const r = await list(req('GET', `/api/medical-records/${qs}`, token));
      expect(r.status).toBe(200);
      return ((await r.json()).results as Array<{ id: number }>).map((x) => x.id);
    };
    expect(await ids(p1.token)).toEqual([r2.id, r1.id]); // newest first
    expect(await ids(p2.token)).toEqual([r3.id]);
    expect(await ids(d1.token)).toEqual([r2.id, r1.id]);
    expect(await ids(d2.token)).toEqual([r3.id]);
    expect(await ids(d3.token)).toEqual([r2.id, r1.id]); // another doctor's records of a linked patient
    const all = await ids(admin.token, '?page_size=100');
    expect(all).toEqual(expect.arrayContaining([r1.id, r2.id, r3.id]));
    expect(await ids(admin.token, `?patient_id=${p2.id}`)).toEqual([r3.id]);
    expect(await ids(admin.token, `?doctor_id=${d1.id}`)).toEqual([r2.id, r1.id]);
    expect((await list(req('GET', `/api/medical-records/?patient_id=${p2.id}`, p1.token))).status).toBe(403);

    const page = await (await list(req('GET', '/api/medical-records/?page_size=1', p1.token))).json();
    expect(page).toMatchObject({ count: 2, previous: null });
    expect(page.results).toHaveLength(1);
    expect(page.next).toContain('page=2');
    expect((await list(req('GET', '/api/medical-records/?page_size=500', p1.token))).status).toBe(400);

    // One record: its patient, a linked doctor and an admin; 403 for others; 404 for none.
    for (const t of [p1, d1, d3, admin]) expect((await getOne(req('GET', '/', t.token), ctx(r1.id))).status).toBe(200);
    for (const t of [p2, d2]) expect((await getOne(req('GET', '/', t.token), ctx(r1.id))).status).toBe(403);
    expect((await getOne(req('GET', '/', admin.token), ctx(999_999_999))).status).toBe(404);
    const notAnId = await getOne(req('GET', '/', admin.token), ctx('abc'));
    expect(notAnId.status).toBe(404);
    expect((await notAnId.json()).error.code).toBe('not_found');
  });
});

describe('amend and entered in error', () => {
  it('PUT amends to version 2 and keeps version 1 in history; refusals are 400/403/409 and write nothing', async () => {
    const [d, other, p] = [await makeUserWithToken('doctor'), await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
    const rec = await chart(d, { patient_id: p.id, appointment_id: await appointment(d.id, p.id), ...VISIT });
    await appointment(other.id, p.id);

    const badVitals = await put(req('PUT', '/', d.token, { vital_signs: { systolic_mmhg: 300, diastolic_mmhg: 80 } }), ctx(rec.id));
    expect(badVitals.status).toBe(400);
    expect((await badVitals.json()).error.fields['vital_signs.systolic_mmhg']).toBeDefined();
    expect((await put(req('PUT', '/', other.token, { diagnosis: 'Viral fever' }), ctx(rec.id))).status).toBe(403);
    expect((await put(req('PUT', '/', p.token, { diagnosis: 'Viral fever' }), ctx(rec.id))).status).toBe(403);
    expect((await put(req('PUT', '/', d.token, { diagnosis: 'Viral fever', version: 5 }), ctx(rec.id))).status).toBe(409);
    expect((await recordsOf(p.id))[0]).toMatchObject({ version: 1, status: 'final' });

    const ok = await put(req('PUT', '/', d.token, { diagnosis: 'Viral fever', version: 1, reason: 'RDT negative' }), ctx(rec.id));
    expect(ok.status).toBe(200);
    const amended = await ok.json();
    expect(amended).toMatchObject({ id: rec.id, version: 2, status: 'amended', status_reason: 'RDT negative', diagnosis: 'Viral fever', prescription: rec.prescription, vital_signs: rec.vital_signs, created_at: rec.created_at });
    const full = await (await getOne(req('GET', '/', p.token), ctx(rec.id))).json();
    expect(full.history).toHaveLength(1);
    expect(full.history[0]).toMatchObject({ version: 1, status: 'final', written_by: { id: d.id }, diagnosis: rec.diagnosis, reason: null });
    const results = (await (await list(req('GET', '/', p.token))).json()).results;
    expect(results.map((r: { id: number; version: number }) => [r.id, r.version])).toEqual([[rec.id, 2]]);
  });

  it('DELETE marks entered_in_error (reason required); the author and admins still GET it, others do not', async () => {
    const [d, p, admin] = [await makeUserWithToken('doctor'), await makeUserWithToken('patient'), await makeUserWithToken('admin')];
    const rec = await chart(d, { patient_id: p.id, appointment_id: await appointment(d.id, p.id), symptoms: 'cough' });
    const noReason = await del(req('DELETE', '/', d.token), ctx(rec.id));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.fields.reason).toBeDefined();
    expect((await del(req('DELETE', '/?reason=', d.token), ctx(rec.id))).status).toBe(400);
    expect((await del(req('DELETE', '/', d.token, {}), ctx(rec.id))).status).toBe(400);
    expect((await del(req('DELETE', '/?reason=wrong', p.token), ctx(rec.id))).status).toBe(403);
    expect((await recordsOf(p.id))[0].status).toBe('final');

    const gone = await del(req('DELETE', '/', d.token, { reason: 'Charted on the wrong patient' }), ctx(rec.id));
    expect(gone.status).toBe(200);
    expect(await gone.json()).toMatchObject({ id: rec.id, status: 'entered_in_error', status_reason: 'Charted on the wrong patient' });
    for (const t of [d, admin]) {
      const r = await getOne(req('GET', '/', t.token), ctx(rec.id));
      expect(r.status).toBe(200);
      expect((await r.json()).status).toBe('entered_in_error');
    }
    expect((await getOne(req('GET', '/', p.token), ctx(rec.id))).status).toBe(404);
    expect((await (await list(req('GET', '/', p.token))).json()).count).toBe(0);
    const eie = await (await list(req('GET', '/?status=entered_in_error', d.token))).json();
    expect(eie.results.map((r: { id: number }) => r.id)).toEqual([rec.id]);
    expect((await del(req('DELETE', '/?reason=again', admin.token), ctx(rec.id))).status).toBe(409);
    expect((await put(req('PUT', '/', d.token, { symptoms: 'x' }), ctx(rec.id))).status).toBe(409);
    expect(await recordsOf(p.id)).toHaveLength(1); // kept
  });
});

describe('GET /api/medical-records/patient-history/', () => {
  it('pages the patient\'s visits newest first; 400 without patient_id; 403/404', async () => {
    const [d, stranger, p, other] = [await makeUserWithToken('doctor'), await makeUserWithToken('doctor'), await makeUserWithToken('patient'), await makeUserWithToken('patient')];
    await appointment(d.id, p.id);
    const base = Date.UTC(2024, 0, 1);
    await insertMany(tables.medicalRecords, Array.from({ length: 25 }, (_, i) => ({
      patientId: p.id, doctorId: d.id, symptoms: `visit ${i}`, status: 'final' as const, version: 1, createdAt: new Date(base + i * 86_400_000), updatedAt: new Date(base + i * 86_400_000),
    })));
    const page1 = await (await history(req('GET', `/api/medical-records/patient-history/?patient_id=${p.id}&page_size=10`, d.token))).json();
    expect(page1.count).toBe(25);
    expect(page1.results.map((r: { symptoms: string }) => r.symptoms)).toEqual(Array.from({ length: 10 }, (_, i) => `visit ${24 - i}`));
    expect(page1.next).toContain('page=2');
    expect(page1.previous).toBeNull();
    const page3 = await (await history(req('GET', `/api/medical-records/patient-history/?patient_id=${p.id}&page_size=10&page=3`, p.token))).json();
    expect(page3.results.map((r: { symptoms: string }) => r.symptoms)).toEqual(['visit 4', 'visit 3', 'visit 2', 'visit 1', 'visit 0']);
    expect(page3.next).toBeNull();
    expect(page3.previous).toContain('page=2');

    const missing = await history(req('GET', '/api/medical-records/patient-history/', d.token));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields.patient_id[0]).toBe('Give the patient id.');
    expect((await history(req('GET', `/api/medical-records/patient-history/?patient_id=${p.id}`, stranger.token))).status).toBe(403);
    expect((await history(req('GET', `/api/medical-records/patient-history/?patient_id=${p.id}`, other.token))).status).toBe(403);
    expect((await history(req('GET', '/api/medical-records/patient-history/?patient_id=999999999', d.token))).status).toBe(404);
  });
});
