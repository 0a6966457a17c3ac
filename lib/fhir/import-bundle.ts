/**
 * FHIR R4 Bundle import (`npm run db:import -- <file or folder>`): Patients, Practitioners,
 * Encounters with their vital signs, Conditions and MedicationRequests, and AllergyIntolerances,
 * written through the repositories. The mapping itself is pure and lives in lib/fhir/.
 *
 * - One transaction per bundle: a bundle that fails (invalid JSON, not a Bundle, a resource that fails
 *   validation, a database error) leaves nothing behind and is reported with its file and resource;
 *   the other bundles still import.
 * - Idempotent: every imported resource is linked in `external_ids` (see lib/fhir/bundle.ts for the
 *   keys). A second import finds the links and updates the rows instead of creating new ones; a
 *   record's diagnoses and prescription lines are replaced.
 *   Patient/Practitioner → entity `user`; Encounter, and the Observations/Conditions/MedicationRequests
 *   charted on it → `medical_record`; AllergyIntolerance → `user` (the patient).
 * - Encounters become `completed` appointments with one `final` medical record (created at the
 *   encounter's start). Encounters with no resolvable practitioner go to one shared, inactive,
 *   non-bookable "Unknown practitioner" (external id `urn:ehealth|Practitioner|unknown`).
 * - Values the app may have added stay: a re-import never clears a phone or address the bundle lacks,
 *   never touches email, password, active flag, bookability or slot length, and merges allergies
 *   (the bundle's replace those with the same substance; others are kept — allergies are never deleted).
 * - Concurrent imports are serialised by a row lock (the `fhir_import` row of `locks`).
 * - One audit event per bundle: `fhir.import` (actor kind `import`, entity `bundle`, details
 *   `{file, counts, skipped}`), outcome `success` in the bundle's transaction, or `failure` after rollback.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { withTransaction } from '@/db';
import { rootCauseMessage } from '@/db/dialect';
import { appendAuditEvent } from '@/db/repositories/audit';
import { findAppointmentById, createAppointment, updateAppointment } from '@/db/repositories/appointments';
import { findExternalId, linkExternalId } from '@/db/repositories/external-ids';
import { createPatient, createPatientWithUser, findPatientByUserId, formatPatientNumber, updatePatientByUserId } from '@/db/repositories/patients';
import { createPractitioner, findPractitionerByUserId, updatePractitionerByUserId } from '@/db/repositories/practitioners';
import { createMedicalRecord, findMedicalRecordById, replaceRecordLines, updateMedicalRecord } from '@/db/repositories/records';
import { takeLock } from '@/db/repositories/locks';
import { allocateSequence } from '@/db/repositories/sequences';
import { createUser, findUserById, updateUser } from '@/db/repositories/users';
import type { Allergy, Role } from '@/core/vocabulary';
import {
  FhirBundleError, keyString, mapBundle, type BundleProblem, type ExternalKey, type MappedEncounter,
  type MappedPatient, type MappedPractitioner,
} from '@/lib/fhir/bundle';
import { VITAL_FIELDS, type VitalField } from '@/core/vital-signs';

export const COUNT_KEYS = ['patients', 'practitioners', 'encounters', 'vitals', 'conditions', 'medications', 'allergies'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
/** Per kind of resource: how many rows were created and how many existing ones updated. */
export type ImportCounts = Record<CountKey, { created: number; updated: number }>;

export const DEFAULT_SPECIALTY = 'General practice';
export const UNKNOWN_PRACTITIONER_KEY: ExternalKey = { system: 'urn:ehealth', resourceType: 'Practitioner', id: 'unknown' };
export const UNKNOWN_PRACTITIONER_NAME = 'Unknown practitioner';

export function emptyCounts(): ImportCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, { created: 0, updated: 0 }])) as ImportCounts;
}

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
  ) {
    super(message);
    this.name = 'FhirImportError';
  }
}

/** Writes one mapped bundle inside the caller's transaction. */
class BundleWriter {
  readonly counts = emptyCounts();
  readonly skipped: BundleProblem[] = [];
  unknownPractitioner = 0;
  /** What the resource being written is (`Type/id`), for error reports. */
  current: string | undefined;
  /** External key → user id, for the practitioners and patients of this bundle. */
  private users = new Map<string, number>();
  private readonly now = new Date();

