/**
 * The appointments repository keeps the occupancy cells in step by itself, on both databases: the
 * callers below only create and update appointments, and never touch `appointment_cells`. Created
 * active → cells for the doctor and the patient over `[start, end)`; moved (time or party) while
 * active → the cells move; confirmed → unchanged; cancelled or completed → gone, and the time is free
 * again; created inactive → none. An overlap is refused by the unique key and leaves nothing behind.
 */
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, tables } from './index';
import { classifyDbError } from './dialect';
import { createAppointment, findAppointmentById, updateAppointment, updateAppointmentIfStatus } from './repositories/appointments';
import { createUser } from './repositories/users';
import { foldName } from '@/core/text';

const MIN = 60_000;
const base = new Date('2031-03-03T06:00:00.000Z');
const at = (minutes: number) => new Date(base.getTime() + minutes * MIN);

async function user(role: 'doctor' | 'patient', name: string) {
  const now = new Date();
  return createUser({ name, nameFolded: foldName(name), role, isActive: true, dateJoined: now, mustChangePassword: false, sessionVersion: 1, updatedAt: now });
}

/** The cells of appointment `id` as `party:partyId@HH:MM` (UTC), in order. */
async function cellsOf(id: number): Promise<string[]> {
  const db = await q();
  const c = tables.appointmentCells;
  const rows = await db.select().from(c).where(eq(c.appointmentId, id)).orderBy(asc(c.cellStart), asc(c.party));
  return rows.map((r) => `${r.party}:${r.partyId}@${r.cellStart.toISOString().slice(11, 16)}`);
}

/** The cells expected for an active appointment of `doctor` and `patient` starting at these UTC times. */
const expected = (doctor: number, patient: number, starts: string[]) => starts.flatMap((t) => [`doctor:${doctor}@${t}`, `patient:${patient}@${t}`]);

const appointment = (doctorId: number, patientId: number, start: Date, minutes: number, status: 'pending' | 'confirmed' | 'completed' | 'cancelled') =>
  createAppointment({ patientId, doctorId, startAt: start, endAt: new Date(start.getTime() + minutes * MIN), status, createdAt: new Date(), updatedAt: new Date() });

describe('occupancy cells follow the appointment (appointments repository)', () => {
  it('writes them on create, moves them with the time and the doctor, keeps them on confirm, drops them on cancel', async () => {
    const [doctor, other, patient] = [await user('doctor', 'Dr Cell One'), await user('doctor', 'Dr Cell Two'), await user('patient', 'Cell Patient')];
    const id = await appointment(doctor, patient, at(0), 20, 'pending');
    expect(await cellsOf(id)).toEqual(expected(doctor, patient, ['06:00', '06:05', '06:10', '06:15']));

    await updateAppointment(id, { startAt: at(60), endAt: at(80) });
    expect(await cellsOf(id)).toEqual(expected(doctor, patient, ['07:00', '07:05', '07:10', '07:15']));

    await updateAppointment(id, { doctorId: other });
    expect(await cellsOf(id)).toEqual(expected(other, patient, ['07:00', '07:05', '07:10', '07:15']));

    expect(await updateAppointmentIfStatus(id, 'pending', { status: 'confirmed' })).toBe(true);
    expect(await cellsOf(id)).toEqual(expected(other, patient, ['07:00', '07:05', '07:10', '07:15']));

    // A change from a status it no longer has changes nothing.
    expect(await updateAppointmentIfStatus(id, 'pending', { status: 'cancelled' })).toBe(false);
    expect(await cellsOf(id)).toHaveLength(8);

    expect(await updateAppointmentIfStatus(id, 'confirmed', { status: 'cancelled', cancellationReason: 'test' })).toBe(true);
    expect(await cellsOf(id)).toEqual([]);
    // The time is free again.
    const again = await appointment(other, patient, at(60), 20, 'confirmed');
    expect(await cellsOf(again)).toHaveLength(8);
  });

  it('drops them when the appointment is completed, by either update', async () => {
    const [doctor, patient] = [await user('doctor', 'Dr Cell Three'), await user('patient', 'Cell Patient Two')];
    const a = await appointment(doctor, patient, at(120), 20, 'confirmed');
    const b = await appointment(doctor, patient, at(180), 20, 'pending');
    expect(await cellsOf(a)).toHaveLength(8);
    expect(await updateAppointmentIfStatus(a, 'confirmed', { status: 'completed' })).toBe(true);
    await updateAppointment(b, { status: 'completed' });
    expect(await cellsOf(a)).toEqual([]);
    expect(await cellsOf(b)).toEqual([]);
    // A move of a completed appointment (an edit of a past visit's time) holds nothing either.
    await updateAppointment(a, { startAt: at(300), endAt: at(320) });
    expect(await cellsOf(a)).toEqual([]);
  });

  it('writes none for an appointment created inactive, and writes them when one is made active again', async () => {
    const [doctor, patient] = [await user('doctor', 'Dr Cell Four'), await user('patient', 'Cell Patient Three')];
    const done = await appointment(doctor, patient, at(240), 20, 'completed');
    const cancelled = await appointment(doctor, patient, at(240), 20, 'cancelled');
    expect(await cellsOf(done)).toEqual([]);
    expect(await cellsOf(cancelled)).toEqual([]);
    // Made active again (no workflow does this; the repository still keeps the rule).
    await updateAppointment(cancelled, { status: 'confirmed', startAt: at(245), endAt: at(255) });
    expect(await cellsOf(cancelled)).toEqual(expected(doctor, patient, ['10:05', '10:10']));
  });

  it('refuses an overlap on create or move, leaving the rows as they were', async () => {
    const [doctor, otherDoctor, patient, otherPatient] = [
      await user('doctor', 'Dr Cell Five'), await user('doctor', 'Dr Cell Six'), await user('patient', 'Cell Patient Four'), await user('patient', 'Cell Patient Five'),
    ];
    const held = await appointment(doctor, patient, at(600), 20, 'confirmed');
    const db = await q();
    const before = (await db.select().from(tables.appointments).where(eq(tables.appointments.doctorId, otherDoctor))).length;

    // The same patient with another doctor, overlapping by one cell: refused, no appointment row left.
    const clash = await appointment(otherDoctor, patient, at(615), 20, 'pending').catch((e: unknown) => e);
    expect(classifyDbError(clash)).toBe('unique');
    expect(await db.select().from(tables.appointments).where(eq(tables.appointments.doctorId, otherDoctor))).toHaveLength(before);

    // Another patient's appointment moved into the doctor's held time: refused, its time and cells unchanged.
    const mover = await appointment(doctor, otherPatient, at(700), 20, 'pending');
    const moved = await updateAppointment(mover, { startAt: at(610), endAt: at(630) }).catch((e: unknown) => e);
    expect(classifyDbError(moved)).toBe('unique');
    expect((await findAppointmentById(mover))?.startAt).toEqual(at(700));
    expect(await cellsOf(mover)).toEqual(expected(doctor, otherPatient, ['17:40', '17:45', '17:50', '17:55']));
    expect(await cellsOf(held)).toHaveLength(8);

    // Starting when the held one ends ([16:20, 16:40) after [16:00, 16:20)) is fine.
    const next = await appointment(doctor, patient, at(620), 20, 'pending');
    expect(await cellsOf(next)).toHaveLength(8);
  });
});
