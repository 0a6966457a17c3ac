import { CURRENT_RECORD_STATUSES, listRecordsPage, type RecordFilter } from '@/db/repositories/record-reads';
import type { RecordStatus } from '@/core/vocabulary';
import type { Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { forbidden } from '@/lib/errors';
import { auditChartReads } from './record-access';

/**
 * One page of the medical records `user` may see, newest first (visit time, then id), each with its
 * names and lines (`{ count, rows }`):
 * - a patient: their own records;
 * - a doctor: the records (by any doctor) of the patients linked to them — an appointment or a record
 *   together, in any status;
 * - an admin: all.
 * Filters: `patientId`, `doctorId`, `appointmentId`, `status`. Without `status` the list holds the
 * current visits (final and amended; see `amendMedicalRecord` for the rule); `entered-in-error` ones
 * are listed only when asked for, and then only to admins and, for a doctor, those they wrote (a
 * patient gets none). A patient filtering on another patient is a 403.
 * Every patient whose records appear is audited as a chart read (`chart.view`, `via: 'list'`), unless
 * it is the reader.
 */
export async function listMedicalRecords(opts: {
  user: CurrentUser;
  actor: Actor;
  filter?: { patientId?: number; doctorId?: number; appointmentId?: number; status?: RecordStatus };
  page: { limit: number; offset: number };
}) {
  const user = assertRole(opts.user);
  const f = opts.filter ?? {};
  const filter: RecordFilter = {
    patientId: f.patientId, doctorId: f.doctorId, appointmentId: f.appointmentId,
    statuses: f.status ? [f.status] : CURRENT_RECORD_STATUSES,
  };
  const enteredInError = f.status === 'entered-in-error';
  if (user.role === 'patient') {
    if (f.patientId !== undefined && f.patientId !== user.id) throw forbidden('Patients see only their own records.');
    filter.patientId = user.id;
    if (enteredInError) return { count: 0, rows: [] };
  } else if (user.role === 'doctor') {
    filter.linkedToDoctorId = user.id;
    if (enteredInError) {
      if (f.doctorId !== undefined && f.doctorId !== user.id) throw forbidden('Records entered in error are listed only to the doctor who wrote them.');
      filter.doctorId = user.id;
    }
  }
  const page = await listRecordsPage(filter, opts.page);
  const byPatient = new Map<number, number[]>();
  for (const r of page.rows) byPatient.set(r.patientId, [...(byPatient.get(r.patientId) ?? []), r.id]);
  await auditChartReads(user, opts.actor, [...byPatient].map(([patientId, recordIds]) => ({ patientId, details: { via: 'list', recordIds } })));
  return page;
}
