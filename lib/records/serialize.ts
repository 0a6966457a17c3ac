/**
 * The API's Medical record shape (api-shapes.md; the seed's names):
 * `{ id, patient_id, doctor_id, appointment_id, symptoms, diagnosis, diagnoses, prescription,
 * prescriptions, vital_signs, notes, status, status_reason, version, created_at, updated_at,
 * patient_name, doctor_name }`, plus `history` (earlier versions) on `GET /api/medical-records/{id}/`.
 *
 * - `diagnosis` is derived: the diagnoses' displays joined with "; ". `prescription` is derived: the
 *   lines in words joined with "; ", or, for a record charted with the seed's free-text field and no
 *   lines, that text (stored as the notes' last paragraph `Prescription: …`, left out of `notes` here).
 * - `vital_signs` by `serializeVitalSigns`, with flags for the patient's age on the day of the visit.
 * - `status`: `final`, `amended`, or `entered_in_error` (FHIR's `entered-in-error` in the database).
 * - Instants with the clinic's offset.
 */
import type { RecordDetail } from '@/db/repositories/record-reads';
import type { RecordStatus } from '@/core/vocabulary';
import { ageOn, clinicToday, toClinicIso } from '@/core/time';
import { contentOf, diagnosisText, prescriptionText, splitNotes, type RecordContent } from './record-content';
import type { ApiRecordStatus } from './schemas';
import type { MedicalRecordVersion } from './get-medical-record';
import { serializeVitalSigns } from './vital-signs';

export const toApiRecordStatus = (s: RecordStatus): ApiRecordStatus => (s === 'entered-in-error' ? 'entered_in_error' : s);
export const fromApiRecordStatus = (s: ApiRecordStatus): RecordStatus => (s === 'entered_in_error' ? 'entered-in-error' : s);

/** The patient's age in years on the day of `at` (null when the date of birth is unknown). */
export function ageAtVisit(dateOfBirth: string | null | undefined, at: Date): number | null {
  return dateOfBirth ? ageOn(dateOfBirth, clinicToday(at)) : null;
}

/** The clinical fields of the shape, from a record's (or an earlier version's) content. */
export function serializeRecordContent(c: RecordContent, ageYears: number | null) {
  const hasLines = c.prescriptions.length > 0;
  return {
    symptoms: c.symptoms ?? '',
    diagnosis: diagnosisText(c.diagnoses),
    diagnoses: c.diagnoses.map((d) => ({ system: d.system, ...(d.code ? { code: d.code } : {}), display: d.display, rank: d.rank, certainty: d.certainty })),
    prescription: prescriptionText(c),
    prescriptions: c.prescriptions.map((p) => ({
      medicine: p.medicine, ...(p.strength ? { strength: p.strength } : {}), dose: p.dose ?? '', route: p.route ?? '',
      frequency: p.frequency ?? '', duration: p.duration ?? '', ...(p.instructions ? { instructions: p.instructions } : {}),
    })),
    vital_signs: serializeVitalSigns({ ...c.vitals, temperatureEnteredF: c.temperatureEnteredF }, { ageYears }),
    notes: splitNotes(c.notes, hasLines).notes,
  };
}

/** A record in the API's shape (see the module comment). */
export function serializeMedicalRecord(r: RecordDetail) {
  return {
    id: r.id,
    patient_id: r.patientId,
    doctor_id: r.doctorId,
    appointment_id: r.appointmentId ?? null,
    ...serializeRecordContent(contentOf(r), ageAtVisit(r.patientDateOfBirth, r.createdAt)),
    status: toApiRecordStatus(r.status),
    status_reason: r.statusReason ?? null,
    version: r.version,
    created_at: toClinicIso(r.createdAt),
    updated_at: toClinicIso(r.updatedAt),
    patient_name: r.patientName,
    doctor_name: r.doctorName,
  };
}

/**
 * A record with its `history`: the earlier versions, oldest first, each
 * `{ version, status, written_at, written_by: {id, name}, reason, …clinical fields }`.
 */
export function serializeMedicalRecordWithHistory(r: RecordDetail, versions: MedicalRecordVersion[]) {
  const age = ageAtVisit(r.patientDateOfBirth, r.createdAt);
  return {
    ...serializeMedicalRecord(r),
    history: versions.filter((v) => !v.current).map((v) => ({
      version: v.version,
      status: toApiRecordStatus(v.status),
      written_at: toClinicIso(v.writtenAt),
      written_by: { id: v.writtenBy.id, name: v.writtenBy.name },
      reason: v.reason,
      ...serializeRecordContent(v.content, age),
    })),
  };
}
