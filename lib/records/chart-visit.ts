import { withTransaction } from '@/db';
import { findAppointmentById } from '@/db/repositories/appointments';
import { createMedicalRecord, type NewPrescription } from '@/db/repositories/records';
import { findRecordDetail } from '@/db/repositories/record-reads';
import { findUserById } from '@/db/repositories/users';
import { assertPatientFieldNotMerged } from '@/lib/patients/merged';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { assertCanOpenChart } from '@/lib/auth/policy';
import { changeAppointmentStatus } from '@/lib/appointments/change-appointment-status';
import { isActive } from '@/lib/appointments/transitions';
import { conflict, forbidden, validationError, type FieldErrors } from '@/lib/errors';
import { ALLERGY_OVERRIDE_ACTION } from './record-audit-actions';
import { checkPrescriptionAllergies } from './prescription-allergies';
import { diagnosisLines, joinNotes } from './record-content';
import type { ChartVisitInput } from './schemas';
import { vitalColumns } from './vital-signs';

/**
 * A doctor charts a visit: symptoms, diagnoses (ICD-10 codes checked against the shipped list, or
 * free text), prescription lines, vital signs (validated, in mmHg/°C/kg/cm/per min/%), notes.
 * With `appointment_id` (the doctor's own pending/confirmed appointment with this patient) the same
 * transaction completes the appointment (recording the confirm first when it was pending); without
 * one, the doctor must already be linked to the patient. A prescription line (or a medicine of the
 * free-text `prescription`, kept when there are no lines) matching a recorded
 * allergy of the patient is refused (409 `reason: "allergy"`, lib/records/prescription-allergies.ts)
 * unless `override_allergy_warning` is true; the confirmed matches are then stored on the record
 * (`allergyOverride`) and audited (`record.allergy_override`). Writes the record, its lines, the
 * appointment change and the audit entries together, or nothing (400/403/409).
 * Returns the new record with its doctor's name, diagnoses and prescription lines.
 */
export async function chartVisit(opts: { user: CurrentUser; actor: Actor; input: ChartVisitInput; now?: Date }) {
  const { user, actor, input } = opts;
  const now = opts.now ?? new Date();
  assertRole(user, ['doctor']);
  const patient = await findUserById(input.patient_id);
  if (!patient || patient.role !== 'patient') throw validationError({ patient_id: ['There is no such patient.'] });
  assertPatientFieldNotMerged(patient);

  if (input.appointment_id !== undefined) {
    const a = await findAppointmentById(input.appointment_id);
    if (!a || a.patientId !== patient.id) throw validationError({ appointment_id: ['This appointment is not this patient\'s.'] });
    if (a.doctorId !== user.id) throw forbidden('This appointment is with another doctor.');
    if (!isActive(a.status)) throw conflict(`This appointment is already ${a.status}; chart the visit without it or amend its record.`, { allowed: [] });
  } else {
    await assertCanOpenChart(user, patient.id);
  }

  const errors: FieldErrors = {};
  const diagnoses = diagnosisLines(input.diagnoses, input.diagnosis, errors);
  if (Object.keys(errors).length) throw validationError(errors);

  const prescriptions: NewPrescription[] = input.prescriptions.map((p) => ({
    medicine: p.medicine, strength: p.strength ?? null, dose: p.dose, route: p.route, frequency: p.frequency, duration: p.duration, instructions: p.instructions ?? null,
  }));
  const vitals = input.vital_signs ?? {};
  const notes = joinNotes(input.notes, !prescriptions.length ? input.prescription : null);
  // 409 `reason: "allergy"` unless confirmed; checked before anything is written.
  const allergyOverride = await checkPrescriptionAllergies({
    patientId: patient.id, lines: prescriptions, freeText: !prescriptions.length ? input.prescription : null, override: input.override_allergy_warning === true, confirmedById: user.id, now,
  });

  return withTransaction(async () => {
    const recordId = await createMedicalRecord({
      patientId: patient.id, doctorId: user.id, appointmentId: input.appointment_id ?? null,
      symptoms: input.symptoms || null, notes, ...vitalColumns(vitals), temperatureEnteredF: vitals.temperatureEnteredF ?? null,
      allergyOverride, status: 'final', version: 1, createdAt: now, updatedAt: now,
    }, diagnoses, prescriptions);
    if (input.appointment_id !== undefined) {
      await changeAppointmentStatus({ user, actor, appointmentId: input.appointment_id, action: 'complete', now });
    }
    await audit(actor, { action: 'record.create', entity: 'medical_record', entityId: recordId, patientId: patient.id, details: { appointmentId: input.appointment_id ?? null, diagnoses: diagnoses.length, prescriptions: prescriptions.length } });
    if (allergyOverride) {
      await audit(actor, { action: ALLERGY_OVERRIDE_ACTION, entity: 'medical_record', entityId: recordId, patientId: patient.id, details: { version: 1, matches: allergyOverride.matches } });
    }
    return (await findRecordDetail(recordId))!;
  });
}
