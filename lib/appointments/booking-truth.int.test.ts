/**
 * Booking tells the truth, on both databases: only doctors with hours (active, bookable) are offered;
 * days read available / full / unavailable; "first available" and a patient's own choice keep to
 * suitable doctors (a paediatrician only for a child; a picked specialty); times the patient already
 * holds are not offered; a patient reschedules their own active appointment under the same rules.
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { POST as book } from '@/app/api/appointments/route';
import { PUT as put, DELETE as del } from '@/app/api/appointments/[id]/route';
import { listAppointmentEvents } from '@/db/repositories/appointment-events';
import { createAppointment, findAppointmentById } from '@/db/repositories/appointments';
import { createTimeOff, replaceWorkingHours } from '@/db/repositories/availability';
import { updatePatientByUserId } from '@/db/repositories/patients';
import { updatePractitionerByUserId } from '@/db/repositories/practitioners';
import { updateUser } from '@/db/repositories/users';
import { resetEnv } from '@/core/env';
import { apiTokenFor, makeUser } from '@/lib/testing/factories';
import { addDays, clinicToday, clinicZone, toClinicIso } from '@/core/time';
import { searchSlots } from './availability';
import { bookableSlotOrNull, getBookingChoices, getBookingDays, getBookingSlots } from './get-booking-options';
import { isPaediatricSpecialty, suitsPatient } from './suitability';

const BASE = 'http://127.0.0.1:3999';
function req(method: string, path: string, token: string, body?: unknown) {
  return new Request(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const EARLY = new Date('2026-01-01T00:00:00Z');
const at = (date: string, hhmm: string) => DateTime.fromISO(`${date}T${hhmm}`, { zone: clinicZone() }).toJSDate();

/** A doctor of `specialty` working 08:00–09:00 (three 20-minute slots) on `weekdays` (every day by default). */
async function doctor(specialty = 'General practice', weekdays = [1, 2, 3, 4, 5, 6, 7]) {
  const d = await makeUser('doctor');
  await updatePractitionerByUserId(d.id, { specialty });
  await replaceWorkingHours(d.id, weekdays.map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 9 * 60 })));
  return { ...d, slotMinutes: 20, token: await apiTokenFor(d.id) };
}
/** A patient aged `years` today (no date of birth on file when null). */
async function patientAged(years: number | null) {
  const p = await makeUser('patient');
  if (years !== null) await updatePatientByUserId(p.id, { dateOfBirth: addDays(DateTime.fromISO(clinicToday()).minus({ years }).toISODate() as string, -10) });
  return { ...p, token: await apiTokenFor(p.id) };
}
async function active(patientId: number, doctorId: number, start: Date, minutes = 20) {
  const now = new Date();
  return createAppointment({ patientId, doctorId, startAt: start, endAt: new Date(start.getTime() + minutes * 60_000), status: 'pending', createdAt: now, updatedAt: now });
}
let dayOffset = 30;
/** A clinic date some days ahead, different on every call. */
const futureDate = () => addDays(clinicToday(), dayOffset++);

afterEach(() => {
  delete process.env.PAEDIATRIC_AGE_LIMIT_YEARS;
  resetEnv();
});

describe('doctors offered', () => {
  it('leaves out doctors without working hours, inactive or not bookable', async () => {
    const [withHours, noHours, inactive, closed] = [await doctor(), await makeUser('doctor'), await doctor(), await doctor()];
    await updateUser(inactive.id, { isActive: false });
    await updatePractitionerByUserId(closed.id, { bookable: false });
    const p = await patientAged(30);
    const ids = (await getBookingChoices({ patientId: p.id, self: true })).doctors.map((d) => d.id);
    expect(ids).toContain(withHours.id);
    for (const d of [noHours, inactive, closed]) expect(ids).not.toContain(d.id);
    const staff = await getBookingChoices({ patientId: p.id, self: false });
    expect(staff.doctors.map((d) => d.id)).not.toContain(noHours.id);
  });
});

