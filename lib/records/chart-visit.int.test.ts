/** Charting a visit: the record, its coded lines and the appointment's completion land together, or nothing does. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { listAppointmentEvents } from '@/db/repositories/appointment-events';
import { createAppointment, findAppointmentById } from '@/db/repositories/appointments';
import { findUserById } from '@/db/repositories/users';
import { actorOf, type CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import { chartVisit } from './chart-visit';
import { chartVisitFormSchema, chartVisitSchema } from './schemas';

async function current(id: number): Promise<CurrentUser> {
  const u = (await findUserById(id))!;
  return { id: u.id, name: u.name, email: u.email, role: u.role, via: 'session', mustChangePassword: false };
}
async function recordsOf(patientId: number) {
  const db = await q();
  return db.select().from(tables.medicalRecords).where(eq(tables.medicalRecords.patientId, patientId));
}
/** A pending 20-minute appointment that started `minutesAgo` minutes ago (a visit is charted on its day). */
async function pendingAppointment(doctorId: number, patientId: number, minutesAgo = 10) {
  const start = new Date(Date.now() - minutesAgo * 60_000);
  return createAppointment({ patientId, doctorId, startAt: start, endAt: new Date(start.getTime() + 1_200_000), status: 'pending', createdAt: new Date(), updatedAt: new Date() });
}

describe('chartVisit', () => {
  it('saves the record with ICD-10 and free-text diagnoses, prescription lines and vitals, and completes the appointment', async () => {
    const [doctor, patient] = [await makeUser('doctor'), await makeUser('patient')];
    const appointmentId = await pendingAppointment(doctor.id, patient.id);
    const u = await current(doctor.id);
    const input = chartVisitSchema.parse({
      patient_id: patient.id, appointment_id: appointmentId, symptoms: 'Fever and chills for 3 days',
      diagnoses: [{ system: 'ICD-10', code: 'b54' }, { system: 'text', display: 'Dehydration, mild', certainty: 'provisional' }],
      prescriptions: [{ medicine: 'Artemether/lumefantrine', strength: '20/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days' }],
      vital_signs: { systolic_mmhg: 118, diastolic_mmhg: 76, temperature_f: 101.3, weight_kg: '61.5' },
    });
    const rec = await chartVisit({ user: u, actor: actorOf(u), input });
    expect(rec).toMatchObject({ status: 'final', version: 1, appointmentId, systolicMmHg: 118, diastolicMmHg: 76, temperatureC: 38.5, temperatureEnteredF: true, weightKg: 61.5 });
    const db = await q();
    const dx = await db.select().from(tables.diagnoses).where(eq(tables.diagnoses.recordId, rec.id));
    expect(dx.map((d) => [d.system, d.code, d.rank])).toEqual([['ICD-10', 'B54', 'primary'], ['text', null, 'secondary']]);
    expect(dx[0].display).toMatch(/malaria/i);
    expect((await findAppointmentById(appointmentId))?.status).toBe('completed');
    expect((await listAppointmentEvents(appointmentId)).map((e) => e.toStatus)).toEqual(['confirmed', 'completed']);
  });

  it('refuses an unknown ICD-10 code and impossible vitals, writing nothing', async () => {
    const [doctor, patient] = [await makeUser('doctor'), await makeUser('patient')];
    const appointmentId = await pendingAppointment(doctor.id, patient.id);
    const u = await current(doctor.id);
    const bad = chartVisitSchema.parse({ patient_id: patient.id, appointment_id: appointmentId, diagnoses: [{ system: 'ICD-10', code: 'ZZZ.99' }] });
    const e1 = await chartVisit({ user: u, actor: actorOf(u), input: bad }).catch((e: unknown) => e);
    expect((e1 as AppError).fields?.['diagnoses.0.code']?.[0]).toMatch(/not an ICD-10 code/);
    const vitals = chartVisitSchema.safeParse({ patient_id: patient.id, vital_signs: { systolic_mmhg: 80, diastolic_mmhg: 90, spo2_pct: 101 } });
    expect(vitals.success).toBe(false);
    expect(await recordsOf(patient.id)).toHaveLength(0);
    expect((await findAppointmentById(appointmentId))?.status).toBe('pending');
  });

  it('refuses an unlinked patient without an appointment, another doctor\'s appointment, and a completed one', async () => {
    const [doctor, other, patient] = [await makeUser('doctor'), await makeUser('doctor'), await makeUser('patient')];
    const u = await current(doctor.id);
    const unlinked = await chartVisit({ user: u, actor: actorOf(u), input: chartVisitSchema.parse({ patient_id: patient.id, symptoms: 'x' }) }).catch((e: unknown) => e);
    expect((unlinked as AppError).code).toBe('forbidden');
    const theirs = await pendingAppointment(other.id, patient.id);
    const e2 = await chartVisit({ user: u, actor: actorOf(u), input: chartVisitSchema.parse({ patient_id: patient.id, appointment_id: theirs, symptoms: 'cough' }) }).catch((e: unknown) => e);
    expect((e2 as AppError).code).toBe('forbidden');
    // Earlier the same day: the other doctor's appointment still holds the patient's time.
    const mine = await pendingAppointment(doctor.id, patient.id, 40);
    await chartVisit({ user: u, actor: actorOf(u), input: chartVisitSchema.parse({ patient_id: patient.id, appointment_id: mine, symptoms: 'cough' }) });
    const again = await chartVisit({ user: u, actor: actorOf(u), input: chartVisitSchema.parse({ patient_id: patient.id, appointment_id: mine, symptoms: 'cough' }) }).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('conflict');
    expect(await recordsOf(patient.id)).toHaveLength(1);
  });

  it('refuses an empty visit', () => {
    const r = chartVisitSchema.safeParse({ patient_id: 1, vital_signs: {} });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/at least the symptoms/);
  });

  it('rebuilds the charting form\'s flat fields', () => {
    const r = chartVisitFormSchema.parse({
      patient_id: '7', appointment_id: '', symptoms: 'cough',
      diagnoses_json: JSON.stringify([{ system: 'ICD-10', code: 'J06.9', display: 'URTI', rank: 'primary', certainty: 'confirmed' }]),
      'prescriptions.0.medicine': 'Paracetamol', 'prescriptions.0.dose': '1 g', 'prescriptions.0.route': 'oral', 'prescriptions.0.frequency': 'every 8 h', 'prescriptions.0.duration': '3 days',
      'prescriptions.1.medicine': '', 'vital_signs.temperature': '37,9', 'vital_signs.temperature_unit': 'C',
    });
    expect(r.patient_id).toBe(7);
    expect(r.appointment_id).toBeUndefined();
    expect(r.prescriptions).toHaveLength(1);
    expect(r.diagnoses[0].code).toBe('J06.9');
    expect(r.vital_signs?.temperatureC).toBe(37.9);
  });
});
