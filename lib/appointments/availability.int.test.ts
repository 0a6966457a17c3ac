/**
 * Free slots and slot problems against a real database (SQLite and MariaDB): working hours, slot length,
 * past times, time off, occupancy of active appointments, several doctors, and daylight-saving days in
 * Europe/London and Africa/Cairo.
 */
import { IANAZone } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppointment } from '@/db/repositories/appointments';
import { createTimeOff, replaceWorkingHours, updateSlotMinutes, type WorkingRange } from '@/db/repositories/availability';
import { updatePractitionerByUserId } from '@/db/repositories/practitioners';
import type { AppointmentStatus } from '@/core/vocabulary';
import { resetEnv } from '@/core/env';
import { makeUser } from '@/lib/testing/factories';
import { toClinicIso } from '@/core/time';
import { listFreeSlots, slotProblem } from './availability';

const originalZone = process.env.CLINIC_TIME_ZONE;
function useZone(zone: string | undefined) {
  if (zone === undefined) delete process.env.CLINIC_TIME_ZONE;
  else process.env.CLINIC_TIME_ZONE = zone;
  resetEnv();
}
afterEach(() => useZone(originalZone));

const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const EARLY = new Date('2026-01-01T00:00:00Z');

/** A doctor with `hours` on the given ISO weekdays (all days by default) and `slotMinutes` slots. */
async function doctorWith(hours: Array<[number, number]>, opts: { weekdays?: number[]; slotMinutes?: number; name?: string; isActive?: boolean } = {}) {
  const d = await makeUser('doctor', { name: opts.name, isActive: opts.isActive });
  const weekdays = opts.weekdays ?? [1, 2, 3, 4, 5, 6, 7];
  const ranges: WorkingRange[] = weekdays.flatMap((weekday) => hours.map(([startMinute, endMinute]) => ({ weekday, startMinute, endMinute })));
  await replaceWorkingHours(d.id, ranges);
  if (opts.slotMinutes) await updateSlotMinutes(d.id, opts.slotMinutes);
  return d;
}

async function appointment(doctorId: number, start: string, minutes: number, status: AppointmentStatus) {
  const p = await makeUser('patient');
  const startAt = new Date(start);
  const endAt = new Date(startAt.getTime() + minutes * 60_000);
  const now = new Date();
  return createAppointment({ patientId: p.id, doctorId, startAt, endAt, status, createdAt: now, updatedAt: now });
}

const starts = (slots: Array<{ start: Date }>) => slots.map((s) => s.start.toISOString());
const clinicStarts = (slots: Array<{ start: Date }>) => slots.map((s) => toClinicIso(s.start));

