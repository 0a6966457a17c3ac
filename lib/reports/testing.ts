/**
 * Test-only data for the report tests (export and monthly report routes): a small December 2025 in
 * the clinic zone (Africa/Nairobi), with a doctor and a diagnosis whose text starts with a formula
 * character. Expected numbers, range 2025-12-01 … 2025-12-14 (or the month 2025-12):
 * - visits 3: R1 12-02 (D1, with completed A1), R2 12-03 (D2), R3 12-05 (D1) → D1 2, D2 1
 * - diagnoses 4: ICD-10 J06.9 ×2 (50 %), ICD-10 I10 "@SUM(1+1)" ×1 (25 %), free text "-dizzy" ×1 (25 %)
 * - appointments 3: completed A1 12-02, no-show A2 12-04, cancelled A3 12-05 → no-show rate 0.5,
 *   cancellation rate 0.3333
 * - patients: P1 registered 2025-11-20 (before), P2 registered 2025-12-03 (new), both seen; P1 female
 *   born 1990-06-15, P2 male without a date of birth
 */
import { createAppointment } from '@/db/repositories/appointments';
import { updatePatientByUserId } from '@/db/repositories/patients';
import { createMedicalRecord, type NewDiagnosis } from '@/db/repositories/records';
import { makeUser } from '@/lib/testing/factories';
import { clinicInstant } from '@/core/time';

/** The doctor name used to check formula neutralisation in CSV downloads. */
export const EVIL_DOCTOR = '=HYPERLINK("http://x.example","click")';

const dx = (system: NewDiagnosis['system'], code: string | null, display: string): NewDiagnosis =>
  ({ system, code, display, rank: 'primary', certainty: 'confirmed' });

/** Seeds the data set above; returns the ids. */
export async function seedDecember2025() {
  const at = (date: string, hhmm: string) => clinicInstant(date, hhmm);
  const d1 = (await makeUser('doctor', { name: EVIL_DOCTOR })).id;
  const d2 = (await makeUser('doctor', { name: 'Dr Beta' })).id;
  const p1 = (await makeUser('patient')).id;
  await updatePatientByUserId(p1, { createdAt: at('2025-11-20', '10:00'), sex: 'female', dateOfBirth: '1990-06-15' });
  const p2 = (await makeUser('patient')).id;
  await updatePatientByUserId(p2, { createdAt: at('2025-12-03', '08:00'), sex: 'male', dateOfBirth: null });
  const appt = (patientId: number, doctorId: number, startAt: Date, status: 'completed' | 'cancelled' | 'no-show') =>
    createAppointment({ patientId, doctorId, startAt, endAt: new Date(startAt.getTime() + 20 * 60_000), status, createdAt: startAt, updatedAt: startAt });
  const a1 = await appt(p1, d1, at('2025-12-02', '09:00'), 'completed');
  await appt(p2, d2, at('2025-12-04', '09:00'), 'no-show');
  await appt(p1, d1, at('2025-12-05', '09:00'), 'cancelled');
  const rec = (patientId: number, doctorId: number, appointmentId: number | null, createdAt: Date, d: NewDiagnosis[]) =>
    createMedicalRecord({ patientId, doctorId, appointmentId, status: 'final', version: 1, createdAt, updatedAt: createdAt }, d);
  const J069 = dx('ICD-10', 'J06.9', 'Acute upper respiratory infection, unspecified');
  await rec(p1, d1, a1, at('2025-12-02', '09:30'), [J069, dx('text', null, '-dizzy')]);
  await rec(p2, d2, null, at('2025-12-03', '10:00'), [J069, dx('ICD-10', 'I10', '@SUM(1+1)')]);
  await rec(p1, d1, null, at('2025-12-05', '10:00'), []);
  return { d1, d2, p1, p2 };
}
