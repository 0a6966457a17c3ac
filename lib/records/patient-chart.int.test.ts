/** Who may open a chart, and every view by someone other than the patient is audited. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, tables } from '@/db';
import { createAppointment } from '@/db/repositories/appointments';
import { createMedicalRecord } from '@/db/repositories/records';
import { findUserById } from '@/db/repositories/users';
import { actorOf, type CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import { getPatientChart } from './get-patient-chart';

async function current(id: number): Promise<CurrentUser> {
  const u = (await findUserById(id))!;
  return { id: u.id, name: u.name, email: u.email, role: u.role, via: 'session', mustChangePassword: false };
}
async function chartViews(patientId: number, actorId: number) {
  const db = await q();
  const a = tables.auditEvents;
  return db.select().from(a).where(and(eq(a.action, 'chart.view'), eq(a.patientId, patientId), eq(a.actorUserId, actorId)));
}

describe('patient chart access', () => {
  it('opens for a linked doctor and an admin (audited), and for the patient (not audited); refuses an unlinked doctor and another patient', async () => {
    const [linked, unlinked, admin, patient, other] = await Promise.all([makeUser('doctor'), makeUser('doctor'), makeUser('admin'), makeUser('patient'), makeUser('patient')]);
    const now = new Date();
    await createAppointment({ patientId: patient.id, doctorId: linked.id, startAt: now, endAt: new Date(now.getTime() + 1_200_000), status: 'completed', createdAt: now, updatedAt: now });
    await createMedicalRecord({ patientId: patient.id, doctorId: linked.id, symptoms: 'cough', status: 'final', version: 1, createdAt: now, updatedAt: now },
      [{ system: 'ICD-10', code: 'J06.9', display: 'Acute upper respiratory infection, unspecified', rank: 'primary', certainty: 'confirmed' }]);

    for (const viewer of [linked, admin]) {
      const u = await current(viewer.id);
      const chart = await getPatientChart({ user: u, actor: actorOf(u), patientId: patient.id });
      expect(chart.patient.name).toBe(patient.name);
      expect(chart.visits.rows[0].diagnoses[0].code).toBe('J06.9');
      expect(await chartViews(patient.id, viewer.id)).toHaveLength(1);
    }
    const self = await current(patient.id);
    await getPatientChart({ user: self, actor: actorOf(self), patientId: patient.id });
    expect(await chartViews(patient.id, patient.id)).toHaveLength(0);

    for (const viewer of [unlinked, other]) {
      const u = await current(viewer.id);
      const err = await getPatientChart({ user: u, actor: actorOf(u), patientId: patient.id }).catch((e: unknown) => e);
      expect((err as AppError).code).toBe('forbidden');
      expect(await chartViews(patient.id, viewer.id)).toHaveLength(0);
    }
    const a = await current(admin.id);
    const missing = await getPatientChart({ user: a, actor: actorOf(a), patientId: linked.id }).catch((e: unknown) => e);
    expect((missing as AppError).code).toBe('not_found'); // a doctor is not a patient
  });
});