describe('day states', () => {
  it('reads available, full (every slot taken) and unavailable (no hours that weekday, or away)', async () => {
    const d = await doctor('General practice', [1]); // Mondays only
    await createTimeOff({ doctorId: d.id, startDate: '2026-06-08', endDate: '2026-06-08', reason: 'Training', createdAt: new Date() });
    const other = await patientAged(40);
    for (const hhmm of ['08:00', '08:20', '08:40']) await active(other.id, d.id, at('2026-06-15', hhmm));
    const { days } = await searchSlots([d], '2026-06-01', '2026-06-15', EARLY);
    const state = Object.fromEntries(days.map((x) => [x.date, [x.state, x.free]]));
    expect(state['2026-06-01']).toEqual(['available', 3]);
    expect(state['2026-06-02']).toEqual(['unavailable', 0]); // a Tuesday: no hours
    expect(state['2026-06-08']).toEqual(['unavailable', 0]); // Monday, away
    expect(state['2026-06-15']).toEqual(['full', 0]); // Monday, all three taken
    expect(days).toHaveLength(15);
    // Once the day's hours are over it is not "full" but unavailable.
    const late = await searchSlots([d], '2026-06-01', '2026-06-01', at('2026-06-01', '10:00'));
    expect(late.days[0]).toMatchObject({ state: 'unavailable', free: 0 });
  });

  it('for "first available", a day no doctor of the pool works is unavailable', async () => {
    const [mon, tue] = [await doctor('General practice', [1]), await doctor('General practice', [2])];
    const { days } = await searchSlots([mon, tue], '2026-06-01', '2026-06-03', EARLY);
    expect(days.map((x) => x.state)).toEqual(['available', 'available', 'unavailable']);
  });

  it('for "first available", a day counts the times offered: two doctors free at the same times make 3, not 6', async () => {
    const [a, b] = [await doctor('General practice', [1]), await doctor('General practice', [1])];
    const { days, slots } = await searchSlots([a, b], '2026-06-01', '2026-06-01', EARLY);
    expect(slots).toHaveLength(6);
    expect(days[0]).toMatchObject({ state: 'available', free: 3 });
  });

  it('getBookingDays gives 14 days from the clinic day of `now`', async () => {
    const d = await doctor('General practice', [1]);
    const p = await patientAged(30);
    const scope = { patientId: p.id, self: true };
    const days = await getBookingDays(await getBookingChoices(scope), d.id, scope, at('2026-06-01', '00:30'));
    expect(days).toHaveLength(14);
    expect(days[0]).toMatchObject({ date: '2026-06-01', state: 'available', free: 3 });
    expect(days[1]).toMatchObject({ date: '2026-06-02', state: 'unavailable' });
  });
});

describe('suitable doctors', () => {
  it('recognises paediatricians in any spelling, and offers them only under the age limit', () => {
    for (const s of ['Paediatrics', 'Pediatrics', 'paediatric surgery', 'Pédiatrie', 'Neonatology']) expect(isPaediatricSpecialty(s), s).toBe(true);
    for (const s of ['General Practice', 'Orthopaedics', 'Obstetrics and Gynaecology', 'Internal Medicine']) expect(isPaediatricSpecialty(s), s).toBe(false);
    expect(suitsPatient('Paediatrics', 14, 15)).toBe(true);
    expect(suitsPatient('Paediatrics', 15, 15)).toBe(false);
    expect(suitsPatient('Paediatrics', null, 15)).toBe(false);
    expect(suitsPatient('General Practice', 3, 15)).toBe(true);
  });

  it('offers a paediatrician to a child, not to an adult; staff still see them, their "first available" does not', async () => {
    const [paed, gp] = [await doctor('Paediatrics'), await doctor('Family Medicine')];
    const [child, adult, unknown] = [await patientAged(8), await patientAged(30), await patientAged(null)];
    const offered = async (patientId: number, self = true) => (await getBookingChoices({ patientId, self }));
    expect((await offered(child.id)).doctors.map((d) => d.id)).toEqual(expect.arrayContaining([paed.id, gp.id]));
    expect((await offered(adult.id)).doctors.map((d) => d.id)).not.toContain(paed.id);
    expect((await offered(unknown.id)).doctors.map((d) => d.id)).not.toContain(paed.id);
    const staff = await offered(adult.id, false);
    expect(staff.doctors.map((d) => d.id)).toContain(paed.id);
    expect(staff.pool.map((d) => d.id)).not.toContain(paed.id);
    // The age limit is a setting.
    process.env.PAEDIATRIC_AGE_LIMIT_YEARS = '5';
    resetEnv();
    expect((await offered(child.id)).doctors.map((d) => d.id)).not.toContain(paed.id);
  });

  it('a picked specialty narrows the doctors and the "first available" pool (folded match); an unknown one is ignored', async () => {
    const [ortho, gp] = [await doctor('Orthopaedics'), await doctor('General practice')];
    const p = await patientAged(30);
    const c = await getBookingChoices({ patientId: p.id, self: true, specialty: 'ORTHOPAEDICS' });
    expect(c.specialty).toBe('Orthopaedics');
    expect(c.specialties).toEqual(expect.arrayContaining(['Orthopaedics']));
    expect(c.doctors.every((d) => d.specialty === 'Orthopaedics')).toBe(true);
    expect(c.doctors.map((d) => d.id)).toContain(ortho.id);
    expect(c.pool.map((d) => d.id)).not.toContain(gp.id);
    const date = futureDate();
    const slots = await getBookingSlots(c, null, date, { patientId: p.id, self: true, specialty: 'Orthopaedics' });
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => c.pool.some((d) => d.id === s.doctorId))).toBe(true);
    expect((await getBookingChoices({ patientId: p.id, self: true, specialty: 'Astrology' })).specialty).toBeNull();
  });

  it('a patient booking themselves is refused an unsuitable doctor (400 on doctor_id); staff are not', async () => {
    const paed = await doctor('Paediatrics');
    const [adult, child] = [await patientAged(30), await patientAged(6)];
    const date = futureDate();
    const refused = await book(req('POST', '/api/appointments/', adult.token, { doctor_id: paed.id, date_time: at(date, '08:00').toISOString() }));
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error.fields.doctor_id[0]).toMatch(/sees children under 15/);
    expect((await book(req('POST', '/api/appointments/', child.token, { doctor_id: paed.id, date_time: at(date, '08:20').toISOString() }))).status).toBe(201);
    const admin = await makeUser('admin');
    const staffBooked = await book(req('POST', '/api/appointments/', await apiTokenFor(admin.id), { doctor_id: paed.id, patient_id: adult.id, date_time: at(date, '08:40').toISOString() }));
    expect(staffBooked.status).toBe(201);
  });
});

