import { withTransaction } from '@/db';
import { replaceRecordLines, type NewPrescription } from '@/db/repositories/records';
import { findRecordDetail } from '@/db/repositories/record-reads';
import { updateRecordIfVersion } from '@/db/repositories/record-lifecycle';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { conflict, notFound, validationError, type FieldErrors } from '@/lib/errors';
import { ALLERGY_OVERRIDE_ACTION, AMEND_ACTION } from './record-audit-actions';
import { checkPrescriptionAllergies } from './prescription-allergies';
import { assertCanChangeRecord } from './record-access';
import {
  contentOf, diagnosisLines, diagnosisText, enteredInErrorConflict, joinNotes, sameContent, snapshotOf, splitNotes, type RecordContent,
} from './record-content';
import type { AmendRecordInput } from './schemas';
import { vitalColumns } from './vital-signs';

/**
 * Amends a final (or already amended) medical record: the new content becomes the record, the old
 * content stays readable as history with who wrote it and when.
 *
 * Design — versions in place, history in the amendment's audit event ("snapshot"):
 * - The record keeps its id: the API, the appointment it completed and every link keep pointing at
 *   the one row of that visit. The row is updated to the new content with `version` n+1, `status`
 *   'amended' and `statusReason` = the reason given (or null); `created_at` (the visit's time) is
 *   unchanged, `updated_at` is the amendment's time.
 * - The replaced version n — its symptoms, notes, vitals, diagnoses and prescription lines, status and
 *   when it was written — is kept whole in the `record.amend` audit event written in the same
 *   transaction (`details.previous`, a `RecordSnapshot`; with `fromVersion`, `toVersion`, `reason`);
 *   the event's actor and time are who wrote version n+1 and when. Version 1 is the record's doctor at
 *   `created_at`. `getMedicalRecord` rebuilds the versions from these events: never prune `record.amend`
 *   events — they are the record's history.
 * - Why not a new row per version: every row of `medical_records` not entered-in-error is counted and
 *   listed as a visit by the existing queries (`countRecordsBetween`, `listRecordInstants`, the chart's
 *   `listPatientRecordsPage`, `listPatientVitals`), so a superseded copy would be counted twice; it
 *   would also move the id the appointment and API clients hold.
 *
 * The "current version" rule, for statistics and lists: **each row of `medical_records` whose status
 * is `final` or `amended` is exactly one visit, in its current version; `entered-in-error` rows are
 * never counted** (filter `status <> 'entered-in-error'`). A visit is dated by `created_at`, which an
 * amendment never changes, so amending does not move a visit between days or weeks.
 *
 * Rules: only the doctor who wrote the record or an admin (403; 404 when the user may not even read
 * it); an entered-in-error record cannot be amended (409); `input.version`, when given, must be the
 * current version (409 otherwise). Prescription lines given, and a free-text prescription kept (no lines), are checked against the patient's
 * allergies like charting (409 `reason: "allergy"` unless `override_allergy_warning`; matches already
 * confirmed on the current version, or unchanged medicines, need no new confirmation; a new override is audited as
 * `record.allergy_override`). Input like charting (`amendRecordSchema`): a field given replaces
 * the record's, a field left out keeps it; ICD-10 codes are checked against the clinic's list (400
 * with `diagnoses.<i>.code`), and a bad input writes nothing. An amendment that changes nothing
 * writes nothing and returns the record as it is. A concurrent amendment that wins the race makes
 * this one a 409 (the update is conditional on the version read).
 *
 * Returns the record as it now stands (`RecordDetail`) and whether it changed.
 */
