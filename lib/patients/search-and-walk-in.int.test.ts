/** Staff patient search (demographics for all, chart only when linked) and walk-in visits. */
import { describe, expect, it } from 'vitest';
import { findAppointmentById } from '@/db/repositories/appointments';
import { createPatientWithUser } from '@/db/repositories/patients';
import { findUserById } from '@/db/repositories/users';
import { startWalkIn } from '@/lib/appointments/start-walk-in';
import { actorOf, type CurrentUser } from '@/lib/auth/current-user';
import { canOpenChart } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import { foldName } from '@/core/text';
import { searchPatientsForStaff } from './search-patients';

async function current(id: number): Promise<CurrentUser> {
  const u = (await findUserById(id))!;
  return { id: u.id, name: u.name, email: u.email, role: u.role, via: 'session', mustChangePassword: false };
}
async function walkInPatient(name: string, phone: string) {
  const now = new Date();
  return createPatientWithUser(
    { name, nameFolded: foldName(name), phone, isActive: true, dateJoined: now, mustChangePassword: false, sessionVersion: 1, updatedAt: now },
    { sex: 'female', dateOfBirth: '1991-07-14', allergies: [], createdAt: now, updatedAt: now },
  );
}

describe('staff patient search', () => {
  it('finds by folded name in any order of words, by local phone digits and by clinic number', async () => {
    const doctor = await current((await makeUser('doctor')).id);
    const p = await walkInPatient('Zoë Wanjirũ Kamau', '+254733111222');
    expect((await searchPatientsForStaff(doctor, 'zoe kamau')).map((r) => r.userId)).toContain(p.userId);
    expect((await searchPatientsForStaff(doctor, 'WANJIRU')).map((r) => r.userId)).toContain(p.userId);
    expect((await searchPatientsForStaff(doctor, '0733 111 222')).map((r) => r.userId)).toContain(p.userId);
    expect((await searchPatientsForStaff(doctor, p.patientNumber.toLowerCase())).map((r) => r.userId)).toEqual([p.userId]);
    expect(await searchPatientsForStaff(doctor, 'z')).toEqual([]);
    expect((await searchPatientsForStaff(doctor, '%%')).length).toBe(0); // wildcards are taken literally
    await walkInPatient('Percent_Literal 100% Test', '+254733000001');
    expect((await searchPatientsForStaff(doctor, '100%')).map((r) => r.name)).toEqual(['Percent_Literal 100% Test']);
    expect((await searchPatientsForStaff(doctor, 't_literal')).map((r) => r.name)).toEqual(['Percent_Literal 100% Test']);
    const patient = await current((await makeUser('patient')).id);
    expect(await searchPatientsForStaff(patient, 'zoe').catch((e: AppError) => e.code)).toBe('forbidden');
  });
});

describe('walk-in visit', () => {
  it('creates a confirmed appointment now that links the doctor to the patient, and refuses a second one at once', async () => {
    const doctor = await current((await makeUser('doctor')).id);
    const p = await walkInPatient('Amani Otieno', '+254733999888');
    expect(await canOpenChart(doctor, p.userId)).toBe(false);
    const [row] = await searchPatientsForStaff(doctor, 'amani otieno');
    expect(row.linked).toBe(false);
    const { appointmentId } = await startWalkIn({ user: doctor, actor: actorOf(doctor), patientId: p.userId });
    expect((await findAppointmentById(appointmentId))?.status).toBe('confirmed');
    expect(await canOpenChart(doctor, p.userId)).toBe(true);
    const again = await startWalkIn({ user: doctor, actor: actorOf(doctor), patientId: p.userId }).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('conflict');
  });
});