describe('times the patient holds', () => {
  it('are not offered with any doctor, except the time of the appointment being moved', async () => {
    const [a, b] = [await doctor(), await doctor()];
    const p = await patientAged(30);
    const date = futureDate();
    const mine = await active(p.id, a.id, at(date, '08:20'));
    const scope = { patientId: p.id, self: true };
    const choices = await getBookingChoices(scope);
    const times = async (s: typeof scope & { rescheduleAppointmentId?: number }) => (await getBookingSlots(choices, b.id, date, s)).map((x) => x.start.getTime());
    expect(await times(scope)).toEqual([at(date, '08:00').getTime(), at(date, '08:40').getTime()]);
    expect(await times({ ...scope, rescheduleAppointmentId: mine })).toHaveLength(3);
    // Moving it, the doctor's own present time of it is not offered (it is already there).
    const own = (await getBookingSlots(choices, a.id, date, { ...scope, rescheduleAppointmentId: mine, rescheduleFrom: at(date, '08:20') })).map((x) => x.start.getTime());
    expect(own).toEqual([at(date, '08:00').getTime(), at(date, '08:40').getTime()]);
    // Someone else's view of doctor b still has all three.
    const other = await patientAged(30);
    expect((await getBookingSlots(choices, b.id, date, { patientId: other.id, self: true })).length).toBe(3);
  });
});

describe('the confirm step', () => {
  it('is only for a free slot the time list offers; anything else from the address bar is null', async () => {
    const [d, other] = [await doctor(), await doctor()];
    const p = await patientAged(30);
    const scope = { patientId: p.id, self: true };
    const choices = await getBookingChoices(scope);
    const now = at('2026-06-28', '00:30');
    const date = '2026-07-01';
    const slot = (start: string, day = date, doctorId: number | null = d.id, slotDoctorId?: string) =>
      bookableSlotOrNull(choices, doctorId, day, start, slotDoctorId, scope, now);
    const real = at(date, '08:20');

    expect(await slot(real.toISOString())).toEqual({ doctorId: d.id, doctorName: d.name, start: real, end: at(date, '08:40'), minutes: 20 });
    expect((await slot(real.toISOString(), date, d.id, String(d.id)))?.start).toEqual(real);
    expect((await slot(toClinicIso(real)))?.start).toEqual(real); // the API's own format, with the clinic's offset
    // "First available": the address bar's doctor must be one free then.
    expect((await slot(real.toISOString(), date, null, String(other.id)))?.doctorId).toBe(other.id);
    expect(await slot(real.toISOString(), date, d.id, String(other.id))).toBeNull();
    expect(await slot(real.toISOString(), date, d.id, 'x')).toBeNull();

    // Far future, on a day not offered, off the grid, outside the hours, not a time at all.
    expect(await slot('9999-12-31T05:40:00.000Z')).toBeNull();
    expect(await slot('9999-12-31T05:40:00.000Z', '9999-12-31')).toBeNull();
    expect(await slot(at('2026-07-30', '08:20').toISOString(), '2026-07-30')).toBeNull();
    expect(await slot(at(date, '08:10').toISOString())).toBeNull();
    expect(await slot(at(date, '07:40').toISOString())).toBeNull();
    expect(await slot(at(date, '09:00').toISOString())).toBeNull();
    expect(await slot('soon')).toBeNull();
    expect(await slot('')).toBeNull();
    // A real slot of another day than the one in the address bar.
    expect(await slot(at('2026-07-02', '08:20').toISOString())).toBeNull();
    // Impossible dates: 31 June would roll over to 1 July 08:20 (a real slot), 30 February to a past day.
    expect(await slot('2026-06-31T05:20:00.000Z')).toBeNull();
    expect(await slot('2026-02-30T05:40:00.000Z', '2026-02-30')).toBeNull();

    // A time the patient already holds, with another doctor; and a time someone else took.
    await active(p.id, other.id, at(date, '08:40'));
    expect(await slot(at(date, '08:40').toISOString())).toBeNull();
    await active((await patientAged(30)).id, d.id, at(date, '08:00'));
    expect(await slot(at(date, '08:00').toISOString())).toBeNull();
    expect(await slot(real.toISOString())).not.toBeNull();
  });
});

