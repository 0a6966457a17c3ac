/**
 * Merging two patient records of one person (`POST /api/patient-profiles/{id}/merge/`, through the real
 * route handlers with bearer tokens, on SQLite and MariaDB): what moves (appointments with their
 * occupancy cells, records with their diagnoses, imported ids, allergies), the fields chosen per field,
 * the audit, the merged record's 404 with `merged_into` on every read route, lists and search without
 * it, its sign-in ended, refusals that change nothing (not an admin, itself, unknown, already merged,
 * overlapping appointments), and the dashboard's summary tables still equal to the live computation
 * and to a rebuild from scratch.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as merge } from '@/app/api/patient-profiles/[id]/merge/route';
import { GET as getProfile, PUT as putProfile } from '@/app/api/patient-profiles/[id]/route';
import { GET as listProfiles } from '@/app/api/patient-profiles/route';
import { GET as getUser } from '@/app/api/users/[id]/route';
import { GET as listUsers } from '@/app/api/users/route';
import { GET as history } from '@/app/api/medical-records/patient-history/route';
import { POST as postAppointment } from '@/app/api/appointments/route';
import { POST as postRecord } from '@/app/api/medical-records/route';
import { q, tables } from '@/db';
import { createAppointment, updateAppointment } from '@/db/repositories/appointments';
import { findExternalId, linkExternalId } from '@/db/repositories/external-ids';
import { findPatientProfileByUserId, updatePatientProfileRows } from '@/db/repositories/patient-profiles';
import { createMedicalRecord } from '@/db/repositories/records';
import * as live from '@/db/repositories/stats-live';
import { countPatientsInDays, countPatientsSeenInDays, countVisitsPerDoctorInDays } from '@/db/repositories/stats-queries';
import { rebuildVisitStats } from '@/db/repositories/stats-rebuild';
import { findUserById, updateUser } from '@/db/repositories/users';
import { searchPatientsForStaff } from '@/lib/patients/search-patients';
import { apiTokenFor, makeUser } from '@/lib/testing/factories';
import { AGE_BANDS, ageBand } from '@/core/age-bands';
import { ageOn, clinicInstant, clinicZone } from '@/core/time';
import { DateTime } from 'luxon';

const BASE = 'http://127.0.0.1:3999';
function req(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const mergeCall = (intoProfile: number, token: string, body: unknown) => merge(req('POST', `/api/patient-profiles/${intoProfile}/merge/`, token, body) as never, ctx(intoProfile));

let n = 0;
/** A patient with profile fields, a completed visit charted on `visitDay` with `code`, and a pending appointment at `pendingAt`. */
async function patientWithHistory(opts: { name: string; doctorId: number; visitDay: string; code: string; pendingAt?: Date; profile?: Parameters<typeof updatePatientProfileRows>[2]; phone?: string | null }) {
  n += 1;
  const u = await makeUser('patient', { name: opts.name });
  await updatePatientProfileRows(u.id, { phone: opts.phone === undefined ? null : opts.phone }, { sex: 'female', dateOfBirth: '1980-04-02', ...opts.profile });
  const at = clinicInstant(opts.visitDay, '10:00');
  const apptId = await createAppointment({ patientId: u.id, doctorId: opts.doctorId, startAt: at, endAt: new Date(at.getTime() + 20 * 60_000), status: 'completed', createdAt: at, updatedAt: at });
  const recordId = await createMedicalRecord({ patientId: u.id, doctorId: opts.doctorId, appointmentId: apptId, status: 'final', version: 1, createdAt: at, updatedAt: at },
    [{ system: 'ICD-10', code: opts.code, display: opts.code, rank: 'primary', certainty: 'confirmed' }]);
  // A completed appointment without a record: a visit of its own in the statistics.
  const at2 = clinicInstant(opts.visitDay, '15:00');
  const bareId = await createAppointment({ patientId: u.id, doctorId: opts.doctorId, startAt: at2, endAt: new Date(at2.getTime() + 20 * 60_000), status: 'completed', createdAt: at2, updatedAt: at2 });
  let pendingId: number | undefined;
  if (opts.pendingAt) {
    pendingId = await createAppointment({ patientId: u.id, doctorId: opts.doctorId, startAt: opts.pendingAt, endAt: new Date(opts.pendingAt.getTime() + 20 * 60_000), status: 'pending', createdAt: new Date(), updatedAt: new Date() });
  }
  const profile = (await findPatientProfileByUserId(u.id))!;
  return { ...u, profileId: profile.patient.id, number: profile.patient.patientNumber, apptId, bareId, recordId, pendingId, token: await apiTokenFor(u.id) };
}