  /** Links `key` to `(entity, entityId)` unless it already is; returns whether the key was known before. */
  private async link(key: ExternalKey, entity: string, entityId: number): Promise<boolean> {
    const found = await findExternalId(key.system, key.resourceType, key.id);
    if (!found || found.entity !== entity || found.entityId !== entityId) {
      await linkExternalId(key.system, key.resourceType, key.id, entity, entityId);
    }
    return !!found;
  }

  /** The user a key stands for: one of this bundle, else a linked user with `role` that still exists. */
  private async resolveUser(key: ExternalKey, role: Role): Promise<number | undefined> {
    const cached = this.users.get(keyString(key));
    if (cached) return cached;
    const found = await findExternalId(key.system, key.resourceType, key.id);
    if (!found || found.entity !== 'user') return undefined;
    const user = await findUserById(found.entityId);
    if (!user || user.role !== role) return undefined;
    this.users.set(keyString(key), user.id);
    return user.id;
  }

  async practitioner(p: MappedPractitioner): Promise<void> {
    this.current = p.ref;
    let userId: number | undefined;
    for (const k of p.keys) if ((userId = await this.resolveUser(k, 'doctor'))) break;
    if (userId) {
      await updateUser(userId, { name: p.name, nameFolded: p.nameFolded, ...(p.phone ? { phone: p.phone } : {}), ...(p.address ? { address: p.address } : {}) });
      const profile = await findPractitionerByUserId(userId);
      if (!profile) await createPractitioner({ userId, specialty: p.specialty ?? DEFAULT_SPECIALTY, bookable: false, slotMinutes: 20 });
      else if (p.specialty && p.specialty !== profile.specialty) await updatePractitionerByUserId(userId, { specialty: p.specialty });
      this.counts.practitioners.updated++;
    } else {
      userId = await this.createDoctor(p.name, p.nameFolded, true, p.specialty, p.phone, p.address);
      this.counts.practitioners.created++;
    }
    for (const k of p.keys) {
      this.users.set(keyString(k), userId);
      await this.link(k, 'user', userId);
    }
  }

  private async createDoctor(name: string, nameFolded: string, isActive: boolean, specialty: string | null, phone: string | null, address: string | null) {
    const userId = await createUser({
      email: null, name, nameFolded, role: 'doctor', phone, address, isActive, dateJoined: this.now,
      passwordHash: null, mustChangePassword: false, sessionVersion: 1, updatedAt: this.now,
    });
    await createPractitioner({ userId, specialty: specialty ?? DEFAULT_SPECIALTY, bookable: false, slotMinutes: 20 });
    return userId;
  }

  /** The shared inactive "Unknown practitioner", created on first need. */
  private async unknownDoctor(): Promise<number> {
    const found = await this.resolveUser(UNKNOWN_PRACTITIONER_KEY, 'doctor');
    if (found) return found;
    const userId = await this.createDoctor(UNKNOWN_PRACTITIONER_NAME, UNKNOWN_PRACTITIONER_NAME.toLowerCase(), false, null, null, null);
    await this.link(UNKNOWN_PRACTITIONER_KEY, 'user', userId);
    this.users.set(keyString(UNKNOWN_PRACTITIONER_KEY), userId);
    return userId;
  }

