/**
 * The availability services on SQLite and MariaDB: who may change whose hours and time off, validation
 * that writes nothing, audit events, and the form schema's field names.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { findPractitionerByUserId } from '@/db/repositories/practitioners';
import { listTimeOff, listWorkingHours } from '@/db/repositories/availability';
import { createAppointment } from '@/db/repositories/appointments';
import type { Role } from '@/core/vocabulary';
import type { CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import {
  addTimeOff, getWeeklyHours, listDoctorTimeOff, removeTimeOff, setWeeklyHours,
} from './availability-services';
import { timeOffFormSchema, weeklyHoursFormSchema } from './schemas';

const now = new Date('2026-06-01T06:00:00Z'); // Monday 09:00 in Nairobi

async function person(role: Role): Promise<CurrentUser & { password: string }> {
  const u = await makeUser(role);
  return { id: u.id, name: u.name, email: u.email, role, via: 'session', mustChangePassword: false, password: u.password };
}

async function auditOf(action: string, entityId?: number) {
  const db = await q();
  const a = tables.auditEvents;
  return db.select().from(a).where(and(eq(a.action, action), entityId === undefined ? undefined : eq(a.entityId, entityId)));
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const week = {
  slot_minutes: 30,
  mon: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '17:00' }],
  tue: [{ start: '08:00', end: '17:00' }],
  sat: [{ start: '09:00', end: '24:00' }],
  sun: [{ start: '18:00', end: '00:00' }], // a time picker's midnight
};

describe('weekly hours', () => {
  it('a doctor replaces their own hours and slot length; the change is audited', async () => {
    const doc = await person('doctor');
    const saved = await setWeeklyHours({ user: doc, doctorId: doc.id, input: week });
    expect(saved.slotMinutes).toBe(30);
    expect(saved.days).toEqual({
      mon: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '17:00' }], tue: [{ start: '08:00', end: '17:00' }],
      wed: [], thu: [], fri: [], sat: [{ start: '09:00', end: '24:00' }], sun: [{ start: '18:00', end: '24:00' }],
    });
    expect((await listWorkingHours(doc.id)).map((r) => [r.weekday, r.startMinute, r.endMinute]))
      .toEqual([[1, 480, 720], [1, 840, 1020], [2, 480, 1020], [6, 540, 1440], [7, 1080, 1440]]);
    expect((await findPractitionerByUserId(doc.id))?.slotMinutes).toBe(30);
    expect(await getWeeklyHours({ user: doc, doctorId: doc.id })).toEqual(saved);

    const [event] = await auditOf('availability.hours.update', doc.id);
    expect(event).toMatchObject({ actorUserId: doc.id, actorKind: 'user', entity: 'user', outcome: 'success' });
    expect(event.details).toMatchObject({ slotMinutes: { from: 20, to: 30 }, hours: { from: {}, to: { mon: '08:00–12:00 and 14:00–17:00' } } });

    // A second save replaces, never appends.
    await setWeeklyHours({ user: doc, doctorId: doc.id, input: { slot_minutes: '20', fri: [{ start: '8:00', end: '13:00' }] } });
    expect((await listWorkingHours(doc.id)).map((r) => [r.weekday, r.startMinute, r.endMinute])).toEqual([[5, 480, 780]]);
    expect(await auditOf('availability.hours.update', doc.id)).toHaveLength(2);
  });

  it('a doctor cannot read or change another doctor\'s hours (403); an admin can (audited as the admin)', async () => {
    const [doc, other, admin] = [await person('doctor'), await person('doctor'), await person('admin')];
    const denied = await errorOf(setWeeklyHours({ user: doc, doctorId: other.id, input: week }));
    expect(denied).toMatchObject({ code: 'forbidden', status: 403 });
    expect((await errorOf(getWeeklyHours({ user: doc, doctorId: other.id }))).status).toBe(403);
    expect(await listWorkingHours(other.id)).toEqual([]);
    expect(await auditOf('availability.hours.update', other.id)).toHaveLength(0);

    await setWeeklyHours({ user: admin, doctorId: other.id, input: week });
    expect(await listWorkingHours(other.id)).toHaveLength(5);
    const [event] = await auditOf('availability.hours.update', other.id);
    expect(event).toMatchObject({ actorUserId: admin.id, entityId: other.id });
  });

  it('patients and signed-out callers are refused; an unknown doctor is a 404 for an admin', async () => {
    const [doc, patient, admin] = [await person('doctor'), await person('patient'), await person('admin')];
    expect((await errorOf(setWeeklyHours({ user: patient, doctorId: doc.id, input: week }))).status).toBe(403);
    expect((await errorOf(setWeeklyHours({ user: null, doctorId: doc.id, input: week }))).status).toBe(401);
    expect((await errorOf(setWeeklyHours({ user: admin, doctorId: 999_999_999, input: week }))).status).toBe(404);
    expect((await errorOf(getWeeklyHours({ user: admin, doctorId: patient.id }))).status).toBe(404);
  });

  it('refuses overlapping periods, bad slot lengths and malformed times with field errors, writing nothing', async () => {
    const doc = await person('doctor');
    await setWeeklyHours({ user: doc, doctorId: doc.id, input: week });
    const before = await listWorkingHours(doc.id);
    const audits = (await auditOf('availability.hours.update', doc.id)).length;
    const cases: Array<[Record<string, unknown>, Record<string, string[]>]> = [
      [{ slot_minutes: 20, mon: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }] }, { 'mon.1.start': ['Overlaps 08:00–12:00.'] }],
      [{ slot_minutes: 20, wed: [{ start: '14:00', end: '17:00' }, { start: '08:00', end: '15:00' }] }, { 'wed.0.start': ['Overlaps 08:00–15:00.'] }],
      [{ slot_minutes: 7, mon: [{ start: '08:00', end: '12:00' }] }, { slot_minutes: ['Use a multiple of 5 minutes.'] }],
      [{ slot_minutes: 0 }, { slot_minutes: ['At least 5 minutes.'] }],
      [{ slot_minutes: 245 }, { slot_minutes: ['At most 240 minutes (4 hours).'] }],
      [{ slot_minutes: '' }, { slot_minutes: ['Enter the slot length in minutes.'] }],
      [{ slot_minutes: 20, tue: [{ start: '17:00', end: '08:00' }] }, { 'tue.0.end': ['The end must be after the start.'] }],
      [{ slot_minutes: 20, tue: [{ start: '08:00', end: '24:30' }] }, { 'tue.0.end': ['Use a time like 08:00.'] }],
      [{ slot_minutes: 20, tue: [{ start: '08:03', end: '12:00' }] }, { 'tue.0.start': ['Use 5-minute steps, like 08:05.'] }],
      [{ slot_minutes: 20, thu: [{ start: '08:00', end: '' }] }, { 'thu.0.end': ['Enter an end time, or clear both times.'] }],
      [{ slot_minutes: 60, fri: [{ start: '08:00', end: '08:30' }] }, { 'fri.0.end': ['Too short for one 60-minute slot.'] }],
    ];
    for (const [input, fields] of cases) {
      const e = await errorOf(setWeeklyHours({ user: doc, doctorId: doc.id, input: input as never }));
      expect(e.code, JSON.stringify(input)).toBe('validation_error');
      expect(e.fields, JSON.stringify(input)).toEqual(fields);
    }
    expect(await listWorkingHours(doc.id)).toEqual(before);
    expect((await findPractitionerByUserId(doc.id))?.slotMinutes).toBe(30);
    expect(await auditOf('availability.hours.update', doc.id)).toHaveLength(audits);
  });

  it('reads the flat form fields, keeping row numbers for the field errors', () => {
    const form = {
      doctor_id: '7', slot_minutes: '20',
      'mon.0.start': '08:00', 'mon.0.end': '12:00', 'mon.1.start': '', 'mon.1.end': '', 'mon.2.start': '11:00', 'mon.2.end': '13:00',
    };
    const bad = weeklyHoursFormSchema.safeParse(form);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['mon.2.start', 'Overlaps 08:00–12:00.']]);
    const good = weeklyHoursFormSchema.safeParse({ ...form, 'mon.2.start': '', 'mon.2.end': '', 'sun.0.start': '10:00', 'sun.0.end': '12:00' });
    expect(good.success).toBe(true);
    expect(good.data).toMatchObject({ doctor_id: 7, mon: [{ start: '08:00', end: '12:00' }, { start: '', end: '' }, { start: '', end: '' }], sun: [{ start: '10:00', end: '12:00' }] });
    expect(timeOffFormSchema.safeParse({ doctor_id: '7', start_date: '2026-06-05', end_date: '2026-06-04' }).error?.issues[0])
      .toMatchObject({ path: ['end_date'], message: 'The last day cannot be before the first day.' });
  });
});

describe('time off', () => {
  it('a doctor adds and removes their own time off; both are audited', async () => {
    const doc = await person('doctor');
    const { timeOff, activeAppointments } = await addTimeOff({ user: doc, doctorId: doc.id, input: { start_date: '2026-12-01', end_date: '2026-12-05', reason: '  Conference ' }, now });
    expect(timeOff).toMatchObject({ doctorId: doc.id, startDate: '2026-12-01', endDate: '2026-12-05', reason: 'Conference' });
    expect(activeAppointments).toBe(0);
    expect(await listDoctorTimeOff({ user: doc, doctorId: doc.id, now })).toEqual([timeOff]);
    expect(await auditOf('availability.time_off.add', timeOff.id)).toMatchObject([{ actorUserId: doc.id, entity: 'time_off', details: { doctorId: doc.id } }]);

    await removeTimeOff({ user: doc, timeOffId: timeOff.id });
    expect(await listTimeOff(doc.id)).toEqual([]);
    expect(await auditOf('availability.time_off.remove', timeOff.id)).toMatchObject([{ actorUserId: doc.id }]);
    expect((await errorOf(removeTimeOff({ user: doc, timeOffId: timeOff.id }))).status).toBe(404);
  });

  it('says how many booked appointments fall in the new time off (they stay booked)', async () => {
    const doc = await person('doctor');
    const patient = await makeUser('patient');
    const startAt = new Date('2026-12-02T06:00:00Z');
    const endAt = new Date('2026-12-02T06:20:00Z');
    await createAppointment({ patientId: patient.id, doctorId: doc.id, startAt, endAt, status: 'confirmed', createdAt: now, updatedAt: now });
    // A cancelled one on the same days is not listed.
    await createAppointment({ patientId: patient.id, doctorId: doc.id, startAt: new Date('2026-12-03T07:00:00Z'), endAt: new Date('2026-12-03T07:20:00Z'), status: 'cancelled', createdAt: now, updatedAt: now });
    const r = await addTimeOff({ user: doc, doctorId: doc.id, input: { start_date: '2026-12-01', end_date: '2026-12-03' }, now });
    expect(r.activeAppointments).toBe(1);
    expect(r.touched).toEqual([expect.objectContaining({ startAt, patientId: patient.id, patientName: patient.name, status: 'confirmed' })]);
  });

  it('refuses another doctor (403); an admin may add and remove anyone\'s', async () => {
    const [doc, other, admin] = [await person('doctor'), await person('doctor'), await person('admin')];
    expect((await errorOf(addTimeOff({ user: doc, doctorId: other.id, input: { start_date: '2026-12-01', end_date: '2026-12-01' }, now }))).status).toBe(403);
    const { timeOff } = await addTimeOff({ user: admin, doctorId: other.id, input: { start_date: '2026-12-01', end_date: '2026-12-01' }, now });
    expect((await errorOf(removeTimeOff({ user: doc, timeOffId: timeOff.id }))).status).toBe(403);
    expect((await errorOf(listDoctorTimeOff({ user: doc, doctorId: other.id }))).status).toBe(403);
    expect(await listTimeOff(other.id)).toHaveLength(1);
    await removeTimeOff({ user: admin, timeOffId: timeOff.id });
    expect(await listTimeOff(other.id)).toHaveLength(0);
    expect(await auditOf('availability.time_off.remove', timeOff.id)).toMatchObject([{ actorUserId: admin.id }]);
  });

  it('refuses an end before the start, a period already over and an overlap, writing nothing', async () => {
    const doc = await person('doctor');
    await addTimeOff({ user: doc, doctorId: doc.id, input: { start_date: '2026-12-01', end_date: '2026-12-05' }, now });
    const audits = (await auditOf('availability.time_off.add')).length;
    const cases: Array<[Record<string, unknown>, Record<string, string[]>]> = [
      [{ start_date: '2026-12-10', end_date: '2026-12-09' }, { end_date: ['The last day cannot be before the first day.'] }],
      [{ start_date: '2026-05-01', end_date: '2026-05-31' }, { end_date: ['This period is already over.'] }],
      [{ start_date: '2026-12-05', end_date: '2026-12-08' }, { start_date: ['Overlaps the time off from 1 Dec to 5 Dec.'] }],
      [{ start_date: '2026-02-30', end_date: '2026-12-08' }, { start_date: ['This is not a real date.'] }],
      [{ start_date: '', end_date: '2026-12-08' }, { start_date: ['Enter the first day away.'] }],
      [{ start_date: '2026-12-20', end_date: '2028-01-01' }, { end_date: ['At most 366 days at a time.'] }],
      [{ start_date: '2026-12-20', end_date: '9999-12-31' }, { end_date: ['Use a year from 1900 to 2099.'] }],
      [{ start_date: '9999-12-31', end_date: '2026-02-30' }, { start_date: ['Use a year from 1900 to 2099.'], end_date: ['This is not a real date.'] }],
    ];
    for (const [input, fields] of cases) {
      const e = await errorOf(addTimeOff({ user: doc, doctorId: doc.id, input: input as never, now }));
      expect(e.code, JSON.stringify(input)).toBe('validation_error');
      expect(e.fields, JSON.stringify(input)).toEqual(fields);
    }
    expect(await listTimeOff(doc.id)).toHaveLength(1);
    expect(await auditOf('availability.time_off.add')).toHaveLength(audits);
  });

  it('lists current and coming time off by default, all of it on request', async () => {
    const doc = await person('doctor');
    const later = new Date('2026-07-01T06:00:00Z');
    await addTimeOff({ user: doc, doctorId: doc.id, input: { start_date: '2026-06-10', end_date: '2026-06-12' }, now });
    await addTimeOff({ user: doc, doctorId: doc.id, input: { start_date: '2026-06-25', end_date: '2026-07-02' }, now });
    await addTimeOff({ user: doc, doctorId: doc.id, input: { start_date: '2026-08-01', end_date: '2026-08-01' }, now });
    expect((await listDoctorTimeOff({ user: doc, doctorId: doc.id, now: later })).map((t) => t.startDate)).toEqual(['2026-06-25', '2026-08-01']);
    expect((await listDoctorTimeOff({ user: doc, doctorId: doc.id, now: later, includePast: true })).map((t) => t.startDate))
      .toEqual(['2026-06-10', '2026-06-25', '2026-08-01']);
  });
});
