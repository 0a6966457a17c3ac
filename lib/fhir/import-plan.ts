/**
 * The import plan of a FHIR R4 Bundle (made by lib/fhir/bundle.ts, written by lib/fhir/import-bundle.ts):
 * external keys, the mapped practitioners, patients with their allergies, and encounters with their
 * vital signs, diagnoses and prescription lines; and the problems that stop or skip a resource.
 */
import type { Allergy, DiagnosisCertainty, DiagnosisRank, CodeSystem } from '@/core/vocabulary';
import type { VitalValues } from '@/core/vital-signs';
import type { PatientFields, PractitionerFields, PrescriptionFields } from './resources';

/** Identifies an external resource in the external id table. */
export interface ExternalKey {
  system: string;
  resourceType: string;
  id: string;
}

/** `system|resourceType|id`, for maps. */
export const keyString = (k: ExternalKey) => `${k.system}|${k.resourceType}|${k.id}`;

/** A problem with a bundle: the resource it is about (`Type/id`) and what is wrong. */
export interface BundleProblem {
  resource?: string;
  message: string;
}

/** Thrown when a bundle cannot be imported: not a Bundle, or resources that fail validation (all listed). */
export class FhirBundleError extends Error {
  /** The first resource at fault (`Type/id`), if the problem is in a resource. */
  readonly resource?: string;
  constructor(readonly problems: BundleProblem[]) {
    super(problems.slice(0, 5).map((p) => (p.resource ? `${p.resource}: ${p.message}` : p.message)).join('; ')
      + (problems.length > 5 ? `; and ${problems.length - 5} more` : ''));
    this.name = 'FhirBundleError';
    this.resource = problems.find((p) => p.resource)?.resource;
  }
}

/** A Practitioner to import. */
export interface MappedPractitioner extends PractitionerFields {
  /** `Practitioner/<id>` for messages. */
  ref: string;
  /** Identifier keys first (NPI first), then the entry key. */
  keys: ExternalKey[];
}

/** An AllergyIntolerance, as an allergy on its patient's profile. */
export interface MappedAllergy {
  ref: string;
  key: ExternalKey;
  allergy: Allergy;
}

/** A Patient to import, with its allergies. */
export interface MappedPatient extends PatientFields {
  ref: string;
  key: ExternalKey;
  allergies: MappedAllergy[];
}

/** A Condition, as a diagnosis line of its encounter's record. */
export interface MappedDiagnosis {
  ref: string;
  key: ExternalKey;
  system: CodeSystem;
  code: string | null;
  display: string;
  rank: DiagnosisRank;
  certainty: DiagnosisCertainty;
}

/** A MedicationRequest, as a prescription line of its encounter's record. */
export interface MappedPrescription extends PrescriptionFields {
  ref: string;
  key: ExternalKey;
}

/** An Encounter, imported as a completed appointment with one final medical record. */
export interface MappedEncounter {
  ref: string;
  key: ExternalKey;
  /** The Patient (in this bundle or imported before). */
  patient: ExternalKey;
  /** The first participant that is a Practitioner; null → the shared "Unknown practitioner". */
  practitioner: ExternalKey | null;
  startAt: Date;
  endAt: Date;
  /** "Type: reason, reason" from `type[0]` and `reasonCode` texts. */
  reason: string | null;
  /** Vital signs in the record's units (mmHg, °C, kg, cm, /min, %); the latest Observation wins per field. */
  vitals: VitalValues;
  /** The Observations that set at least one vital sign. */
  vitalObservations: { ref: string; key: ExternalKey }[];
  diagnoses: MappedDiagnosis[];
  prescriptions: MappedPrescription[];
}

/** The import plan of one bundle. */
export interface MappedBundle {
  practitioners: MappedPractitioner[];
  patients: MappedPatient[];
  encounters: MappedEncounter[];
  /** Resources read but not imported, with the reason. */
  skipped: BundleProblem[];
  /** Entries of types (or Observations of codes) the app does not store. */
  ignored: number;
}
