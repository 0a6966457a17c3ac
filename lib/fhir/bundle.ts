/**
 * FHIR R4 Bundle → plain import plan (no I/O). Validates the envelope and every resource the import
 * reads (lib/fhir/schemas.ts), resolves references inside the bundle, groups Observations
 * (vital signs), Conditions and MedicationRequests under their Encounter and AllergyIntolerances
 * under their Patient, and gives every imported resource an external key for idempotent import.
 *
 * External keys `(system, resourceType, id)`:
 * - an entry with `fullUrl: urn:uuid:X` (or `urn:oid:X`) → `('urn:uuid', type, X)`;
 *   an absolute fullUrl `https://host/fhir/Patient/X` → `('https://host/fhir', 'Patient', X)`;
 *   no fullUrl → `('urn:fhir:id', type, resource.id)`;
 * - a Practitioner is also keyed by each of its identifiers, `(identifier.system, 'Practitioner', value)`,
 *   the US NPI (`http://hl7.org/fhir/sid/us-npi`) first: the same doctor in many bundles is one user.
 * References become keys too: an in-bundle reference → the target's entry key; a conditional
 * reference `Practitioner?identifier=sys|val` → `(sys, 'Practitioner', val)`; a `urn:uuid` outside
 * the bundle → `('urn:uuid', expected type, id)`; the importer resolves them against what it wrote.
 *
 * What is not imported is reported in `skipped` with a reason, never silently dropped:
 * Observations/Conditions/MedicationRequests whose Encounter is not in the bundle (we do not guess
 * which visit they belong to), entered-in-error/refuted/cancelled resources, vital signs whose unit
 * cannot be converted. Resource types the app does not store (Claim, Procedure, labs…) are counted
 * in `ignored`.
 */
import type { Allergy, DiagnosisCertainty, DiagnosisRank, CodeSystem } from '@/core/vocabulary';
import {
  RESOURCE_SCHEMAS, bundleSchema, type AllergyIntoleranceResource, type ConditionResource, type EncounterResource,
  type MedicationRequestResource, type MedicationResource, type ObservationResource, type PatientResource,
  type PractitionerResource, type PractitionerRoleResource, type Quantity, type ReadResourceType, type Reference,
} from './schemas';
import {
  NPI_SYSTEM, UCUM_SYSTEM, clip, conceptText, isRefuted, mapAllergy, mapCondition, mapPatient, mapPractitioner,
  mapPrescription, type PatientFields, type PractitionerFields, type PrescriptionFields,
} from './resources';
import { LOINC_SYSTEM, VITAL_SIGN_CODES, toVitalValue, type VitalField, type VitalValues } from '@/core/vital-signs';
import { parseFhirInstant } from './time';

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

export interface MappedPractitioner extends PractitionerFields {
  /** `Practitioner/<id>` for messages. */
  ref: string;
  /** Identifier keys first (NPI first), then the entry key. */
  keys: ExternalKey[];
}

export interface MappedAllergy {
  ref: string;
  key: ExternalKey;
  allergy: Allergy;
}

export interface MappedPatient extends PatientFields {
  ref: string;
  key: ExternalKey;
  allergies: MappedAllergy[];
}

export interface MappedDiagnosis {
  ref: string;
  key: ExternalKey;
  system: CodeSystem;
  code: string | null;
  display: string;
  rank: DiagnosisRank;
  certainty: DiagnosisCertainty;
}

export interface MappedPrescription extends PrescriptionFields {
  ref: string;
  key: ExternalKey;
}

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

interface Entry {
  index: number;
  fullUrl?: string;
  type: string;
  id?: string;
  ref: string;
  key: ExternalKey;
  resource: unknown;
}