/** Rows that a merge may change, for "a refusal changes nothing". */
async function state(...userIds: number[]) {
  const db = await q();
  const { users: u, patients: p, appointments: a, medicalRecords: r, appointmentCells: c, statsVisits: s, auditEvents: e } = tables;
  return {
    users: await db.select().from(u).where(inArray(u.id, userIds)).orderBy(asc(u.id)),
    patients: await db.select().from(p).where(inArray(p.userId, userIds)).orderBy(asc(p.id)),
    appts: await db.select({ id: a.id, patientId: a.patientId }).from(a).where(inArray(a.patientId, userIds)).orderBy(asc(a.id)),
    records: await db.select({ id: r.id, patientId: r.patientId }).from(r).where(inArray(r.patientId, userIds)).orderBy(asc(r.id)),
    cells: await db.select({ id: c.id, partyId: c.partyId }).from(c).where(and(eq(c.party, 'patient'), inArray(c.partyId, userIds))).orderBy(asc(c.id)),
    stats: await db.select().from(s).where(inArray(s.patientId, userIds)).orderBy(asc(s.id)),
    merges: await db.select({ id: e.id }).from(e).where(eq(e.action, 'patient.merge')),
  };
}

/** The summary tables as rows (zero counts dropped), to compare with a rebuild from scratch. */
async function summaries() {
  const db = await q();
  const strip = <T extends { n: number }>(rows: T[]) => rows.filter((x) => x.n !== 0).map((x) => JSON.stringify(x)).sort();
  return {
    visits: (await db.select().from(tables.statsVisits)).map(({ id: _id, ...v }) => JSON.stringify(v)).sort(),
    perDoctor: strip(await db.select().from(tables.statsVisitsDaily)),
    dx: strip(await db.select().from(tables.statsDiagnosesDaily)),
    registered: strip(await db.select().from(tables.statsPatientsDaily)),
  };
}

/** Summary = live computation over all time (patients registered, per doctor, patients seen by sex and age band). */
async function expectSummariesEqualLive() {
  const days = { fromDay: 20000101, toDay: 21000101 };
  const range = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };
  expect(await countPatientsInDays(days)).toEqual(await live.countPatientsTotalAndNew(range));
  expect(await countVisitsPerDoctorInDays(days)).toEqual(await live.countVisitsPerDoctor(range));
  const seen = new Map<string, number>();
  for (const g of await countPatientsSeenInDays(days)) seen.set(`${g.sex}|${g.ageBand === null ? '?' : AGE_BANDS[g.ageBand]}`, g.patients);
  const expected = new Map<string, number>();
  for (const p of await live.listPatientsSeen(range)) {
    const band = p.dateOfBirth ? ageBand(ageOn(p.dateOfBirth, DateTime.fromJSDate(p.firstVisitAt, { zone: clinicZone() }).toISODate() as string)) : '?';
    expected.set(`${p.sex}|${band}`, (expected.get(`${p.sex}|${band}`) ?? 0) + 1);
  }
  expect(Object.fromEntries([...seen].sort())).toEqual(Object.fromEntries([...expected].sort()));
  const before = await summaries();
  await rebuildVisitStats();
  expect(await summaries()).toEqual(before);
}

