/**
 * Booking through the real route handlers on both databases: no double booking held by the database
 * (50 concurrent requests for one slot → one 201, 49 × 409), the occupancy constraint's negative
 * control, cancelling frees the slot, the status workflow and its refusals, rescheduling with history.
 */
import { DateTime } from 'luxon';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as book, GET as list } from '@/app/api/appointments/route';
import { GET as getOne, PUT as put, DELETE as del } from '@/app/api/appointments/[id]/route';
import { POST as confirm } from '@/app/api/appointments/[id]/confirm/route';
import { POST as complete } from '@/app/api/appointments/[id]/complete/route';
import { POST as cancel } from '@/app/api/appointments/[id]/cancel/route';
import { POST as noShow } from '@/app/api/appointments/[id]/no-show/route';
import { getDatabase, q, tables } from '@/db';
import { appendAppointmentEvent, listAppointmentEvents } from '@/db/repositories/appointment-events';
import { createAppointment } from '@/db/repositories/appointments';
import { makeUser, apiTokenFor } from '@/lib/testing/factories';
import { clinicZone } from '@/core/time';

const BASE = 'http://127.0.0.1:3999';
function req(method: string, path: string, token: string, body?: unknown) {
  return new Request(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

/** A doctor working every day 08:00–17:00 clinic time, 20-minute slots. */
async function doctorWithHours() {
  const d = await makeUser('doctor');
  const db = await q();
  await db.insert(tables.workingHours).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ doctorId: d.id, weekday, startMinute: 8 * 60, endMinute: 17 * 60 })));
  return { ...d, token: await apiTokenFor(d.id) };
}
async function patient() {
  const p = await makeUser('patient');
  return { ...p, token: await apiTokenFor(p.id) };
}
let dayOffset = 20;
/** A clinic-time instant `hh:mm` on a fresh future day (each call a different day). */
function futureAt(hhmm: string, day = dayOffset++) {
  const d = DateTime.now().setZone(clinicZone()).plus({ days: day }).toISODate();
  return DateTime.fromISO(`${d}T${hhmm}`, { zone: clinicZone() }).toISO() as string;
}

/** A pending appointment that started 10 minutes ago (it may be completed or marked a no-show). */
async function startedAppointment(doctorId: number, patientId: number) {
  const start = new Date(Date.now() - 10 * 60_000);
  const end = new Date(start.getTime() + 20 * 60_000);
  const id = await createAppointment({ patientId, doctorId, startAt: start, endAt: end, status: 'pending', createdAt: new Date(), updatedAt: new Date() });
  await appendAppointmentEvent({ appointmentId: id, at: new Date(), toStatus: 'pending' });
  return { id };
}

async function activeAt(doctorId: number) {
  const db = await q();
  const a = tables.appointments;
  return db.select().from(a).where(and(eq(a.doctorId, doctorId), inArray(a.status, ['pending', 'confirmed'])));
}

describe('no double booking, held by the database', () => {
  it('50 concurrent requests for one slot: exactly one 201, the rest 409 naming the conflict', async () => {
    const doctor = await doctorWithHours();
    const patients = await Promise.all(Array.from({ length: 50 }, () => patient()));
    const at = futureAt('09:20');
    const responses = await Promise.all(patients.map((p) => book(req('POST', '/api/appointments/', p.token, { doctor_id: doctor.id, date_time: at, reason: 'race' }))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const losers = await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.json()));
    for (const l of losers) {
      expect(l.error.code).toBe('conflict');
      expect(l.error.conflict).toBe('doctor');
      expect(l.error.message).toContain(doctor.name);
    }
    expect(await activeAt(doctor.id)).toHaveLength(1);
  });

  it('a patient cannot hold two overlapping appointments with different doctors', async () => {
    const [d1, d2, p] = [await doctorWithHours(), await doctorWithHours(), await patient()];
    const at = futureAt('10:00');
    expect((await book(req('POST', '/api/appointments/', p.token, { doctor_id: d1.id, date_time: at }))).status).toBe(201);
    const second = await book(req('POST', '/api/appointments/', p.token, { doctor_id: d2.id, date_time: at }));
    expect(second.status).toBe(409);
    const body = await second.json();
    expect(body.error.conflict).toBe('patient');
    expect(body.error.message).toMatch(/^You already have an appointment/);
  });

  it('cancelling frees the slot again', async () => {
    const [d, p1, p2] = [await doctorWithHours(), await patient(), await patient()];
    const at = futureAt('11:00');
    const first = await (await book(req('POST', '/api/appointments/', p1.token, { doctor_id: d.id, date_time: at }))).json();
    expect((await book(req('POST', '/api/appointments/', p2.token, { doctor_id: d.id, date_time: at }))).status).toBe(409);
    const c = await cancel(req('POST', `/api/appointments/${first.id}/cancel/`, p1.token, { reason: 'feeling better' }), ctx(first.id));
    expect(c.status).toBe(200);
    expect((await c.json()).status).toBe('cancelled');
    expect((await book(req('POST', '/api/appointments/', p2.token, { doctor_id: d.id, date_time: at }))).status).toBe(201);
  });

  it('negative control: with the unique constraint removed, concurrent bookings double-book', async () => {
    const database = await getDatabase();
    const drop = database.dialect === 'sqlite'
      ? 'DROP INDEX appointment_cells_party_cell_uq'
      : 'ALTER TABLE appointment_cells DROP INDEX appointment_cells_party_cell_uq';
    const restore = 'CREATE UNIQUE INDEX appointment_cells_party_cell_uq ON appointment_cells (party, party_id, cell_start)';
    await database.unsafeExec(drop);
    try {
      const doctor = await doctorWithHours();
      const patients = await Promise.all(Array.from({ length: 10 }, () => patient()));
      const at = futureAt('09:40');
      const responses = await Promise.all(patients.map((p) => book(req('POST', '/api/appointments/', p.token, { doctor_id: doctor.id, date_time: at }))));
      const created = responses.filter((r) => r.status === 201).length;
      expect(created).toBeGreaterThan(1); // the rule lives in the constraint, not in a check-then-insert
      // Leave the table consistent for the index to come back: cancel the extra bookings' cells.
      const rows = await activeAt(doctor.id);
      const db = await q();
      await db.delete(tables.appointmentCells).where(inArray(tables.appointmentCells.appointmentId, rows.map((r) => r.id)));
      await db.update(tables.appointments).set({ status: 'cancelled' }).where(inArray(tables.appointments.id, rows.map((r) => r.id)));
    } finally {
      await database.unsafeExec(restore);
    }
  });
});