describe('listFreeSlots', () => {
  it('lists a week of 20-minute slots 08:00–17:00 on weekdays in the default zone (Africa/Nairobi)', async () => {
    useZone(undefined);
    const d = await doctorWith([[h(8), h(17)]], { weekdays: [1, 2, 3, 4, 5] });
    const slots = await listFreeSlots(d.id, '2026-06-01', '2026-06-07', EARLY); // Monday to Sunday
    expect(slots).toHaveLength(5 * 27);
    expect(slots.every((s) => s.doctorId === d.id && s.end.getTime() - s.start.getTime() === 20 * 60_000)).toBe(true);
    expect(toClinicIso(slots[0].start)).toBe('2026-06-01T08:00:00.000+03:00');
    expect(slots[0].start.toISOString()).toBe('2026-06-01T05:00:00.000Z');
    expect(toClinicIso(slots[26].start)).toBe('2026-06-01T16:40:00.000+03:00');
    expect(toClinicIso(slots[26].end)).toBe('2026-06-01T17:00:00.000+03:00');
    expect(toClinicIso(slots[slots.length - 1].start)).toBe('2026-06-05T16:40:00.000+03:00');
    expect(slots.some((s) => toClinicIso(s.start).startsWith('2026-06-06') || toClinicIso(s.start).startsWith('2026-06-07'))).toBe(false);
    expect(starts(slots)).toEqual([...starts(slots)].sort());
    expect(await listFreeSlots(d.id, '2026-06-06', '2026-06-07', EARLY)).toEqual([]);
    expect(await listFreeSlots(d.id, '2026-06-05', '2026-06-01', EARLY)).toEqual([]); // from after to
  });

  it('leaves out slots starting at or before now', async () => {
    const d = await doctorWith([[h(8), h(17)]]);
    const now = new Date('2026-06-01T12:40:00+03:00'); // exactly the start of the 12:40 slot
    const slots = await listFreeSlots(d.id, '2026-06-01', '2026-06-01', now);
    expect(toClinicIso(slots[0].start)).toBe('2026-06-01T13:00:00.000+03:00');
    expect(slots).toHaveLength(12);
    const later = await listFreeSlots(d.id, '2026-06-01', '2026-06-01', new Date('2026-06-01T12:41:00+03:00'));
    expect(later).toHaveLength(12);
    expect(await listFreeSlots(d.id, '2026-06-01', '2026-06-01', new Date('2026-06-02T00:00:00+03:00'))).toEqual([]);
  });

  it('leaves out days of time off (both ends included)', async () => {
    const d = await doctorWith([[h(8), h(10)]]);
    await createTimeOff({ doctorId: d.id, startDate: '2026-06-02', endDate: '2026-06-03', reason: 'Conference', createdAt: new Date() });
    const slots = await listFreeSlots(d.id, '2026-06-01', '2026-06-04', EARLY);
    const days = [...new Set(slots.map((s) => toClinicIso(s.start).slice(0, 10)))];
    expect(days).toEqual(['2026-06-01', '2026-06-04']);
    expect(slots).toHaveLength(2 * 6);
  });

  it('leaves out slots overlapping an active appointment; a cancelled one, or another doctor\'s, does not block', async () => {
    const d = await doctorWith([[h(8), h(12)]]);
    const other = await doctorWith([[h(8), h(12)]]);
    await appointment(d.id, '2026-06-01T09:00:00+03:00', 20, 'confirmed');
    await appointment(d.id, '2026-06-01T10:00:00+03:00', 20, 'cancelled');
    await appointment(d.id, '2026-06-01T11:10:00+03:00', 30, 'pending'); // 11:10–11:40 covers the 11:00 and 11:20 slots
    await appointment(other.id, '2026-06-01T08:00:00+03:00', 20, 'confirmed');
    const times = clinicStarts(await listFreeSlots(d.id, '2026-06-01', '2026-06-01', EARLY)).map((t) => t.slice(11, 16));
    expect(times).toEqual(['08:00', '08:20', '08:40', '09:20', '09:40', '10:00', '10:20', '10:40', '11:40']);
  });

  it('merges every active, bookable doctor when no doctor is given, by start then doctor', async () => {
    const a = await doctorWith([[h(8), h(9)]], { weekdays: [1] });
    const b = await doctorWith([[h(8, 30), h(9, 30)]], { weekdays: [1], slotMinutes: 30 });
    const inactive = await doctorWith([[h(8), h(9)]], { weekdays: [1], isActive: false });
    const closed = await doctorWith([[h(8), h(9)]], { weekdays: [1] });
    await updatePractitionerByUserId(closed.id, { bookable: false });
    const all = await listFreeSlots(null, '2026-06-01', '2026-06-01', EARLY);
    expect(starts(all)).toEqual([...starts(all)].sort());
    expect(all.some((s) => s.doctorId === inactive.id || s.doctorId === closed.id)).toBe(false);
    const mine = all.filter((s) => s.doctorId === a.id || s.doctorId === b.id)
      .map((s) => `${toClinicIso(s.start).slice(11, 16)} ${s.doctorId === a.id ? 'a' : 'b'}`);
    expect(mine).toEqual(['08:00 a', '08:20 a', '08:30 b', '08:40 a', '09:00 b']);
    expect(await listFreeSlots(inactive.id, '2026-06-01', '2026-06-01', EARLY)).toEqual([]);
    expect(await listFreeSlots(closed.id, '2026-06-01', '2026-06-01', EARLY)).toEqual([]);
    expect(await listFreeSlots(999_999_999, '2026-06-01', '2026-06-01', EARLY)).toEqual([]);
  });

  it('steps by the doctor\'s slot length (30 minutes) and drops a slot that would run past the range end', async () => {
    const d = await doctorWith([[h(8), h(9, 45)], [h(14), h(15)]], { slotMinutes: 30 });
    const slots = await listFreeSlots(d.id, '2026-06-01', '2026-06-01', EARLY);
    expect(clinicStarts(slots).map((t) => t.slice(11, 16))).toEqual(['08:00', '08:30', '09:00', '14:00', '14:30']);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 30 * 60_000)).toBe(true);
  });

  it('refuses a malformed date', async () => {
    await expect(listFreeSlots(null, '2026-02-30', '2026-03-01', EARLY)).rejects.toMatchObject({ code: 'validation_error' });
    await expect(listFreeSlots(null, '2026-03-01', 'tomorrow', EARLY)).rejects.toMatchObject({ code: 'validation_error' });
  });
});