  async patient(p: MappedPatient): Promise<number> {
    this.current = p.ref;
    let userId = await this.resolveUser(p.key, 'patient');
    const bundleAllergies = p.allergies.map((a) => a.allergy);
    if (userId) {
      await updateUser(userId, { name: p.name, nameFolded: p.nameFolded, ...(p.phone ? { phone: p.phone } : {}), ...(p.address ? { address: p.address } : {}) });
      const profile = await findPatientByUserId(userId);
      const demographics = { ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}), ...(p.sex ? { sex: p.sex } : {}) };
      if (profile) {
        await updatePatientByUserId(userId, { ...demographics, allergies: mergeAllergies(profile.allergies ?? [], bundleAllergies) });
      } else {
        const patientNumber = formatPatientNumber(await allocateSequence('patient_number'));
        await createPatient({ userId, patientNumber, dateOfBirth: p.dateOfBirth, sex: p.sex ?? 'unknown', allergies: bundleAllergies, createdAt: this.now, updatedAt: this.now });
      }
      this.counts.patients.updated++;
    } else {
      ({ userId } = await createPatientWithUser(
        { email: null, name: p.name, nameFolded: p.nameFolded, phone: p.phone, address: p.address, isActive: true, dateJoined: this.now, passwordHash: null, mustChangePassword: false, sessionVersion: 1, updatedAt: this.now },
        { dateOfBirth: p.dateOfBirth, sex: p.sex ?? 'unknown', allergies: bundleAllergies, createdAt: this.now, updatedAt: this.now },
      ));
      this.counts.patients.created++;
    }
    this.users.set(keyString(p.key), userId);
    await this.link(p.key, 'user', userId);
    for (const a of p.allergies) {
      this.current = a.ref;
      this.counts.allergies[(await this.link(a.key, 'user', userId)) ? 'updated' : 'created']++;
    }
    return userId;
  }

  async encounter(e: MappedEncounter): Promise<void> {
    this.current = e.ref;
    const patientId = await this.resolveUser(e.patient, 'patient');
    if (!patientId) {
      this.skipped.push({ resource: e.ref, message: 'its Patient is neither in this bundle nor imported before' });
      return;
    }
    let doctorId = e.practitioner ? await this.resolveUser(e.practitioner, 'doctor') : undefined;
    if (!doctorId) {
      doctorId = await this.unknownDoctor();
      this.unknownPractitioner++;
    }
    const vitals = Object.fromEntries((Object.keys(VITAL_FIELDS) as VitalField[]).map((f) => [f, e.vitals[f] ?? null])) as Record<VitalField, number | null>;
    const appointment = { patientId, doctorId, startAt: e.startAt, endAt: e.endAt, status: 'completed' as const, reason: e.reason };
    const diagnoses = e.diagnoses.map((d) => ({ system: d.system, code: d.code, display: d.display, rank: d.rank, certainty: d.certainty }));
    const prescriptions = e.prescriptions.map(({ ref: _r, key: _k, ...line }) => line);

    const link = await findExternalId(e.key.system, e.key.resourceType, e.key.id);
    const record = link?.entity === 'medical_record' ? await findMedicalRecordById(link.entityId) : undefined;
    let recordId: number;
    if (record) {
      recordId = record.id;
      let appointmentId = record.appointmentId && (await findAppointmentById(record.appointmentId)) ? record.appointmentId : null;
      if (appointmentId) await updateAppointment(appointmentId, appointment);
      else appointmentId = await createAppointment({ ...appointment, createdAt: e.startAt, updatedAt: this.now });
      await updateMedicalRecord(recordId, { patientId, doctorId, appointmentId, createdAt: e.startAt, ...vitals });
      await replaceRecordLines(recordId, diagnoses, prescriptions);
      this.counts.encounters.updated++;
    } else {
      const appointmentId = await createAppointment({ ...appointment, createdAt: e.startAt, updatedAt: this.now });
      recordId = await createMedicalRecord(
        { patientId, doctorId, appointmentId, ...vitals, status: 'final', version: 1, createdAt: e.startAt, updatedAt: this.now },
        diagnoses,
        prescriptions,
      );
      this.counts.encounters.created++;
    }
    if (!link || link.entity !== 'medical_record' || link.entityId !== recordId) {
      await linkExternalId(e.key.system, e.key.resourceType, e.key.id, 'medical_record', recordId);
    }
    const lines: [CountKey, { ref: string; key: ExternalKey }[]][] = [
      ['vitals', e.vitalObservations], ['conditions', e.diagnoses], ['medications', e.prescriptions],
    ];
    for (const [kind, items] of lines) {
      for (const item of items) {
        this.current = item.ref;
        this.counts[kind][(await this.link(item.key, 'medical_record', recordId)) ? 'updated' : 'created']++;
      }
    }
  }
}

