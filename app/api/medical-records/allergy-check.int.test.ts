/**
 * The allergy check at prescribing through the real medical-records routes, on both databases:
 * POST and PUT answer 409 `conflict` with `reason: "allergy"` and the matches, writing nothing;
 * `override_allergy_warning: true` saves, audits `record.allergy_override` and shows the override on
 * the record, its history and the patient history; unchanged medicines need no new confirmation.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as create } from '@/app/api/medical-records/route';
import { GET as getOne, PUT as put } from '@/app/api/medical-records/[id]/route';
import { GET as history } from '@/app/api/medical-records/patient-history/route';
import { q, tables } from '@/db';
import { createAppointment } from '@/db/repositories/appointments';
import { updatePatientByUserId } from '@/db/repositories/patients';
import type { Allergy } from '@/core/vocabulary';
import { makeUserWithToken } from '@/lib/testing/factories';

const BASE = 'http://127.0.0.1:3999';
function req(method: string, path: string, token: string, body?: unknown) {
  return new Request(`${BASE}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const line = (medicine: string) => ({ medicine, dose: '1 capsule', route: 'oral', frequency: '3 times a day', duration: '5 days' });

async function setup(allergies: Allergy[]) {
  const [d, p] = [await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
  await updatePatientByUserId(p.id, { allergies });
  const start = new Date(Date.now() - 600_000); // started 10 minutes ago: chartable at any hour
  const appointmentId = await createAppointment({ patientId: p.id, doctorId: d.id, startAt: start, endAt: new Date(start.getTime() + 1_200_000), status: 'confirmed', createdAt: new Date(), updatedAt: new Date() });
  return { d, p, appointmentId };
}
async function rowsOf(patientId: number) {
  const db = await q();
  const records = await db.select().from(tables.medicalRecords).where(eq(tables.medicalRecords.patientId, patientId));
  const audits = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.patientId, patientId));
  return { records, audits: audits.filter((a) => a.action.startsWith('record.') && a.action !== 'record.read') };
}
async function overrideAudits(recordId: number) {
  const db = await q();
  const e = tables.auditEvents;
  return db.select().from(e).where(and(eq(e.action, 'record.allergy_override'), eq(e.entityId, recordId)));
}

const PENICILLIN: Allergy = { substance: 'Penicillin', reaction: 'Anaphylaxis', severity: 'severe' };

describe('the allergy check when charting (POST /api/medical-records/)', () => {
  it('answers 409 reason "allergy" with the matches, and writes nothing (no record, no audit, appointment still open)', async () => {
    const { d, p, appointmentId } = await setup([PENICILLIN, { substance: 'Peanuts' }]);
    const res = await create(req('POST', '/api/medical-records/', d.token, {
      patient_id: p.id, appointment_id: appointmentId, symptoms: 'Sore throat',
      prescriptions: [line('Paracetamol 500 mg'), line('Amoxicillin 500 mg caps'), line('Ceftriaxone 1 g')],
    }));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'conflict', reason: 'allergy' });
    expect(body.error.message).toMatch(/Amoxicillin 500 mg caps — allergy to Penicillin/);
    expect(body.error.allergy_matches).toEqual([
      { line: 1, medicine: 'Amoxicillin 500 mg caps', allergy_substance: 'Penicillin', match: 'class', class: 'penicillins', severity: 'severe', reaction: 'Anaphylaxis' },
      { line: 2, medicine: 'Ceftriaxone 1 g', allergy_substance: 'Penicillin', match: 'cross_reactivity', class: 'cephalosporins', severity: 'severe', reaction: 'Anaphylaxis', note: expect.stringMatching(/cross-reactivity/) },
    ]);
    const { records, audits } = await rowsOf(p.id);
    expect(records).toEqual([]);
    expect(audits).toEqual([]);
    const db = await q();
    const [a] = await db.select().from(tables.appointments).where(eq(tables.appointments.id, appointmentId));
    expect(a.status).toBe('confirmed');
  });

  it('saves with "override_allergy_warning": true, audits the override and shows it on the record and the patient history', async () => {
    const { d, p, appointmentId } = await setup([PENICILLIN]);
    const res = await create(req('POST', '/api/medical-records/', d.token, {
      patient_id: p.id, appointment_id: appointmentId, symptoms: 'Sore throat', prescriptions: [line('Amoxicillin 500 mg caps')], override_allergy_warning: true,
    }));
    expect(res.status).toBe(201);
    const rec = await res.json();
    expect(rec.allergy_override).toEqual({
      confirmed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/), confirmed_by_id: d.id,
      allergy_matches: [{ medicine: 'Amoxicillin 500 mg caps', allergy_substance: 'Penicillin', match: 'class', class: 'penicillins', severity: 'severe', reaction: 'Anaphylaxis' }],
    });
    const [event] = await overrideAudits(rec.id);
    expect(event).toMatchObject({ actorUserId: d.id, patientId: p.id, entity: 'medical_record', outcome: 'success' });
    expect(event.details).toMatchObject({ version: 1, matches: [{ medicine: 'Amoxicillin 500 mg caps', allergySubstance: 'Penicillin', kind: 'class', className: 'penicillins' }] });

    const one = await (await getOne(req('GET', `/api/medical-records/${rec.id}/`, d.token), ctx(rec.id))).json();
    expect(one.allergy_override).toEqual(rec.allergy_override);
    const page = await (await history(req('GET', `/api/medical-records/patient-history/?patient_id=${p.id}`, d.token))).json();
    expect(page.results[0].allergy_override).toEqual(rec.allergy_override);
    const mine = await (await getOne(req('GET', `/api/medical-records/${rec.id}/`, p.token), ctx(rec.id))).json();
    expect(mine.allergy_override.allergy_matches).toHaveLength(1);
  });

  it('lets other medicines through: no warning and allergy_override null; the flag must be a boolean', async () => {
    const { d, p, appointmentId } = await setup([PENICILLIN, { substance: 'Sulfa' }]);
    const ok = await create(req('POST', '/api/medical-records/', d.token, {
      patient_id: p.id, appointment_id: appointmentId, symptoms: 'Cough', prescriptions: [line('Azithromycin 500 mg'), line('Ferrous sulphate 200 mg')],
    }));
    expect(ok.status).toBe(201);
    expect((await ok.json()).allergy_override).toBeNull();
    const bad = await create(req('POST', '/api/medical-records/', d.token, { patient_id: p.id, symptoms: 'Cough', prescriptions: [line('Amoxicillin')], override_allergy_warning: 'yes' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty('override_allergy_warning');
  });
});

describe('the allergy check when amending (PUT /api/medical-records/{id}/)', () => {
  it('refuses a new matching medicine (409, record unchanged), saves it when confirmed, and keeps a confirmed match without asking again', async () => {
    const { d, p, appointmentId } = await setup([{ substance: 'Aspirin', reaction: 'Wheezing', severity: 'moderate' }]);
    const rec = await (await create(req('POST', '/api/medical-records/', d.token, {
      patient_id: p.id, appointment_id: appointmentId, symptoms: 'Knee pain', prescriptions: [line('Paracetamol 1 g')],
    }))).json();
    expect(rec.allergy_override).toBeNull();

    const refused = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { prescriptions: [line('Paracetamol 1 g'), line('Ibuprofen 400mg')] }), ctx(rec.id));
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error).toMatchObject({ code: 'conflict', reason: 'allergy', allergy_matches: [{ line: 1, medicine: 'Ibuprofen 400mg', allergy_substance: 'Aspirin', match: 'class', class: 'NSAIDs (including aspirin)' }] });
    let { records, audits } = await rowsOf(p.id);
    expect(records[0].version).toBe(1);
    expect(audits.map((a) => a.action)).toEqual(['record.create']);

    const saved = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { prescriptions: [line('Paracetamol 1 g'), line('Ibuprofen 400mg')], override_allergy_warning: true, reason: 'Needs an anti-inflammatory' }), ctx(rec.id));
    expect(saved.status).toBe(200);
    const v2 = await saved.json();
    expect(v2).toMatchObject({ version: 2, status: 'amended', allergy_override: { confirmed_by_id: d.id, allergy_matches: [{ medicine: 'Ibuprofen 400mg', allergy_substance: 'Aspirin', match: 'class' }] } });
    expect(await overrideAudits(rec.id)).toHaveLength(1);

    // Notes changed, the same lines sent again: no new confirmation, the override stays.
    const again = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { notes: 'Review in 2 weeks', prescriptions: [line('Paracetamol 1 g'), line('Ibuprofen 400mg')] }), ctx(rec.id));
    expect(again.status).toBe(200);
    const v3 = await again.json();
    expect(v3.version).toBe(3);
    expect(v3.allergy_override).toEqual(v2.allergy_override);
    expect(await overrideAudits(rec.id)).toHaveLength(1);

    // A confirmed match stays confirmed when another (harmless) line is added.
    const added = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { prescriptions: [line('Ibuprofen 400mg'), line('Omeprazole 20 mg')] }), ctx(rec.id));
    expect(added.status).toBe(200);
    expect((await added.json()).allergy_override.allergy_matches).toHaveLength(1);

    // The history shows version 1 without an override and version 2 with it.
    const full = await (await getOne(req('GET', `/api/medical-records/${rec.id}/`, d.token), ctx(rec.id))).json();
    expect(full.history.map((h: { version: number; allergy_override: unknown }) => [h.version, h.allergy_override === null])).toEqual([[1, true], [2, false], [3, false]]);
    ({ records, audits } = await rowsOf(p.id));
    expect(records[0].version).toBe(4);
  });
});

describe('the allergy check on the free-text prescription (the seed\'s "prescription" field)', () => {
  const FREE_MATCH = { source: 'prescription', medicine: 'Amoxicillin 500mg tds x5d', allergy_substance: 'Penicillin', match: 'class', class: 'penicillins', severity: 'severe', reaction: 'Anaphylaxis' };

  it('POST: answers 409 with the match and writes nothing; with the override saves, audits and shows it', async () => {
    const { d, p, appointmentId } = await setup([PENICILLIN]);
    const body = { patient_id: p.id, appointment_id: appointmentId, symptoms: 'cough', prescription: 'Paracetamol 1g tds; Amoxicillin 500mg tds x5d' };
    const refused = await create(req('POST', '/api/medical-records/', d.token, body));
    expect(refused.status).toBe(409);
    const err = (await refused.json()).error;
    expect(err).toMatchObject({ code: 'conflict', reason: 'allergy' });
    expect(err.allergy_matches).toEqual([FREE_MATCH]);
    expect(err.message).toMatch(/Amoxicillin 500mg tds x5d — allergy to Penicillin/);
    expect(await rowsOf(p.id)).toEqual({ records: [], audits: [] });

    const saved = await create(req('POST', '/api/medical-records/', d.token, { ...body, override_allergy_warning: true }));
    expect(saved.status).toBe(201);
    const rec = await saved.json();
    expect(rec.prescription).toBe('Paracetamol 1g tds; Amoxicillin 500mg tds x5d');
    expect(rec.allergy_override).toMatchObject({ confirmed_by_id: d.id, allergy_matches: [FREE_MATCH] });
    const [event] = await overrideAudits(rec.id);
    expect(event.details).toMatchObject({ version: 1, matches: [{ medicine: 'Amoxicillin 500mg tds x5d', source: 'prescription', allergySubstance: 'Penicillin', kind: 'class' }] });
    const one = await (await getOne(req('GET', `/api/medical-records/${rec.id}/`, d.token), ctx(rec.id))).json();
    expect(one.allergy_override).toEqual(rec.allergy_override);
  });

  it('PUT: a new matching free text is refused (record unchanged), saved when confirmed, and not asked again while it stays', async () => {
    const { d, p, appointmentId } = await setup([PENICILLIN]);
    const rec = await (await create(req('POST', '/api/medical-records/', d.token, {
      patient_id: p.id, appointment_id: appointmentId, symptoms: 'cough', prescription: 'Paracetamol 1g tds',
    }))).json();
    expect(rec.allergy_override).toBeNull();

    const refused = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { prescription: 'Amoxicillin 1g', reason: 'x' }), ctx(rec.id));
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({ code: 'conflict', reason: 'allergy', allergy_matches: [{ source: 'prescription', medicine: 'Amoxicillin 1g', allergy_substance: 'Penicillin', match: 'class' }] });
    let { records, audits } = await rowsOf(p.id);
    expect(records[0]).toMatchObject({ version: 1, allergyOverride: null });
    expect(audits.map((a) => a.action)).toEqual(['record.create']);
    const still = await (await getOne(req('GET', `/api/medical-records/${rec.id}/`, d.token), ctx(rec.id))).json();
    expect(still.prescription).toBe('Paracetamol 1g tds');

    const saved = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { prescription: 'Amoxicillin 1g', reason: 'x', override_allergy_warning: true }), ctx(rec.id));
    expect(saved.status).toBe(200);
    const v2 = await saved.json();
    expect(v2).toMatchObject({ version: 2, prescription: 'Amoxicillin 1g', allergy_override: { confirmed_by_id: d.id, allergy_matches: [{ source: 'prescription', medicine: 'Amoxicillin 1g', allergy_substance: 'Penicillin' }] } });
    expect(await overrideAudits(rec.id)).toHaveLength(1);

    // Notes changed with the free text left as it is, then another medicine added to it: the confirmed amoxicillin is not asked again.
    const notes = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { notes: 'Review in a week' }), ctx(rec.id));
    expect(notes.status).toBe(200);
    expect((await notes.json()).allergy_override).toEqual(v2.allergy_override);
    const added = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { prescription: 'Amoxicillin 1g\nParacetamol 1g tds' }), ctx(rec.id));
    expect(added.status).toBe(200);
    expect((await added.json()).allergy_override).toEqual(v2.allergy_override);
    // A new matching medicine in the text is asked for.
    const cef = await put(req('PUT', `/api/medical-records/${rec.id}/`, d.token, { prescription: 'Amoxicillin 1g and Cefalexin 500mg qds' }), ctx(rec.id));
    expect(cef.status).toBe(409);
    expect((await cef.json()).error.allergy_matches).toEqual([expect.objectContaining({ source: 'prescription', medicine: 'Cefalexin 500mg qds', match: 'cross_reactivity' })]);
    expect(await overrideAudits(rec.id)).toHaveLength(1);
    ({ records } = await rowsOf(p.id));
    expect(records[0].version).toBe(4);
  });
});