describe('daylight saving', () => {
  it('Europe/London, 29 March 2026 (01:00 → 02:00): 00:00–04:00 holds 3 hours of slots, 01:xx skipped', async () => {
    useZone('Europe/London');
    const d = await doctorWith([[0, h(4)]], { slotMinutes: 30 });
    const day = await listFreeSlots(d.id, '2026-03-29', '2026-03-29', EARLY);
    expect(starts(day)).toEqual([
      '2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z', '2026-03-29T02:30:00.000Z',
    ]);
    expect(clinicStarts(day)).toEqual([
      '2026-03-29T00:00:00.000+00:00', '2026-03-29T00:30:00.000+00:00', '2026-03-29T02:00:00.000+01:00',
      '2026-03-29T02:30:00.000+01:00', '2026-03-29T03:00:00.000+01:00', '2026-03-29T03:30:00.000+01:00',
    ]);
    expect(toClinicIso(day[day.length - 1].end)).toBe('2026-03-29T04:00:00.000+01:00');
    // The days around it have the full 4 hours, at their own offsets.
    const before = await listFreeSlots(d.id, '2026-03-28', '2026-03-28', EARLY);
    const after = await listFreeSlots(d.id, '2026-03-30', '2026-03-30', EARLY);
    expect(before).toHaveLength(8);
    expect(before[0].start.toISOString()).toBe('2026-03-28T00:00:00.000Z');
    expect(after).toHaveLength(8);
    expect(after[0].start.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(await slotProblem(d.id, new Date('2026-03-29T01:00:00Z'), new Date('2026-03-29T01:30:00Z'), EARLY)).toBeNull();
    expect(await slotProblem(d.id, new Date('2026-03-29T00:45:00Z'), new Date('2026-03-29T01:15:00Z'), EARLY)).toMatch(/30-minute slots/);
  });

  it('Europe/London, 25 October 2026 (02:00 → 01:00): 00:00–04:00 holds 5 hours, 01:xx twice (first BST, then GMT)', async () => {
    useZone('Europe/London');
    const d = await doctorWith([[0, h(4)]], { slotMinutes: 30 });
    const day = await listFreeSlots(d.id, '2026-10-25', '2026-10-25', EARLY);
    expect(day).toHaveLength(10);
    expect(starts(day)[0]).toBe('2026-10-24T23:00:00.000Z');
    expect(clinicStarts(day)).toEqual([
      '2026-10-25T00:00:00.000+01:00', '2026-10-25T00:30:00.000+01:00',
      '2026-10-25T01:00:00.000+01:00', '2026-10-25T01:30:00.000+01:00',
      '2026-10-25T01:00:00.000+00:00', '2026-10-25T01:30:00.000+00:00',
      '2026-10-25T02:00:00.000+00:00', '2026-10-25T02:30:00.000+00:00',
      '2026-10-25T03:00:00.000+00:00', '2026-10-25T03:30:00.000+00:00',
    ]);
    // A range starting at an ambiguous time starts at its first occurrence.
    const late = await doctorWith([[h(1, 30), h(3)]], { slotMinutes: 30 });
    expect(clinicStarts(await listFreeSlots(late.id, '2026-10-25', '2026-10-25', EARLY))).toEqual([
      '2026-10-25T01:30:00.000+01:00', '2026-10-25T01:00:00.000+00:00', '2026-10-25T01:30:00.000+00:00',
      '2026-10-25T02:00:00.000+00:00', '2026-10-25T02:30:00.000+00:00',
    ]);
    // A range starting inside the spring gap starts when the clocks jump.
    expect(clinicStarts(await listFreeSlots(late.id, '2026-03-29', '2026-03-29', EARLY))).toEqual([
      '2026-03-29T02:00:00.000+01:00', '2026-03-29T02:30:00.000+01:00',
    ]);
    // Both occurrences of 01:00 are bookable slots.
    expect(await slotProblem(d.id, new Date('2026-10-25T00:00:00Z'), new Date('2026-10-25T00:30:00Z'), EARLY)).toBeNull();
    expect(await slotProblem(d.id, new Date('2026-10-25T01:00:00Z'), new Date('2026-10-25T01:30:00Z'), EARLY)).toBeNull();
  });

  it('Africa/Cairo 2026 (luxon\'s data: 24 April 00:00 → 01:00, 29 October 24:00 → 23:00)', async () => {
    useZone('Africa/Cairo');
    // The transitions this test relies on, as the zone data in use has them.
    const cairo = IANAZone.create('Africa/Cairo');
    expect([cairo.offset(Date.parse('2026-04-23T21:59:00Z')), cairo.offset(Date.parse('2026-04-23T22:00:00Z'))]).toEqual([120, 180]);
    expect([cairo.offset(Date.parse('2026-10-29T20:59:00Z')), cairo.offset(Date.parse('2026-10-29T21:00:00Z'))]).toEqual([180, 120]);

    const d = await doctorWith([[0, h(4)], [h(22), h(24)]], { slotMinutes: 30 });
    // Friday 24 April: midnight does not exist; 00:00–04:00 runs from 01:00 EEST, 3 hours.
    const spring = (await listFreeSlots(d.id, '2026-04-24', '2026-04-24', EARLY)).filter((s) => s.start < new Date('2026-04-24T12:00:00Z'));
    expect(starts(spring)).toEqual([
      '2026-04-23T22:00:00.000Z', '2026-04-23T22:30:00.000Z', '2026-04-23T23:00:00.000Z',
      '2026-04-23T23:30:00.000Z', '2026-04-24T00:00:00.000Z', '2026-04-24T00:30:00.000Z',
    ]);
    expect(clinicStarts(spring)[0]).toBe('2026-04-24T01:00:00.000+03:00');
    // Thursday 23 April: 22:00–24:00 ends when the clocks jump (24:00 EET = 01:00 EEST), 2 hours.
    const eve = (await listFreeSlots(d.id, '2026-04-23', '2026-04-23', EARLY)).filter((s) => s.start > new Date('2026-04-23T12:00:00Z'));
    expect(clinicStarts(eve)).toEqual([
      '2026-04-23T22:00:00.000+02:00', '2026-04-23T22:30:00.000+02:00', '2026-04-23T23:00:00.000+02:00', '2026-04-23T23:30:00.000+02:00',
    ]);
    expect(eve[eve.length - 1].end.toISOString()).toBe('2026-04-23T22:00:00.000Z');

    // Thursday 29 October: 22:00–24:00 holds 3 hours, 23:xx twice (EEST, then EET).
    const autumn = (await listFreeSlots(d.id, '2026-10-29', '2026-10-29', EARLY)).filter((s) => s.start > new Date('2026-10-29T12:00:00Z'));
    expect(clinicStarts(autumn)).toEqual([
      '2026-10-29T22:00:00.000+03:00', '2026-10-29T22:30:00.000+03:00',
      '2026-10-29T23:00:00.000+03:00', '2026-10-29T23:30:00.000+03:00',
      '2026-10-29T23:00:00.000+02:00', '2026-10-29T23:30:00.000+02:00',
    ]);
    expect(starts(autumn)[0]).toBe('2026-10-29T19:00:00.000Z');
    // 00:00–04:00 on both sides of it is an ordinary 4 hours.
    const thu = (await listFreeSlots(d.id, '2026-10-29', '2026-10-29', EARLY)).filter((s) => s.start < new Date('2026-10-29T12:00:00Z'));
    const fri = (await listFreeSlots(d.id, '2026-10-30', '2026-10-30', EARLY)).filter((s) => s.start < new Date('2026-10-30T12:00:00Z'));
    expect(thu).toHaveLength(8);
    expect(thu[0].start.toISOString()).toBe('2026-10-28T21:00:00.000Z');
    expect(fri).toHaveLength(8);
    expect(fri[0].start.toISOString()).toBe('2026-10-29T22:00:00.000Z');
  });
});

describe('slotProblem', () => {
  const now = new Date('2026-06-01T00:00:00+03:00');
  const at = (local: string, minutes = 20) => {
    const start = new Date(`${local}:00+03:00`);
    return [start, new Date(start.getTime() + minutes * 60_000)] as const;
  };

  it('accepts a free slot of the grid and explains every refusal in a sentence', async () => {
    useZone(undefined);
    const d = await doctorWith([[h(8), h(12)], [h(14), h(17)]], { weekdays: [1, 2, 3, 4, 5], name: 'Amani Kariuki' });
    await createTimeOff({ doctorId: d.id, startDate: '2026-12-01', endDate: '2026-12-05', reason: null, createdAt: new Date() });
    expect(await slotProblem(d.id, ...at('2026-06-01T08:00'), now)).toBeNull();
    expect(await slotProblem(d.id, ...at('2026-06-01T16:40'), now)).toBeNull();
    expect(await slotProblem(d.id, ...at('2026-06-01T07:40'), now)).toBe('Dr Amani Kariuki works 08:00–12:00 and 14:00–17:00 on Mondays.');
    expect(await slotProblem(d.id, ...at('2026-06-01T12:00'), now)).toBe('Dr Amani Kariuki works 08:00–12:00 and 14:00–17:00 on Mondays.');
    expect(await slotProblem(d.id, ...at('2026-06-01T09:10'), now))
      .toBe('Dr Amani Kariuki works 08:00–12:00 and 14:00–17:00 on Mondays, in 20-minute slots from the start of each period. Choose one of the free times.');
    expect(await slotProblem(d.id, ...at('2026-06-07T09:00'), now)).toBe('Dr Amani Kariuki does not work on Sundays.');
    expect(await slotProblem(d.id, ...at('2026-12-02T09:00'), now)).toBe('Dr Amani Kariuki is away from 1 Dec to 5 Dec.');
    expect(await slotProblem(d.id, ...at('2026-06-01T09:00', 40), now)).toBe('Appointments with Dr Amani Kariuki last 20 minutes.');
    expect(await slotProblem(d.id, ...at('2026-05-29T09:00'), now)).toBe('This time has already passed. Choose a later time.');
    expect(await slotProblem(d.id, ...at('2026-06-01T00:00'), now)).toBe('This time has already passed. Choose a later time.');
  });

  it('refuses a time further ahead than BOOKING_HORIZON_DAYS (365 by default), up to 31 Dec 9999', async () => {
    const d = await doctorWith([[h(8), h(17)]], { weekdays: [1, 2, 3, 4, 5], name: 'Imani Chege' });
    expect(await slotProblem(d.id, ...at('2027-05-31T09:00'), now)).toBeNull(); // a Monday 364 days on
    const far = 'Appointments can be booked up to 365 days ahead. Choose an earlier time.';
    expect(await slotProblem(d.id, ...at('2027-06-07T09:00'), now)).toBe(far);
    expect(await slotProblem(d.id, ...at('9999-12-31T09:00'), now)).toBe(far); // a Friday
    const saved = process.env.BOOKING_HORIZON_DAYS;
    process.env.BOOKING_HORIZON_DAYS = '30';
    resetEnv();
    try {
      expect(await slotProblem(d.id, ...at('2026-07-06T09:00'), now)).toBe('Appointments can be booked up to 30 days ahead. Choose an earlier time.');
      expect(await slotProblem(d.id, ...at('2026-06-29T09:00'), now)).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.BOOKING_HORIZON_DAYS; else process.env.BOOKING_HORIZON_DAYS = saved;
      resetEnv();
    }
  });

  it('refuses an inactive, an unbookable or an unknown doctor', async () => {
    const inactive = await doctorWith([[h(8), h(17)]], { name: 'Baraka Mwangi', isActive: false });
    expect(await slotProblem(inactive.id, ...at('2026-06-01T08:00'), now)).toBe('Dr Baraka Mwangi is not taking appointments.');
    const closed = await doctorWith([[h(8), h(17)]], { name: 'Dr. Chiamaka Eze' });
    await updatePractitionerByUserId(closed.id, { bookable: false });
    expect(await slotProblem(closed.id, ...at('2026-06-01T08:00'), now)).toBe('Dr. Chiamaka Eze is not open for booking at the moment.');
    expect(await slotProblem(999_999_999, ...at('2026-06-01T08:00'), now)).toBe('This doctor is not taking appointments.');
    const patient = await makeUser('patient');
    expect(await slotProblem(patient.id, ...at('2026-06-01T08:00'), now)).toBe('This doctor is not taking appointments.');
  });

  it('describes a single day away and a period across the new year', async () => {
    const d = await doctorWith([[h(8), h(17)]], { name: 'Fatuma Hassan' });
    await createTimeOff({ doctorId: d.id, startDate: '2026-06-03', endDate: '2026-06-03', reason: null, createdAt: new Date() });
    await createTimeOff({ doctorId: d.id, startDate: '2026-12-28', endDate: '2027-01-03', reason: null, createdAt: new Date() });
    expect(await slotProblem(d.id, ...at('2026-06-03T10:00'), now)).toBe('Dr Fatuma Hassan is away on 3 Jun.');
    expect(await slotProblem(d.id, ...at('2027-01-02T10:00'), now)).toBe('Dr Fatuma Hassan is away from 28 Dec 2026 to 3 Jan 2027.');
  });
});
