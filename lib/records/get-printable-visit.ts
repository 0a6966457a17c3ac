import { findPatientByUserId } from '@/db/repositories/patients';
import { findPractitionerByUserId } from '@/db/repositories/practitioners';
import { findRecordDetail } from '@/db/repositories/record-reads';
import type { Allergy, RecordStatus } from '@/core/vocabulary';
import { env } from '@/core/env';
import type { Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { notFound } from '@/lib/errors';
import { patientIdentityOf, type PatientIdentity } from '@/lib/patients/patient-identity';
import { assertCanReadRecord, auditChartReads } from './record-access';
import { contentOf, prescriptionText, type RecordContent } from './record-content';
import type { PrintDoc } from './print-options';
import { ageAtVisit } from './serialize';

/** Everything a printed visit summary or prescription shows (see `getPrintableVisit`). */
export interface PrintableVisit {
  clinic: { name: string; address: string | null };
  record: { id: number; status: RecordStatus; version: number; visitAt: Date; updatedAt: Date };
  patient: PatientIdentity & { allergies: Allergy[]; ageAtVisit: number | null };
  doctor: { id: number; name: string; specialty: string | null };
  symptoms: string | null;
  diagnoses: RecordContent['diagnoses'];
  /** The prescription lines (medicine, strength, dose, route, frequency, duration, instructions). */
  prescriptions: RecordContent['prescriptions'];
  /** A free-text prescription, for a record charted without lines ('' otherwise). */
  freePrescription: string;
  vitals: RecordContent['vitals'];
}

/**
 * Medical record `recordId` as `user` prints it (`doc`: the visit summary or the prescription): the
 * clinic's name and address (`CLINIC_NAME`, `CLINIC_ADDRESS`), the patient's identity (name, number,
 * date of birth, sex) and allergies, the doctor (name, specialty), the visit's time, diagnoses,
 * prescription lines (or free-text prescription), symptoms and vital signs. The doctor's notes are
 * not printed (they are for the clinic).
 *
 * Same access as reading the record (`assertCanReadRecord`, on the shared policy): the patient, an
 * admin, or a doctor linked to the patient (403 otherwise); 404 for no such record, and for a record
 * entered in error (nothing to print from it). A print by anyone but the patient is audited as a
 * chart read (`chart.view`, entity `medical_record`, `details.via` `print`, with `doc`).
 */
export async function getPrintableVisit(opts: { user: CurrentUser; actor: Actor; recordId: number; doc: PrintDoc }): Promise<PrintableVisit> {
  const user = assertRole(opts.user);
  const record = await findRecordDetail(opts.recordId);
  if (!record) throw notFound('The medical record');
  await assertCanReadRecord(user, record);
  if (record.status === 'entered-in-error') throw notFound('The medical record');
  const [profile, practitioner] = await Promise.all([findPatientByUserId(record.patientId), findPractitionerByUserId(record.doctorId)]);
  if (!profile) throw notFound('The patient');
  await auditChartReads(user, opts.actor, [{ patientId: record.patientId, entity: 'medical_record', entityId: record.id, details: { via: 'print', doc: opts.doc, version: record.version } }]);
  const content = contentOf(record);
  return {
    clinic: { name: env().CLINIC_NAME, address: env().CLINIC_ADDRESS || null },
    record: { id: record.id, status: record.status, version: record.version, visitAt: record.createdAt, updatedAt: record.updatedAt },
    patient: {
      ...patientIdentityOf({ id: record.patientId, name: record.patientName }, profile),
      allergies: profile.allergies ?? [],
      ageAtVisit: ageAtVisit(profile.dateOfBirth, record.createdAt),
    },
    doctor: { id: record.doctorId, name: record.doctorName, specialty: practitioner?.specialty ?? null },
    symptoms: content.symptoms,
    diagnoses: content.diagnoses,
    prescriptions: content.prescriptions,
    freePrescription: content.prescriptions.length ? '' : prescriptionText(content),
    vitals: content.vitals,
  };
}