describe('booking rules', () => {
  it('refuses a time outside working hours or off the slot grid, and a past time, with field errors', async () => {
    const [d, p] = [await doctorWithHours(), await patient()];
    for (const at of [futureAt('07:40'), futureAt('17:00'), futureAt('09:10'), '2020-01-06T09:00:00+03:00']) {
      const r = await book(req('POST', '/api/appointments/', p.token, { doctor_id: d.id, date_time: at }));
      expect(r.status, at).toBe(400);
      const body = await r.json();
      expect(body.error.code).toBe('validation_error');
      expect(body.error.fields.date_time[0]).toBeTruthy();
    }
    expect(await activeAt(d.id)).toHaveLength(0);
  });

  it('patients book only for themselves; staff must name the patient', async () => {
    const [d, p, other] = [await doctorWithHours(), await patient(), await patient()];
    const forOther = await book(req('POST', '/api/appointments/', p.token, { doctor_id: d.id, patient_id: other.id, date_time: futureAt('09:00') }));
    expect(forOther.status).toBe(403);
    const staffNoPatient = await book(req('POST', '/api/appointments/', d.token, { doctor_id: d.id, date_time: futureAt('09:00') }));
    expect(staffNoPatient.status).toBe(400);
    expect((await staffNoPatient.json()).error.fields.patient_id).toBeDefined();
    const staff = await book(req('POST', '/api/appointments/', d.token, { doctor_id: d.id, patient_id: other.id, date_time: futureAt('09:00') }));
    expect(staff.status).toBe(201);
  });

  it('answers 400 for malformed input and writes nothing', async () => {
    const [d, p] = [await doctorWithHours(), await patient()];
    for (const body of [{}, { doctor_id: 'x', date_time: futureAt('09:00') }, { doctor_id: d.id, date_time: 'tomorrow' }]) {
      const r = await book(req('POST', '/api/appointments/', p.token, body));
      expect(r.status).toBe(400);
      expect((await r.json()).error.code).toBe('validation_error');
    }
    expect(await activeAt(d.id)).toHaveLength(0);
  });
});

