/**
 * FHIR R4 Bundle import: Patients, Practitioners, Encounters with their vital signs, Conditions and
 * MedicationRequests, and AllergyIntolerances, written through the repositories. The mapping is pure
 * (lib/fhir/bundle.ts → the plan of lib/fhir/import-plan.ts); lib/fhir/bundle-writer.ts writes a plan;
 * lib/fhir/import-path.ts imports a file or a folder of bundles (`npm run db:import`).
 *
 * - One transaction per bundle: a bundle that fails (invalid JSON, not a Bundle, a resource that fails
 *   validation, a database error) leaves nothing behind and is reported with its file and resource;
 *   the other bundles still import.
 * - Idempotent: every imported resource is linked in `external_ids` (see lib/fhir/bundle-entries.ts for
 *   the keys). A second import finds the links and updates the rows instead of creating new ones; a
 *   record's diagnoses and prescription lines are replaced.
 *   Patient/Practitioner → entity `user`; Encounter, and the Observations/Conditions/MedicationRequests
 *   charted on it → `medical_record`; AllergyIntolerance → `user` (the patient).
 * - Encounters become `completed` appointments with one `final` medical record (created at the
 *   encounter's start). Encounters with no resolvable practitioner go to one shared, inactive,
 *   non-bookable "Unknown practitioner" (external id `urn:ehealth|Practitioner|unknown`).
 * - Values the app may have added stay: a re-import never clears a phone or address the bundle lacks,
 *   never touches email, password, active flag, bookability or slot length, and merges allergies
 *   (the bundle's replace those with the same substance; others are kept — allergies are never deleted).
 * - No silent duplicate patients: a bundle Patient not linked by external id that matches a registered
 *   patient (same date of birth and a close name or the same phone: lib/patients/duplicate-guard.ts)
 *   refuses the whole bundle (`FhirImportError` with `candidates`), unless `confirmNewPatients` is given
 *   (`npm run db:import -- --confirm-new-patients …`). To attach a bundle to the existing patient, link
 *   its Patient id in `external_ids` first (or merge the two patients after importing with the flag).
 * - Concurrent imports are serialised by a row lock (the `fhir_import` row of `locks`).
 * - One audit event per bundle: `fhir.import` (actor kind `import`, entity `bundle`, details
 *   `{file, counts, skipped}`), outcome `success` in the bundle's transaction, or `failure` after rollback.
 */
import { withTransaction } from '@/db';
import { rootCauseMessage } from '@/db/dialect';
import { appendAuditEvent } from '@/db/repositories/audit';
import { takeLock } from '@/db/repositories/locks';
import { mapBundle } from './bundle';
import { FhirBundleError, type BundleProblem } from './import-plan';
import { BundleWriter, DuplicatePatientError, type ImportCounts } from './bundle-writer';
import type { DuplicateCandidate } from '@/lib/patients/find-possible-duplicates';

/** What one bundle import did. */
export interface BundleImportResult {
  file: string;
  counts: ImportCounts;
  /** Resources read but not imported, with the reason (e.g. an Observation whose Encounter is missing). */
  skipped: BundleProblem[];
  /** Entries of types the app does not store (Claim, Procedure, laboratory Observations, BMI…). */
  ignored: number;
  /** Encounters charted under the shared "Unknown practitioner". */
  unknownPractitioner: number;
  /** User ids of the bundle's patients. */
  patientUserIds: number[];
}

/** A bundle that could not be imported (nothing of it was written). */
export class FhirImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
    /** The resource at fault or being written (`Type/id`), when known. */
    readonly resource?: string,
    readonly problems: BundleProblem[] = [],
    /** When the bundle was refused for a Patient matching registered patients: those patients. */
    readonly candidates: DuplicateCandidate[] = [],
  ) {
    super(message);
    this.name = 'FhirImportError';
  }
}

/** Writes the `fhir.import` failure audit event of `file` (never throws: a broken database must not mask the error). */
export async function auditImportFailure(file: string, err: FhirImportError): Promise<void> {
  try {
    await appendAuditEvent({
      at: new Date(), actorKind: 'import', action: 'fhir.import', entity: 'bundle', outcome: 'failure',
      details: { file, error: err.message, ...(err.resource ? { resource: err.resource } : {}) },
    });
  } catch {
    // The failure is reported to the caller either way; a broken database must not mask it.
  }
}

/**
 * Imports one parsed FHIR R4 Bundle (`unknown` JSON) in one transaction; `file` names it in reports
 * and the audit event. Returns the counts created/updated per kind, the skipped resources and the
 * patients' user ids. Throws `FhirImportError` (with the resource at fault when known) and writes
 * nothing but a failure audit event when the bundle is invalid, a write fails, or an unlinked Patient
 * matches registered patients and `confirmNewPatients` is not set (then with `candidates`).
 */
export async function importBundle(bundle: unknown, opts: { file: string; confirmNewPatients?: boolean }): Promise<BundleImportResult> {
  const { file } = opts;
  let writer: BundleWriter | undefined;
  try {
    const plan = mapBundle(bundle);
    return await withTransaction(async () => {
      // Serialises concurrent imports (MySQL row lock until commit; SQLite transactions already are):
      // two importers of the same bundle must not both miss the external ids and create twins.
      await takeLock('fhir_import');
      const w = (writer = new BundleWriter({ confirmNewPatients: opts.confirmNewPatients }));
      for (const p of plan.practitioners) await w.practitioner(p);
      const patientUserIds: number[] = [];
      for (const p of plan.patients) patientUserIds.push(await w.patient(p));
      for (const e of plan.encounters) await w.encounter(e);
      w.current = undefined;
      const skipped = [...plan.skipped, ...w.skipped];
      await appendAuditEvent({
        at: new Date(), actorKind: 'import', action: 'fhir.import', entity: 'bundle', outcome: 'success',
        patientId: patientUserIds.length === 1 ? patientUserIds[0] : null,
        details: { file, counts: w.counts, skipped: skipped.length },
      });
      return { file, counts: w.counts, skipped, ignored: plan.ignored, unknownPractitioner: w.unknownPractitioner, patientUserIds };
    });
  } catch (e) {
    const err = e instanceof FhirBundleError
      ? new FhirImportError(file, e.message, e.resource, e.problems, e instanceof DuplicatePatientError ? e.candidates : [])
      : new FhirImportError(file, rootCauseMessage(e), writer?.current);
    await auditImportFailure(file, err);
    throw err;
  }
}