/** The bundle's allergies, plus the profile's others (matched by substance, case-insensitively): an import never deletes an allergy. */
export function mergeAllergies(existing: Allergy[], incoming: Allergy[]): Allergy[] {
  const norm = (s: string) => s.trim().toLowerCase();
  const incomingKeys = new Set(incoming.map((a) => norm(a.substance)));
  return [...incoming, ...existing.filter((a) => !incomingKeys.has(norm(a.substance)))];
}

async function auditFailure(file: string, err: FhirImportError): Promise<void> {
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
 * nothing but a failure audit event when the bundle is invalid or a write fails.
 */
export async function importBundle(bundle: unknown, opts: { file: string }): Promise<BundleImportResult> {
  const { file } = opts;
  let writer: BundleWriter | undefined;
  try {
    const plan = mapBundle(bundle);
    return await withTransaction(async () => {
      // Serialises concurrent imports (MySQL row lock until commit; SQLite transactions already are):
      // two importers of the same bundle must not both miss the external ids and create twins.
      await takeLock('fhir_import');
      const w = (writer = new BundleWriter());
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
      ? new FhirImportError(file, e.message, e.resource, e.problems)
      : new FhirImportError(file, rootCauseMessage(e), writer?.current);
    await auditFailure(file, err);
    throw err;
  }
}

/** Progress after each file of `importPath`. */
export interface ImportProgress {
  /** Files done so far (1-based) and in all. */
  done: number;
  total: number;
  file: string;
  result?: BundleImportResult;
  error?: FhirImportError;
}

/** What `importPath` did. */
export interface PathImportResult {
  files: number;
  imported: BundleImportResult[];
  failed: FhirImportError[];
  /** Sum over the imported bundles. */
  counts: ImportCounts;
  skipped: number;
  ignored: number;
  unknownPractitioner: number;
}

/** A `.json` file, or every `*.json` directly in a folder (sorted by name). */
export async function listBundleFiles(target: string): Promise<string[]> {
  const st = await fs.stat(target);
  if (!st.isDirectory()) return [target];
  const names = (await fs.readdir(target, { withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.json')).map((d) => d.name).sort();
  return names.map((n) => path.join(target, n));
}

/**
 * Imports a bundle file, or every `*.json` bundle in a folder, one transaction per file, in name
 * order. A file that fails (unreadable, invalid JSON, invalid bundle, database error) is collected
 * in `failed` and the next file is imported. `onProgress` is called after each file.
 */
export async function importPath(target: string, opts: { onProgress?: (p: ImportProgress) => void } = {}): Promise<PathImportResult> {
  const files = await listBundleFiles(target);
  const out: PathImportResult = { files: files.length, imported: [], failed: [], counts: emptyCounts(), skipped: 0, ignored: 0, unknownPractitioner: 0 };
  for (const [i, full] of files.entries()) {
    const file = path.basename(full);
    let result: BundleImportResult | undefined;
    let error: FhirImportError | undefined;
    let bundle: unknown;
    let readable = false;
    try {
      bundle = JSON.parse((await fs.readFile(full, 'utf8')).replace(/^\uFEFF/, ''));
      readable = true;
    } catch (e) {
      error = new FhirImportError(file, e instanceof SyntaxError ? `invalid JSON: ${e.message}` : rootCauseMessage(e));
      await auditFailure(file, error);
    }
    if (readable) {
      try {
        result = await importBundle(bundle, { file });
      } catch (e) {
        error = e instanceof FhirImportError ? e : new FhirImportError(file, rootCauseMessage(e));
      }
    }
    if (result) {
      out.imported.push(result);
      for (const k of COUNT_KEYS) {
        out.counts[k].created += result.counts[k].created;
        out.counts[k].updated += result.counts[k].updated;
      }
      out.skipped += result.skipped.length;
      out.ignored += result.ignored;
      out.unknownPractitioner += result.unknownPractitioner;
    }
    if (error) out.failed.push(error);
    opts.onProgress?.({ done: i + 1, total: files.length, file, result, error });
  }
  return out;
}