describe('status workflow', () => {
  it('pending → confirmed → completed; other transitions are 409 with the allowed ones listed', async () => {
    const [d, p] = [await doctorWithHours(), await patient()];
    const future = await (await book(req('POST', '/api/appointments/', p.token, { doctor_id: d.id, date_time: futureAt('13:00') }))).json();
    expect(future.status).toBe('pending');
    const tooEarly = await complete(req('POST', '/x', d.token), ctx(future.id));
    expect(tooEarly.status).toBe(409); // not a day early
    expect((await tooEarly.json()).error.allowed).toEqual(['confirm', 'cancel', 'reschedule']);
    const a = await startedAppointment(d.id, p.id);
    expect((await confirm(req('POST', `/x`, p.token), ctx(a.id))).status).toBe(403); // patients only cancel
    const early = await noShow(req('POST', '/x', d.token), ctx(a.id));
    expect(early.status).toBe(409);
    expect((await early.json()).error.allowed).toEqual(['confirm', 'complete', 'cancel', 'reschedule']);
    expect((await (await confirm(req('POST', '/x', d.token), ctx(a.id))).json()).status).toBe('confirmed');
    const again = await confirm(req('POST', '/x', d.token), ctx(a.id));
    expect(again.status).toBe(409);
    expect((await again.json()).error.allowed).toEqual(['complete', 'cancel', 'no-show', 'reschedule']);
    expect((await (await complete(req('POST', '/x', d.token), ctx(a.id))).json()).status).toBe('completed');
    const afterDone = await cancel(req('POST', '/x', d.token, { reason: 'x' }), ctx(a.id));
    expect(afterDone.status).toBe(409);
    expect((await afterDone.json()).error.allowed).toEqual([]);
    // A completed appointment keeps its notes editable, nothing else.
    expect((await put(req('PUT', '/x', d.token, { notes: 'Follow up in 2 weeks' }), ctx(a.id))).status).toBe(200);
    expect((await put(req('PUT', '/x', d.token, { date_time: futureAt('14:00') }), ctx(a.id))).status).toBe(409);
    const events = await listAppointmentEvents(a.id);
    expect(events.map((e) => `${e.fromStatus ?? '-'}→${e.toStatus}`)).toEqual(['-→pending', 'pending→confirmed', 'confirmed→completed']);
    expect(await activeAt(d.id)).toHaveLength(1); // only the future one still holds a slot
  });

  it('completing a pending appointment records the confirm and then the complete', async () => {
    const [d, p] = [await doctorWithHours(), await patient()];
    const a = await startedAppointment(d.id, p.id);
    expect((await complete(req('POST', '/x', d.token), ctx(a.id))).status).toBe(200);
    const events = await listAppointmentEvents(a.id);
    expect(events.map((e) => e.toStatus)).toEqual(['pending', 'confirmed', 'completed']);
  });

  it('cancel needs a reason; DELETE cancels and keeps the row; others cannot touch it', async () => {
    const [d, p, stranger] = [await doctorWithHours(), await patient(), await patient()];
    const a = await (await book(req('POST', '/api/appointments/', p.token, { doctor_id: d.id, date_time: futureAt('16:00') }))).json();
    expect((await cancel(req('POST', '/x', p.token, {}), ctx(a.id))).status).toBe(400);
    expect((await getOne(req('GET', '/x', stranger.token), ctx(a.id))).status).toBe(403);
    expect((await del(req('DELETE', '/x', stranger.token, { reason: 'x' }), ctx(a.id))).status).toBe(403);
    const gone = await del(req('DELETE', '/x', p.token, { reason: 'travelling' }), ctx(a.id));
    expect(gone.status).toBe(200);
    const body = await (await getOne(req('GET', '/x', p.token), ctx(a.id))).json();
    expect(body).toMatchObject({ status: 'cancelled', cancellation_reason: 'travelling' });
    expect((await getOne(req('GET', '/x', p.token), ctx(999_999_999))).status).toBe(404);
  });

  it('rescheduling moves the slot, keeps the history, and frees the old time', async () => {
    const [d, p, p2] = [await doctorWithHours(), await patient(), await patient()];
    const day = dayOffset++;
    const a = await (await book(req('POST', '/api/appointments/', p.token, { doctor_id: d.id, date_time: futureAt('09:00', day) }))).json();
    const moved = await put(req('PUT', '/x', d.token, { date_time: futureAt('10:20', day) }), ctx(a.id));
    expect(moved.status).toBe(200);
    expect((await moved.json()).date_time).toBe(futureAt('10:20', day).replace(/\.\d{3}/, '.000'));
    expect((await book(req('POST', '/api/appointments/', p2.token, { doctor_id: d.id, date_time: futureAt('09:00', day) }))).status).toBe(201);
    expect((await book(req('POST', '/api/appointments/', p2.token, { doctor_id: d.id, date_time: futureAt('10:20', day) }))).status).toBe(409);
    const events = await listAppointmentEvents(a.id);
    expect(events.at(-1)).toMatchObject({ note: 'rescheduled', fromStatus: 'pending', toStatus: 'pending' });
    expect(events.at(-1)?.fromStartAt?.toISOString()).toBe(new Date(futureAt('09:00', day)).toISOString());
  });

  it('lists are role-filtered and paginated', async () => {
    const [d, p, p2] = [await doctorWithHours(), await patient(), await patient()];
    for (const hh of ['09:00', '09:20', '09:40']) await book(req('POST', '/api/appointments/', d.token, { doctor_id: d.id, patient_id: p.id, date_time: futureAt(hh, 90) }));
    await book(req('POST', '/api/appointments/', p2.token, { doctor_id: d.id, date_time: futureAt('10:00', 90) }));
    const mine = await (await list(req('GET', '/api/appointments/?page_size=2', p.token))).json();
    expect(mine.count).toBe(3);
    expect(mine.results).toHaveLength(2);
    expect(mine.next).toContain('page=2');
    expect(mine.results.every((r: { patient_id: number }) => r.patient_id === p.id)).toBe(true);
    const doctors = await (await list(req('GET', '/api/appointments/', d.token))).json();
    expect(doctors.count).toBe(4);
    expect((await list(req('GET', `/api/appointments/?patient_id=${p2.id}`, p.token))).status).toBe(403);
    expect((await list(req('GET', '/api/appointments/?page_size=500', p.token))).status).toBe(400);
  });
});