/** The external key of a bundle entry (see the module comment). */
export function entryKey(fullUrl: string | undefined, resourceType: string, id: string | undefined): ExternalKey | null {
  if (fullUrl) {
    const urn = /^(urn:(?:uuid|oid)):(.+)$/i.exec(fullUrl);
    if (urn) return { system: urn[1].toLowerCase(), resourceType, id: urn[2] };
    const abs = /^(https?:\/\/.+)\/([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(fullUrl);
    if (abs && abs[2] === resourceType) return { system: abs[1], resourceType, id: abs[3] };
  }
  if (id) return { system: 'urn:fhir:id', resourceType, id };
  return null;
}

const SKIP_ENCOUNTER = new Set(['planned', 'cancelled', 'entered-in-error']);
const SKIP_STATUS = new Set(['cancelled', 'entered-in-error']);

/**
 * Validates `input` as a FHIR R4 Bundle and maps it to an import plan (see the module comment).
 * Phone numbers parse with the region of the person's address country, else CLINIC_COUNTRY.
 * Throws `FhirBundleError` listing every problem when the bundle is not usable.
 */
export function mapBundle(input: unknown): MappedBundle {
  const env = bundleSchema.safeParse(input);
  if (!env.success) {
    const rt = (input as { resourceType?: unknown } | null)?.resourceType;
    const what = typeof input !== 'object' || input === null || Array.isArray(input) ? 'not a JSON object'
      : rt !== 'Bundle' ? `not a FHIR Bundle (resourceType: ${JSON.stringify(rt ?? null)})`
        : env.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'bundle'}: ${i.message}`).join('; ');
    throw new FhirBundleError([{ message: what }]);
  }

  // 1. Index and validate.
  const problems: BundleProblem[] = [];
  const entries: Entry[] = [];
  const byFullUrl = new Map<string, Entry>();
  const byTypeId = new Map<string, Entry>();
  const parsed = new Map<Entry, unknown>();
  let ignored = 0;
  env.data.entry.forEach((e, index) => {
    const r = e.resource;
    const type = r.resourceType;
    const id = typeof r.id === 'string' ? r.id : undefined;
    const ref = `${type}/${id ?? e.fullUrl ?? `#${index}`}`;
    if (!(type in RESOURCE_SCHEMAS)) {
      ignored++;
      return;
    }
    const res = RESOURCE_SCHEMAS[type as ReadResourceType].safeParse(r);
    if (!res.success) {
      for (const i of res.error.issues.slice(0, 3)) problems.push({ resource: ref, message: `${i.path.join('.') || type}: ${i.message}` });
      return;
    }
    const key = entryKey(e.fullUrl, type, id);
    if (!key) return void problems.push({ resource: ref, message: 'entry has neither a fullUrl nor an id' });
    if (key.id.length > 128 || key.system.length > 200) return void problems.push({ resource: ref, message: 'identifier too long' });
    const entry: Entry = { index, fullUrl: e.fullUrl, type, id, ref, key, resource: res.data };
    if (e.fullUrl) {
      if (byFullUrl.has(e.fullUrl)) return void problems.push({ resource: ref, message: `duplicate fullUrl ${e.fullUrl}` });
      byFullUrl.set(e.fullUrl, entry);
    }
    if (id) byTypeId.set(`${type}/${id}`, entry);
    entries.push(entry);
    parsed.set(entry, res.data);
  });
  const of = <T>(type: ReadResourceType) => entries.filter((e) => e.type === type).map((e) => ({ e, r: parsed.get(e) as T }));

  // 2. References.
  /** The entry a reference points to inside the bundle, if any. */
  const target = (ref: Reference | undefined): Entry | undefined => {
    const r = ref?.reference;
    if (!r) return undefined;
    const hit = byFullUrl.get(r) ?? byTypeId.get(r);
    if (hit) return hit;
    const m = /([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(r);
    return m ? byTypeId.get(`${m[1]}/${m[2]}`) : undefined;
  };
  /** The key a reference stands for (in the bundle or imported before), or null. */
  const refKey = (ref: Reference | undefined, expected: string): ExternalKey | null => {
    const hit = target(ref);
    if (hit) return hit.type === expected ? hit.key : null;
    const r = ref?.reference;
    if (!r) {
      const ident = ref?.identifier;
      return ident?.system && ident.value ? { system: ident.system, resourceType: expected, id: ident.value } : null;
    }
    const cond = /^([A-Za-z]+)\?(.*)$/.exec(r);
    if (cond) {
      if (cond[1] !== expected) return null;
      const ident = new URLSearchParams(cond[2]).get('identifier');
      const bar = ident?.indexOf('|') ?? -1;
      if (!ident || bar <= 0 || bar === ident.length - 1) return null;
      return { system: ident.slice(0, bar), resourceType: expected, id: ident.slice(bar + 1) };
    }
    const urn = /^(urn:(?:uuid|oid)):(.+)$/i.exec(r);
    if (urn) return { system: urn[1].toLowerCase(), resourceType: expected, id: urn[2] };
    const rel = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(r);
    if (rel) return rel[1] === expected ? { system: 'urn:fhir:id', resourceType: expected, id: rel[2] } : null;
    const abs = /^(https?:\/\/.+)\/([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(r);
    if (abs) return abs[2] === expected ? { system: abs[1], resourceType: expected, id: abs[3] } : null;
    return null;
  };

  const skipped: BundleProblem[] = [];
  const skip = (e: Entry, message: string) => skipped.push({ resource: e.ref, message });

  // 3. Practitioners (with specialties from PractitionerRoles in the bundle).
  const roleSpecialty = new Map<Entry, string>();
  for (const { r } of of<PractitionerRoleResource>('PractitionerRole')) {
    const p = target(r.practitioner);
    const s = clip(conceptText(r.specialty?.[0]), 120);
    if (p && s && !roleSpecialty.has(p)) roleSpecialty.set(p, s);
  }
  const practitioners: MappedPractitioner[] = [];
  for (const { e, r } of of<PractitionerResource>('Practitioner')) {
    const fields = mapPractitioner(r);
    if (!fields) { problems.push({ resource: e.ref, message: 'a Practitioner needs a name' }); continue; }
    const idents = (r.identifier ?? []).filter((i) => i.system && i.value && i.value.length <= 128 && i.system.length <= 200)
      .sort((a, b) => Number(b.system === NPI_SYSTEM) - Number(a.system === NPI_SYSTEM))
      .map((i) => ({ system: i.system as string, resourceType: 'Practitioner', id: (i.value as string).trim() }));
    practitioners.push({ ...fields, specialty: fields.specialty ?? roleSpecialty.get(e) ?? null, ref: e.ref, keys: [...idents, e.key] });
  }

  // 4. Patients and their allergies.
  const patients: MappedPatient[] = [];
  const patientOf = new Map<Entry, MappedPatient>();
  for (const { e, r } of of<PatientResource>('Patient')) {
    const fields = mapPatient(r);
    if (!fields) { problems.push({ resource: e.ref, message: 'a Patient needs a name' }); continue; }
    const p: MappedPatient = { ...fields, ref: e.ref, key: e.key, allergies: [] };
    patients.push(p);
    patientOf.set(e, p);
  }
  for (const { e, r } of of<AllergyIntoleranceResource>('AllergyIntolerance')) {
    const owner = target(r.patient);
    const p = owner && patientOf.get(owner);
    if (!p) { skip(e, 'its Patient is not in this bundle'); continue; }
    if (isRefuted(r.verificationStatus)) { skip(e, 'refuted or entered in error'); continue; }
    const allergy = mapAllergy(r);
    if (!allergy) { skip(e, 'names no substance'); continue; }
    p.allergies.push({ ref: e.ref, key: e.key, allergy });
  }

  // 5. Encounters.
  const encounters: MappedEncounter[] = [];
  const encounterOf = new Map<Entry, MappedEncounter>();
  const vitalAt = new Map<MappedEncounter, Partial<Record<VitalField, number>>>();
  for (const { e, r } of of<EncounterResource>('Encounter')) {
    if (r.status && SKIP_ENCOUNTER.has(r.status)) { skip(e, `status ${r.status}`); continue; }
    const patient = refKey(r.subject, 'Patient');
    if (!patient) { skip(e, 'no Patient subject'); continue; }
    const startAt = parseFhirInstant(r.period.start);
    const endRaw = r.period.end ? parseFhirInstant(r.period.end) : null;
    if (!startAt) { problems.push({ resource: e.ref, message: `period.start: cannot read ${r.period.start}` }); continue; }
    const endAt = endRaw && endRaw.getTime() >= startAt.getTime() ? endRaw : startAt;
    let practitioner: ExternalKey | null = null;
    for (const part of r.participant ?? []) {
      practitioner = refKey(part.individual, 'Practitioner');
      if (practitioner) break;
    }
    const type = conceptText(r.type?.[0]);
    const reasons = [...new Set((r.reasonCode ?? []).map(conceptText).filter((x): x is string => !!x))];
    const reason = type && reasons.length ? `${type}: ${reasons.join(', ')}` : type ?? (reasons.join(', ') || null);
    const enc: MappedEncounter = {
      ref: e.ref, key: e.key, patient, practitioner, startAt, endAt, reason,
      vitals: {}, vitalObservations: [], diagnoses: [], prescriptions: [],
    };
    encounters.push(enc);
    encounterOf.set(e, enc);
    vitalAt.set(enc, {});
  }
  /** The imported Encounter a clinical resource belongs to, or a skip reason. */
  const encounterFor = (ref: Reference | undefined): MappedEncounter | string => {
    if (!ref?.reference) return 'no Encounter';
    const hit = target(ref);
    if (!hit || hit.type !== 'Encounter') return 'its Encounter is not in this bundle';
    return encounterOf.get(hit) ?? 'its Encounter is not imported';
  };

  // 6. Observations → vital signs.
  for (const { e, r } of of<ObservationResource>('Observation')) {
    const loinc = r.code.coding?.find((c) => (c.system === LOINC_SYSTEM || !c.system) && c.code && VITAL_SIGN_CODES[c.code])?.code;
    const def = loinc ? VITAL_SIGN_CODES[loinc] : undefined;
    if (!def || (!def.field && !def.components)) { ignored++; continue; }
    if (r.status && SKIP_STATUS.has(r.status)) { skip(e, `status ${r.status}`); continue; }
    const enc = encounterFor(r.encounter);
    if (typeof enc === 'string') { skip(e, enc); continue; }
    const measured: { code: string; q: Quantity | undefined }[] = def.components
      ? (r.component ?? []).flatMap((c) => {
        const code = c.code.coding?.find((x) => (x.system === LOINC_SYSTEM || !x.system) && x.code && def.components?.includes(x.code))?.code;
        return code ? [{ code, q: c.valueQuantity }] : [];
      })
      : [{ code: def.code, q: r.valueQuantity }];
    const at = (parseFhirInstant(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued ?? '') ?? enc.startAt).getTime();
    const seen = vitalAt.get(enc) as Partial<Record<VitalField, number>>;
    let set = 0;
    const why: string[] = [];
    for (const { code, q } of measured) {
      if (q?.value == null) { why.push(`LOINC ${code} has no value`); continue; }
      const unit = q.system === UCUM_SYSTEM || !q.unit ? q.code ?? q.unit : q.unit;
      const v = toVitalValue(code, q.value, unit);
      if (!v.ok) { why.push(v.reason); continue; }
      set++;
      // The latest measurement of the visit wins (a tie: the later entry).
      if ((seen[v.field] ?? -Infinity) <= at) {
        enc.vitals[v.field] = v.value;
        seen[v.field] = at;
      }
    }
    if (set) enc.vitalObservations.push({ ref: e.ref, key: e.key });
    else skip(e, why.join('; ') || 'no vital-sign value');
  }

  // 7. Conditions → diagnoses (bundle order: the first of a visit is primary).
  for (const { e, r } of of<ConditionResource>('Condition')) {
    if (isRefuted(r.verificationStatus)) { skip(e, 'refuted or entered in error'); continue; }
    const enc = encounterFor(r.encounter);
    if (typeof enc === 'string') { skip(e, enc); continue; }
    const dx = mapCondition(r);
    if (!dx) { skip(e, 'names no condition'); continue; }
    enc.diagnoses.push({ ...dx, ref: e.ref, key: e.key, rank: enc.diagnoses.length === 0 ? 'primary' : 'secondary' });
  }

  // 8. MedicationRequests → prescription lines.
  for (const { e, r } of of<MedicationRequestResource>('MedicationRequest')) {
    if (r.status && SKIP_STATUS.has(r.status)) { skip(e, `status ${r.status}`); continue; }
    const enc = encounterFor(r.encounter);
    if (typeof enc === 'string') { skip(e, enc); continue; }
    let concept = r.medicationCodeableConcept;
    if (!concept && r.medicationReference) {
      const med = target(r.medicationReference);
      concept = med?.type === 'Medication' ? (parsed.get(med) as MedicationResource).code : undefined;
      if (!concept && r.medicationReference.display) concept = { text: r.medicationReference.display };
    }
    const line = mapPrescription(concept, r.dosageInstruction?.[0], r.dispenseRequest?.expectedSupplyDuration);
    if (!line) { skip(e, 'names no medication'); continue; }
    enc.prescriptions.push({ ...line, ref: e.ref, key: e.key });
  }

  if (problems.length) throw new FhirBundleError(problems);
  return { practitioners, patients, encounters, skipped, ignored };
}