export async function amendMedicalRecord(opts: { user: CurrentUser; actor: Actor; recordId: number; input: AmendRecordInput; now?: Date }) {
  const { actor, input } = opts;
  const user = assertRole(opts.user);
  const now = opts.now ?? new Date();
  const record = await findRecordDetail(opts.recordId);
  if (!record) throw notFound('The medical record');
  await assertCanChangeRecord(user, record);
  if (record.status === 'entered-in-error') throw enteredInErrorConflict('amended');
  if (input.version !== undefined && input.version !== record.version) {
    throw conflict(`This record was changed since you opened it (it is now version ${record.version}). Reload it and amend again.`, { current_version: record.version });
  }

  const current = contentOf(record);
  const errors: FieldErrors = {};
  let diagnoses = current.diagnoses;
  if (input.diagnoses !== undefined) diagnoses = diagnosisLines(input.diagnoses, input.diagnosis, errors, current.diagnoses);
  else if (input.diagnosis !== undefined && input.diagnosis !== diagnosisText(current.diagnoses)) diagnoses = diagnosisLines([], input.diagnosis, errors);
  if (Object.keys(errors).length) throw validationError(errors);

  const prescriptions: NewPrescription[] = input.prescriptions === undefined
    ? current.prescriptions
    : input.prescriptions.map((p) => ({
      medicine: p.medicine, strength: p.strength ?? null, dose: p.dose, route: p.route, frequency: p.frequency, duration: p.duration, instructions: p.instructions ?? null,
    }));
  // The free-text prescription lives in the notes (as charting stores it), only while there are no lines.
  const was = splitNotes(current.notes, current.prescriptions.length > 0);
  const notesText = input.notes ?? was.notes;
  const freeRx = input.prescription ?? was.prescription;
  const notes = prescriptions.length ? (notesText.trim() || null) : joinNotes(notesText, freeRx);
  // The free text checked for allergies: only what is kept (no lines), compared with what was kept.
  const keptFreeRx = prescriptions.length ? '' : freeRx.trim();
  const wasFreeRx = current.prescriptions.length ? '' : was.prescription.trim();

  const vitals = input.vital_signs;
  const next: RecordContent = {
    symptoms: input.symptoms === undefined ? current.symptoms : input.symptoms || null,
    notes,
    vitals: vitals ? vitalColumns(vitals) : current.vitals,
    // "Entered in °F" stays with an unchanged temperature (a form shows the stored °C and sends it back).
    temperatureEnteredF: !vitals ? current.temperatureEnteredF
      : vitals.temperatureEnteredF ? true
        : vitals.temperatureC !== undefined && vitals.temperatureC === current.vitals.temperatureC ? current.temperatureEnteredF : null,
    diagnoses,
    prescriptions,
    // Changed medicines (lines or free text) are checked against the allergies (matches confirmed on
    // this version need no new confirmation); the same medicines keep their override.
    allergyOverride: sameMedicines(prescriptions, current.prescriptions) && keptFreeRx === wasFreeRx ? current.allergyOverride : await checkPrescriptionAllergies({
      patientId: record.patientId, lines: prescriptions, freeText: keptFreeRx, override: input.override_allergy_warning === true,
      confirmedById: user.id, acknowledged: current.allergyOverride, now,
    }),
  };
  if (sameContent(next, current)) return { record, changed: false };
  const newOverride = next.allergyOverride !== null && next.allergyOverride.confirmedAt !== current.allergyOverride?.confirmedAt;

  return withTransaction(async () => {
    const updated = await updateRecordIfVersion(record.id, record.version, {
      symptoms: next.symptoms, notes: next.notes, ...next.vitals, temperatureEnteredF: next.temperatureEnteredF,
      allergyOverride: next.allergyOverride, status: 'amended', statusReason: input.reason || null, version: record.version + 1, updatedAt: now,
    });
    if (!updated) throw conflict('This record was changed by someone else a moment ago. Reload it and amend again.');
    await replaceRecordLines(record.id, next.diagnoses, next.prescriptions);
    await audit(actor, {
      action: AMEND_ACTION, entity: 'medical_record', entityId: record.id, patientId: record.patientId,
      details: { fromVersion: record.version, toVersion: record.version + 1, reason: input.reason || null, previous: snapshotOf(record) },
    });
    if (newOverride) {
      await audit(actor, {
        action: ALLERGY_OVERRIDE_ACTION, entity: 'medical_record', entityId: record.id, patientId: record.patientId,
        details: { version: record.version + 1, matches: next.allergyOverride!.matches },
      });
    }
    return { record: (await findRecordDetail(record.id))!, changed: true };
  });
}

const sameMedicines = (a: ReadonlyArray<{ medicine: string }>, b: ReadonlyArray<{ medicine: string }>) =>
  a.length === b.length && a.every((p, i) => p.medicine === b[i].medicine);
