import { findPatientByUserId } from '@/db/repositories/patients';
import { listPatientHistoryPage } from '@/db/repositories/record-reads';
import { findUserById } from '@/db/repositories/users';
import type { Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { assertCanOpenChart } from '@/lib/auth/policy';
import { notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';
import { patientIdentityOf } from '@/lib/patients/patient-identity';

import { ageOn } from '@/core/time';
import { auditChartReads } from './record-access';

/** Visits per page of the patient's history (the portal's page size; the API takes `page_size`). */
export const HISTORY_PAGE_SIZE = 20;

/**
 * One page of patient `patientId`'s history for `user`: their visits (medical records not entered in
 * error — each the current version of its visit), newest first by visit time then id, with doctor
 * names, diagnoses and prescription lines; the count; and who the patient is (`PatientIdentity`: name,
 * patient number, date of birth, sex; and the age). Stays quick with hundreds of visits: one indexed page query (`records_patient_created_idx`)
 * and two for the page's lines.
 *
 * Only the patient, a doctor linked to the patient, or an admin (403); 404 when there is no such
 * patient. A read by anyone but the patient is audited (`chart.view`, `via: 'history'`).
 */
export async function getPatientHistory(opts: { user: CurrentUser; actor: Actor; patientId: number; page: { limit: number; offset: number } }) {
  const user = assertRole(opts.user);
  const { patientId } = opts;
  const patientUser = await findUserById(patientId);
  const profile = patientUser?.role === 'patient' ? await findPatientByUserId(patientId) : undefined;
  if (!patientUser || !profile) throw notFound('The patient');
  // A record merged into another: 404 with `merged_into` (the survivor's user id), to staff and itself.
  if (user.role !== 'patient' || user.id === patientId) await assertNotMerged(patientUser, 'The patient');
  await assertCanOpenChart(user, patientId);
  const { count, rows } = await listPatientHistoryPage(patientId, opts.page);
  await auditChartReads(user, opts.actor, [{ patientId, details: { via: 'history', offset: opts.page.offset, limit: opts.page.limit } }]);
  return {
    patient: { ...patientIdentityOf(patientUser, profile), age: profile.dateOfBirth ? ageOn(profile.dateOfBirth) : null },
    count,
    rows,
  };
}
