/**
 * The FHIR import's writer: one mapped bundle (lib/fhir/import-plan.ts) into users, practitioners,
 * patients, appointments and medical records, linked in `external_ids` (see lib/fhir/import-bundle.ts
 * for the import's rules). Runs inside the caller's transaction.
 */
import { findAppointmentById, createAppointment, updateAppointment } from '@/db/repositories/appointments';
import { findExternalId, linkExternalId } from '@/db/repositories/external-ids';
import { createPatient, createPatientWithUser, findPatientByUserId, formatPatientNumber, updatePatientByUserId } from '@/db/repositories/patients';
import { createPractitioner, findPractitionerByUserId, updatePractitionerByUserId } from '@/db/repositories/practitioners';
import { createMedicalRecord, findMedicalRecordById, replaceRecordLines, updateMedicalRecord } from '@/db/repositories/records';
import { allocateSequence } from '@/db/repositories/sequences';
import { createUser, findUserById, updateUser } from '@/db/repositories/users';
import { takeLock } from '@/db/repositories/locks';
import type { Allergy, Role } from '@/core/vocabulary';
import { findMatchingPatients, PATIENT_REGISTRATION_LOCK } from '@/lib/patients/duplicate-guard';
import type { DuplicateCandidate } from '@/lib/patients/find-possible-duplicates';
import { VITAL_FIELDS, type VitalField } from '@/core/vital-signs';
import {
  FhirBundleError, keyString, type BundleProblem, type ExternalKey, type MappedEncounter, type MappedPatient, type MappedPractitioner,
} from './import-plan';

/** The kinds of resource an import counts. */
export const COUNT_KEYS = ['patients', 'practitioners', 'encounters', 'vitals', 'conditions', 'medications', 'allergies'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
/** Per kind of resource: how many rows were created and how many existing ones updated. */
export type ImportCounts = Record<CountKey, { created: number; updated: number }>;

/** The specialty of an imported practitioner whose bundle names none. */
export const DEFAULT_SPECIALTY = 'General practice';
/** The shared practitioner of encounters with no resolvable one: its external key and name. */
export const UNKNOWN_PRACTITIONER_KEY: ExternalKey = { system: 'urn:ehealth', resourceType: 'Practitioner', id: 'unknown' };
export const UNKNOWN_PRACTITIONER_NAME = 'Unknown practitioner';

/** Counts of zero for every kind. */
export function emptyCounts(): ImportCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, { created: 0, updated: 0 }])) as ImportCounts;
}

/**
 * A bundle Patient not linked by external id matches patients already registered (the rule of
 * lib/patients/duplicate-guard.ts): the bundle is refused unless imported with `confirmNewPatients`.
 * `candidates` are the matching patients.
 */
export class DuplicatePatientError extends FhirBundleError {
  constructor(readonly patientRef: string, readonly candidates: DuplicateCandidate[]) {
    super([{
      resource: patientRef,
      message: `matches ${candidates.length} registered patient(s) it is not linked to: `
        + candidates.map((c) => `${c.patientNumber} ${c.name} (born ${c.dateOfBirth ?? 'unknown'}, user ${c.userId})`).join('; ')
        + '. Nothing of this bundle was imported; import it with --confirm-new-patients if it is a different person.',
    }]);
    this.name = 'DuplicatePatientError';
  }
}

/**
 * Writes one mapped bundle (lib/fhir/import-plan.ts) through the repositories, inside the caller's
 * transaction, counting what it creates and updates: `practitioner(p)`, `patient(p)` (returns the
 * user id), then `encounter(e)` for each, in that order. The rules (idempotent links, values the app
 * added kept, the shared unknown practitioner) are in lib/fhir/import-bundle.ts.
 */
export class BundleWriter {
  readonly counts = emptyCounts();
  readonly skipped: BundleProblem[] = [];
  unknownPractitioner = 0;
  /** What the resource being written is (`Type/id`), for error reports. */
  current: string | undefined;
  /** External key → user id, for the practitioners and patients of this bundle. */
  private users = new Map<string, number>();
  private readonly now = new Date();

  /** `confirmNewPatients`: create a bundle's unlinked Patients even when they match registered patients. */
  constructor(private readonly opts: { confirmNewPatients?: boolean } = {}) {}

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

  /** Creates or updates the doctor of `p` and links each of its keys. */
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

  /**
   * Creates or updates the patient of `p` (allergies merged), links its keys; returns the user id.
   * A Patient not linked yet that matches registered patients throws `DuplicatePatientError` unless
   * the writer was made with `confirmNewPatients`.
   */
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
      if (!this.opts.confirmNewPatients) {
        // The same check, under the same lock, as every other door that creates a patient.
        await takeLock(PATIENT_REGISTRATION_LOCK);
        const candidates = await findMatchingPatients({ name: p.name, dateOfBirth: p.dateOfBirth, phone: p.phone });
        if (candidates.length) throw new DuplicatePatientError(p.ref, candidates);
      }
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

  /** Writes `e` as a completed appointment with one final record (or updates the linked ones); skips it when its patient is unknown. */
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