describe('a patient reschedules', () => {
  it('their own pending or confirmed appointment, through the one update path (history, audit, occupancy)', async () => {
    const d = await doctor();
    const p = await patientAged(30);
    const date = futureDate();
    const a = await (await book(req('POST', '/api/appointments/', p.token, { doctor_id: d.id, date_time: at(date, '08:00').toISOString(), reason: 'Cough' }))).json();
    const moved = await put(req('PUT', '/x', p.token, { date_time: at(date, '08:40').toISOString() }), ctx(a.id));
    expect(moved.status).toBe(200);
    expect((await findAppointmentById(a.id))?.startAt.getTime()).toBe(at(date, '08:40').getTime());
    expect((await listAppointmentEvents(a.id)).at(-1)).toMatchObject({ note: 'rescheduled', actorUserId: p.id });
    // The old time is free again, the new one taken.
    const other = await patientAged(30);
    expect((await book(req('POST', '/api/appointments/', other.token, { doctor_id: d.id, date_time: at(date, '08:00').toISOString() }))).status).toBe(201);
    expect((await book(req('POST', '/api/appointments/', other.token, { doctor_id: d.id, date_time: at(date, '08:40').toISOString() }))).status).toBe(409);
  });

  it('never someone else\'s, a cancelled one, onto a taken or invalid time, nor with clinic notes', async () => {
    const d = await doctor();
    const [p, stranger] = [await patientAged(30), await patientAged(30)];
    const date = futureDate();
    const a = await (await book(req('POST', '/api/appointments/', p.token, { doctor_id: d.id, date_time: at(date, '08:00').toISOString() }))).json();
    await book(req('POST', '/api/appointments/', stranger.token, { doctor_id: d.id, date_time: at(date, '08:20').toISOString() }));
    expect((await put(req('PUT', '/x', stranger.token, { date_time: at(date, '08:40').toISOString() }), ctx(a.id))).status).toBe(403);
    expect((await put(req('PUT', '/x', p.token, { date_time: at(date, '08:20').toISOString() }), ctx(a.id))).status).toBe(409);
    expect((await put(req('PUT', '/x', p.token, { date_time: at(date, '08:10').toISOString() }), ctx(a.id))).status).toBe(400); // off the grid
    expect((await put(req('PUT', '/x', p.token, { date_time: at(date, '08:40').toISOString(), notes: 'x' }), ctx(a.id))).status).toBe(403);
    expect((await del(req('DELETE', '/x', p.token, { reason: 'travelling' }), ctx(a.id))).status).toBe(200);
    expect((await put(req('PUT', '/x', p.token, { date_time: at(date, '08:40').toISOString() }), ctx(a.id))).status).toBe(409);
  });

  it('not once it has started, nor with a doctor who no longer suits them', async () => {
    const paed = await doctor('Paediatrics');
    const p = await patientAged(30);
    const started = await active(p.id, paed.id, new Date(Date.now() - 5 * 60_000));
    const date = futureDate();
    const res = await put(req('PUT', '/x', p.token, { date_time: at(date, '08:00').toISOString() }), ctx(started));
    expect(res.status).toBe(409);
    const later = await active(p.id, paed.id, at(date, '08:20'));
    const refused = await put(req('PUT', '/x', p.token, { date_time: at(date, '08:40').toISOString() }), ctx(later));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields.doctor_id).toBeDefined();
  });
});
