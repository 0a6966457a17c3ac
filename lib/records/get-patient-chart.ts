import { listAppointmentsPage } from '@/db/repositories/appointments';
import { findPatientByUserId } from '@/db/repositories/patients';
import { listPatientRecordsPage, listPatientVitals } from '@/db/repositories/records';
import { findUserById } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { assertCanOpenChart } from '@/lib/auth/policy';
import { notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';

import { ageOn } from '@/core/time';

/** Visits per page of the chart (the history stays quick with hundreds of visits). */
export const CHART_PAGE_SIZE = 20;

/**
 * Patient `patientId`'s chart for `user`: identity banner (name, number, age in years, sex, blood type,
 * allergies), one page of visits newest first (diagnoses, prescriptions, vitals), the vital signs over
 * time, and the latest appointments. Only the patient, a linked doctor or an admin (403 otherwise;
 * 404 for no such patient). Every view by someone other than the patient is audited ('chart.view').
 */
export async function getPatientChart(opts: { user: CurrentUser; actor: Actor; patientId: number; page?: number }) {
  const { user, actor, patientId } = opts;
  assertRole(user);
  const patientUser = await findUserById(patientId);
  const profile = patientUser?.role === 'patient' ? await findPatientByUserId(patientId) : undefined;
  if (!patientUser || !profile) throw notFound('The patient');
  // A record merged into another: 404 with `merged_into` (the survivor's user id), to staff and itself.
  if (user.role !== 'patient' || user.id === patientId) await assertNotMerged(patientUser, 'The patient');
  await assertCanOpenChart(user, patientId);
  const page = Math.max(1, opts.page ?? 1);
  const [visits, vitals, appointments] = await Promise.all([
    listPatientRecordsPage(patientId, { limit: CHART_PAGE_SIZE, offset: (page - 1) * CHART_PAGE_SIZE }),
    listPatientVitals(patientId),
    listAppointmentsPage({ patientId }, { limit: 10, offset: 0 }, true),
  ]);
  if (user.id !== patientId) {
    await audit(actor, { action: 'chart.view', entity: 'patient', entityId: patientId, patientId, details: { page } });
  }
  return {
    patient: {
      id: patientUser.id, name: patientUser.name, phone: patientUser.phone, patientNumber: profile.patientNumber,
      dateOfBirth: profile.dateOfBirth, age: profile.dateOfBirth ? ageOn(profile.dateOfBirth) : null,
      sex: profile.sex, bloodType: profile.bloodType, allergies: profile.allergies ?? [], medicalHistory: profile.medicalHistory,
    },
    visits: { ...visits, page, pageSize: CHART_PAGE_SIZE },
    vitals,
    appointments: appointments.rows,
  };
}
