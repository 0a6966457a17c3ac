/**
 * FHIR R4 Bundle → plain import plan (no I/O). Validates the envelope and every resource the import
 * reads (lib/fhir/schemas.ts), resolves references inside the bundle, groups Observations
 * (vital signs), Conditions and MedicationRequests under their Encounter and AllergyIntolerances
 * under their Patient, and gives every imported resource an external key for idempotent import.
 *
 * External keys and references: lib/fhir/bundle-entries.ts. The plan's shape: lib/fhir/import-plan.ts.
 *
 * What is not imported is reported in `skipped` with a reason, never silently dropped:
 * Observations/Conditions/MedicationRequests whose Encounter is not in the bundle (we do not guess
 * which visit they belong to), entered-in-error/refuted/cancelled resources, vital signs whose unit
 * cannot be converted. Resource types the app does not store (Claim, Procedure, labs…) are counted
 * in `ignored`.
 */
import { bundleSchema, type AllergyIntoleranceResource, type ConditionResource, type EncounterResource,
  type MedicationRequestResource, type MedicationResource, type ObservationResource, type PatientResource,
  type PractitionerResource, type PractitionerRoleResource, type Quantity, type Reference,
} from './schemas';
import {
  NPI_SYSTEM, UCUM_SYSTEM, clip, conceptText, isRefuted, mapAllergy, mapCondition, mapPatient, mapPractitioner, mapPrescription,
} from './resources';
import { LOINC_SYSTEM, VITAL_SIGN_CODES, toVitalValue, type VitalField } from '@/core/vital-signs';
import { parseFhirInstant } from './time';
import { readEntries, type Entry } from './bundle-entries';
import {
  FhirBundleError, type BundleProblem, type ExternalKey, type MappedBundle, type MappedEncounter, type MappedPatient,
  type MappedPractitioner,
} from './import-plan';

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

  const read = readEntries(env.data.entry);
  const { problems, of, resourceOf, target, refKey } = read;
  let { ignored } = read;
  const skipped: BundleProblem[] = [];
  const skip = (e: Entry, message: string) => skipped.push({ resource: e.ref, message });

  // 1. Practitioners (with specialties from PractitionerRoles in the bundle).
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

  // 2. Patients and their allergies.
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

  // 3. Encounters.
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

  // 4. Observations → vital signs.
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

  // 5. Conditions → diagnoses (bundle order: the first of a visit is primary).
  for (const { e, r } of of<ConditionResource>('Condition')) {
    if (isRefuted(r.verificationStatus)) { skip(e, 'refuted or entered in error'); continue; }
    const enc = encounterFor(r.encounter);
    if (typeof enc === 'string') { skip(e, enc); continue; }
    const dx = mapCondition(r);
    if (!dx) { skip(e, 'names no condition'); continue; }
    enc.diagnoses.push({ ...dx, ref: e.ref, key: e.key, rank: enc.diagnoses.length === 0 ? 'primary' : 'secondary' });
  }

  // 6. MedicationRequests → prescription lines.
  for (const { e, r } of of<MedicationRequestResource>('MedicationRequest')) {
    if (r.status && SKIP_STATUS.has(r.status)) { skip(e, `status ${r.status}`); continue; }
    const enc = encounterFor(r.encounter);
    if (typeof enc === 'string') { skip(e, enc); continue; }
    let concept = r.medicationCodeableConcept;
    if (!concept && r.medicationReference) {
      const med = target(r.medicationReference);
      concept = med?.type === 'Medication' ? (resourceOf(med) as MedicationResource).code : undefined;
      if (!concept && r.medicationReference.display) concept = { text: r.medicationReference.display };
    }
    const line = mapPrescription(concept, r.dosageInstruction?.[0], r.dispenseRequest?.expectedSupplyDuration);
    if (!line) { skip(e, 'names no medication'); continue; }
    enc.prescriptions.push({ ...line, ref: e.ref, key: e.key });
  }

  if (problems.length) throw new FhirBundleError(problems);
  return { practitioners, patients, encounters, skipped, ignored };
}