describe('POST /api/patient-profiles/{id}/merge/', () => {
  it('moves appointments, records, imported ids and allergies, keeps the chosen fields, audits, and answers the survivor', async () => {
    const admin = await makeUser('admin');
    const adminToken = await apiTokenFor(admin.id);
    const doctor = await makeUser('doctor');
    const soon = new Date(Date.now() + 3 * 86_400_000);
    soon.setUTCMinutes(0, 0, 0);
    const a = await patientWithHistory({
      name: 'Amina Wanjiru', doctorId: doctor.id, visitDay: '2025-11-10', code: 'I10', pendingAt: soon, phone: null,
      profile: { allergies: [{ substance: 'Penicillin' }], bloodType: null, medicalHistory: 'Hypertension since 2019' },
    });
    const b = await patientWithHistory({
      name: 'Amina Wanjiru Kamau', doctorId: doctor.id, visitDay: '2025-11-03', code: 'B54', pendingAt: new Date(soon.getTime() + 3_600_000), phone: '+254712000111',
      profile: { sex: 'male', allergies: [{ substance: 'penicillin', reaction: 'Rash' }, { substance: 'Sulfa drugs', severity: 'severe' }], bloodType: 'O+', medicalHistory: 'Asthma', emergencyContactName: 'Joseph', emergencyContactPhone: '+254733000222' },
    });
    await linkExternalId('urn:test', 'Patient', `merge-${b.id}`, 'user', b.id);

    const res = await mergeCall(a.profileId, adminToken, { merge_from: b.profileId, fields: { name: 'merged', gender: 'survivor' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      id: a.profileId, user_id: a.id, patient_number: a.number, name: 'Amina Wanjiru Kamau', gender: 'female', blood_type: 'O+',
      contact_info: { phone: '+254712000111' }, emergency_contact_info: { name: 'Joseph', phone: '+254733000222' }, is_active: true,
      medical_history: 'Hypertension since 2019\n\nAsthma',
    });
    expect(body.allergies).toEqual([{ substance: 'Penicillin', reaction: 'Rash' }, { substance: 'Sulfa drugs', severity: 'severe' }]);

    const db = await q();
    const { appointments: ap, medicalRecords: mr, appointmentCells: c, diagnoses: d } = tables;
    const appts = await db.select({ id: ap.id, patientId: ap.patientId }).from(ap).where(inArray(ap.id, [b.apptId, b.bareId, b.pendingId!]));
    expect(appts.every((x) => x.patientId === a.id)).toBe(true);
    const [rec] = await db.select({ patientId: mr.patientId }).from(mr).where(eq(mr.id, b.recordId));
    expect(rec.patientId).toBe(a.id);
    expect(await db.select().from(d).where(eq(d.recordId, b.recordId))).toHaveLength(1);
    const cells = await db.select({ partyId: c.partyId }).from(c).where(and(eq(c.appointmentId, b.pendingId!), eq(c.party, 'patient')));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((x) => x.partyId === a.id)).toBe(true);
    expect((await findExternalId('urn:test', 'Patient', `merge-${b.id}`))?.entityId).toBe(a.id);

    // The merged record stays, inactive and pointing to the survivor; its token no longer works.
    const gone = (await findUserById(b.id))!;
    expect(gone).toMatchObject({ isActive: false, mergedIntoId: a.id });
    expect((await findPatientProfileByUserId(b.id))?.patient.patientNumber).toBe(b.number);
    expect((await getUser(req('GET', `/api/users/${b.id}/`, b.token) as never, ctx(b.id))).status).toBe(401);

    // Audit: one patient.merge naming both and the choices; one patient.merged_away on the other.
    const { auditEvents: e } = tables;
    const [entry] = await db.select().from(e).where(and(eq(e.action, 'patient.merge'), eq(e.patientId, a.id)));
    const details = typeof entry.details === 'string' ? JSON.parse(entry.details) : entry.details;
    expect(entry.actorUserId).toBe(admin.id);
    expect(details).toMatchObject({
      survivor: { user_id: a.id, profile_id: a.profileId, patient_number: a.number },
      merged: { user_id: b.id, profile_id: b.profileId, patient_number: b.number },
      fields: { name: 'merged', gender: 'survivor', phone: 'merged', blood_type: 'merged', medical_history: 'both', email: 'survivor' },
      allergies_added: ['Sulfa drugs'],
    });
    expect([...details.moved.appointments].sort()).toEqual([b.apptId, b.bareId, b.pendingId].sort());
    expect(details.moved.medical_records).toEqual([b.recordId]);
    expect(await db.select({ id: e.id }).from(e).where(and(eq(e.action, 'patient.merged_away'), eq(e.patientId, b.id)))).toHaveLength(1);

    // Reads of the merged record: 404 with the survivor's id in the route's own id space.
    const r1 = await getProfile(req('GET', `/api/patient-profiles/${b.profileId}/`, adminToken) as never, ctx(b.profileId));
    expect(r1.status).toBe(404);
    expect((await r1.json()).error).toMatchObject({ code: 'not_found', merged_into: a.profileId });
    const r2 = await getUser(req('GET', `/api/users/${b.id}/`, adminToken) as never, ctx(b.id));
    expect(r2.status).toBe(404);
    expect((await r2.json()).error).toMatchObject({ code: 'not_found', merged_into: a.id });
    const r3 = await history(req('GET', `/api/medical-records/patient-history/?patient_id=${b.id}`, adminToken) as never);
    expect(r3.status).toBe(404);
    expect((await r3.json()).error).toMatchObject({ code: 'not_found', merged_into: a.id });
    const doctorToken = await apiTokenFor(doctor.id);
    const r4 = await history(req('GET', `/api/medical-records/patient-history/?patient_id=${b.id}`, doctorToken) as never);
    expect((await r4.json()).error).toMatchObject({ code: 'not_found', merged_into: a.id });
    const r5 = await putProfile(req('PUT', `/api/patient-profiles/${b.profileId}/`, adminToken, { medical_history: 'x' }) as never, ctx(b.profileId));
    expect(r5.status).toBe(404);
    // Booking and charting name the survivor instead of accepting the merged record.
    const book = await postAppointment(req('POST', '/api/appointments/', adminToken, { doctor_id: doctor.id, patient_id: b.id, date_time: new Date(Date.now() + 9 * 86_400_000).toISOString() }) as never);
    expect(book.status).toBe(400);
    expect((await book.json()).error).toMatchObject({ code: 'validation_error', merged_into: a.id, fields: { patient_id: [expect.stringContaining(String(a.id))] } });
    const chart = await postRecord(req('POST', '/api/medical-records/', doctorToken, { patient_id: b.id, symptoms: 'Cough' }) as never);
    expect(chart.status).toBe(400);
    expect((await chart.json()).error).toMatchObject({ merged_into: a.id });
    // The survivor's history has both visits.
    const h = await (await history(req('GET', `/api/medical-records/patient-history/?patient_id=${a.id}`, adminToken) as never)).json();
    expect(h.results.map((x: { id: number }) => x.id).sort()).toEqual([a.recordId, b.recordId].sort());

    // Lists and search leave the merged record out.
    const lp = await (await listProfiles(req('GET', '/api/patient-profiles/?q=Amina&page_size=100', adminToken) as never)).json();
    expect(lp.results.map((x: { user_id: number }) => x.user_id)).toEqual([a.id]);
    const lu = await (await listUsers(req('GET', '/api/users/?q=amina&page_size=100', adminToken) as never)).json();
    expect(lu.results.map((x: { id: number }) => x.id)).toEqual([a.id]);
    const found = await searchPatientsForStaff({ id: admin.id, role: 'admin', name: 'A', mustChangePassword: false } as never, b.number);
    expect(found.map((x: { userId: number }) => x.userId)).not.toContain(b.id);

    await expectSummariesEqualLive();
  });

  it('moves the merged record\'s account (email and password) when its email is chosen', async () => {
    const admin = await makeUser('admin');
    const doctor = await makeUser('doctor');
    const a = await patientWithHistory({ name: 'Walk In', doctorId: doctor.id, visitDay: '2025-10-01', code: 'J06.9' });
    const b = await patientWithHistory({ name: 'Walk In', doctorId: doctor.id, visitDay: '2025-10-02', code: 'J06.9' });
    await (await q()).update(tables.users).set({ email: null, passwordHash: null }).where(eq(tables.users.id, a.id));
    const res = await mergeCall(a.profileId, await apiTokenFor(admin.id), { merge_from: b.profileId, fields: { email: 'merged' } });
    expect(res.status).toBe(200);
    const survivor = (await findUserById(a.id))!;
    const merged = (await findUserById(b.id))!;
    expect(survivor.email).toBe(b.email);
    expect(merged.email).toBeNull();
    expect(survivor.passwordHash).toBeTruthy();
    await expectSummariesEqualLive();
  });

  it('refuses non-admins, itself, unknown ids, already merged records and overlapping appointments, changing nothing', async () => {
    const admin = await makeUser('admin');
    const adminToken = await apiTokenFor(admin.id);
    const doctor = await makeUser('doctor');
    const when = new Date(Date.now() + 5 * 86_400_000);
    when.setUTCMinutes(0, 0, 0);
    const a = await patientWithHistory({ name: 'Overlap One', doctorId: doctor.id, visitDay: '2025-09-01', code: 'I10', pendingAt: when });
    const otherDoctor = await makeUser('doctor');
    const b = await patientWithHistory({ name: 'Overlap One', doctorId: otherDoctor.id, visitDay: '2025-09-02', code: 'I10', pendingAt: new Date(when.getTime() + 10 * 60_000) });
    const before = await state(a.id, b.id);

    const asDoctor = await mergeCall(a.profileId, await apiTokenFor(doctor.id), { merge_from: b.profileId });
    expect(asDoctor.status).toBe(403);
    expect((await mergeCall(a.profileId, a.token, { merge_from: b.profileId })).status).toBe(403);
    expect((await mergeCall(a.profileId, '', { merge_from: b.profileId })).status).toBe(401);

    const self = await mergeCall(a.profileId, adminToken, { merge_from: a.profileId });
    expect(self.status).toBe(400);
    expect((await self.json()).error.fields.merge_from).toBeDefined();
    const unknown = await mergeCall(a.profileId, adminToken, { merge_from: 999_999_999 });
    expect(unknown.status).toBe(400);
    expect((await mergeCall(999_999_999, adminToken, { merge_from: b.profileId })).status).toBe(404);
    expect((await mergeCall(a.profileId, adminToken, { merge_from: b.profileId, fields: { name: 'both' } })).status).toBe(400);

    const overlap = await mergeCall(a.profileId, adminToken, { merge_from: b.profileId });
    expect(overlap.status).toBe(409);
    const err = (await overlap.json()).error;
    expect(err.code).toBe('conflict');
    expect(err.appointments).toEqual([expect.objectContaining({ id: b.pendingId, overlaps_id: a.pendingId })]);
    expect(await state(a.id, b.id)).toEqual(before);

    // A deactivated survivor would leave the person without an active record: refused until reactivated.
    await updateUser(a.id, { isActive: false });
    const beforeInactive = await state(a.id, b.id);
    const inactive = await mergeCall(a.profileId, adminToken, { merge_from: b.profileId });
    expect(inactive.status).toBe(409);
    expect((await inactive.json()).error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/deactivated.*Reactivate it first/) });
    expect(await state(a.id, b.id)).toEqual(beforeInactive);
    await updateUser(a.id, { isActive: true });

    // Once the clash is gone the merge goes through; then the merged record cannot be merged again, nor receive one.
    await updateAppointment(b.pendingId!, { status: 'cancelled' });
    expect((await mergeCall(a.profileId, adminToken, { merge_from: b.profileId })).status).toBe(200);
    const c = await patientWithHistory({ name: 'Overlap One', doctorId: doctor.id, visitDay: '2025-09-03', code: 'I10' });
    const again = await mergeCall(c.profileId, adminToken, { merge_from: b.profileId });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: 'conflict', merged_into: a.profileId });
    const into = await mergeCall(b.profileId, adminToken, { merge_from: c.profileId });
    expect(into.status).toBe(404);
    expect((await into.json()).error).toMatchObject({ merged_into: a.profileId });
    // Merging the survivor on into a third record re-points the first merge there.
    expect((await mergeCall(c.profileId, adminToken, { merge_from: a.profileId })).status).toBe(200);
    expect((await findUserById(b.id))?.mergedIntoId).toBe(c.id);
    await expectSummariesEqualLive();
  });

  it('two admins merging the same pair in opposite directions at once: one merge happens, the other is refused', async () => {
    const admin = await makeUser('admin');
    const token = await apiTokenFor(admin.id);
    const doctor = await makeUser('doctor');
    const a = await patientWithHistory({ name: 'Race Left', doctorId: doctor.id, visitDay: '2025-08-01', code: 'I10' });
    const b = await patientWithHistory({ name: 'Race Left', doctorId: doctor.id, visitDay: '2025-08-02', code: 'I10' });
    const [x, y] = await Promise.all([
      mergeCall(a.profileId, token, { merge_from: b.profileId }),
      mergeCall(b.profileId, token, { merge_from: a.profileId }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 404]);
    const winner = x.status === 200 ? a : b;
    const loser = winner === a ? b : a;
    expect((await (x.status === 200 ? y : x).json()).error).toMatchObject({ code: 'not_found', merged_into: winner.profileId });
    expect((await findUserById(loser.id))?.mergedIntoId).toBe(winner.id);
    expect((await findUserById(winner.id))?.mergedIntoId).toBeNull();
    const db = await q();
    const e = tables.auditEvents;
    expect(await db.select({ id: e.id }).from(e).where(and(eq(e.action, 'patient.merge'), inArray(e.patientId, [a.id, b.id])))).toHaveLength(1);
    await expectSummariesEqualLive();
  });
});
