/**
 * Pure mappers from validated FHIR R4 resources (lib/fhir/schemas.ts) to the app's plain domain
 * values. No I/O; strings are clipped to the column lengths of db/schema so MySQL never rejects them.
 */
import { isSupportedCountry } from 'libphonenumber-js';
import type { Allergy, CodeSystem, DiagnosisCertainty, Sex } from '@/core/vocabulary';
import { normalizePhone } from '@/core/phone';
import { foldName } from '@/core/text';
import type {
  Address, AllergyIntoleranceResource, CodeableConcept, Coding, ConditionResource, ContactPoint, Dosage,
  HumanName, PatientResource, PractitionerResource, Quantity,
} from './schemas';

export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** ICD-10 and its national modifications (ICD-10-CM …), by FHIR URI or HL7 OID. */
export function isIcd10System(system: string | undefined): boolean {
  if (!system) return false;
  return /^http:\/\/hl7\.org\/fhir\/sid\/icd-10(-[a-z]+)?$/i.test(system)
    || system === 'urn:oid:2.16.840.1.113883.6.3' || system === 'urn:oid:2.16.840.1.113883.6.90';
}

/** `s` trimmed and cut to `max` characters (an ellipsis marks the cut); null when empty. */
export function clip(s: string | null | undefined, max: number): string | null {
  if (s == null) return null;
  const t = s.trim();
  if (t === '') return null;
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** The text of a CodeableConcept: `text`, else the first coding's `display`, else its `code`. */
export function conceptText(c: CodeableConcept | undefined): string | null {
  if (!c) return null;
  return clip(c.text, 10_000) ?? clip(c.coding?.find((x) => x.display)?.display, 10_000) ?? clip(c.coding?.find((x) => x.code)?.code, 10_000);
}

/** The first coding of `c` in `system`. */
export function codingIn(c: CodeableConcept | undefined, system: string): Coding | undefined {
  return c?.coding?.find((x) => x.system === system && x.code);
}

/**
 * The name to store for a person: the `official` (else `usual`, else first not `old`/`maiden`) HumanName
 * as given names + family name, exactly as written (accents, apostrophes and case kept; prefixes such
 * as "Mr."/"Dr." and suffixes left out); `text` when it has no parts. Null when there is none.
 */
export function personName(names: HumanName[] | undefined): string | null {
  if (!names?.length) return null;
  const pick = names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual')
    ?? names.find((n) => n.use !== 'old' && n.use !== 'maiden') ?? names[0];
  const parts = [...(pick.given ?? []), pick.family ?? ''].map((p) => p.trim()).filter(Boolean);
  return clip(parts.length ? parts.join(' ') : pick.text, 200);
}

/** The first phone number (`system: phone`, not `use: old`, lowest `rank` first) as written. */
export function firstPhone(telecom: ContactPoint[] | undefined): string | null {
  const phones = (telecom ?? []).filter((t) => t.system === 'phone' && t.value?.trim() && t.use !== 'old');
  phones.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return phones[0]?.value?.trim() ?? null;
}

/** The address to store: `home` (else the first not `old`), and the address itself. */
export function pickAddress(addresses: Address[] | undefined): Address | undefined {
  const list = (addresses ?? []).filter((a) => a.use !== 'old');
  return list.find((a) => a.use === 'home') ?? list[0];
}

/** One line of text: `line…, city, state, postalCode, country` (the parts present), else `text`. */
export function addressLine(a: Address | undefined): string | null {
  if (!a) return null;
  const parts = [...(a.line ?? []), a.city, a.state, a.postalCode, a.country].map((p) => p?.trim()).filter(Boolean);
  return clip(parts.length ? parts.join(', ') : a.text, 2000);
}

/**
 * The ISO 3166 region to parse a phone number with, from an address's `country`: `US` for
 * US/USA/United States, any other two-letter code libphonenumber knows; undefined (the clinic's
 * default, CLINIC_COUNTRY) otherwise.
 */
export function phoneRegion(country: string | undefined): string | undefined {
  const c = country?.trim().toUpperCase();
  if (!c) return undefined;
  if (['US', 'USA', 'UNITED STATES', 'UNITED STATES OF AMERICA'].includes(c)) return 'US';
  return c.length === 2 && isSupportedCountry(c) ? c : undefined;
}

/** A person's contact fields for the users table: phone (E.164 when it parses, else as written), address. */
function contact(telecom: ContactPoint[] | undefined, addresses: Address[] | undefined) {
  const address = pickAddress(addresses);
  const phone = normalizePhone(firstPhone(telecom), phoneRegion(address?.country));
  return { phone: clip(phone, 32), address: addressLine(address) };
}

export interface PersonFields {
  name: string;
  nameFolded: string;
  phone: string | null;
  address: string | null;
}

export interface PatientFields extends PersonFields {
  /** `YYYY-MM-DD`; null when absent or only a year/month is known. */
  dateOfBirth: string | null;
  /** FHIR AdministrativeGender; null when not given (stored as 'unknown' for a new patient). */
  sex: Sex | null;
}

/** Patient → user and profile fields (name as written, `nameFolded` = `foldName(name)`); null when it has no name. */
export function mapPatient(p: PatientResource): PatientFields | null {
  const name = personName(p.name);
  if (!name) return null;
  return {
    name,
    nameFolded: foldName(name).slice(0, 200),
    ...contact(p.telecom, p.address),
    dateOfBirth: p.birthDate && p.birthDate.length === 10 ? p.birthDate : null,
    sex: p.gender ?? null,
  };
}

export interface PractitionerFields extends PersonFields {
  /** From `qualification[0].code` when given; null = keep/default ('General practice'). */
  specialty: string | null;
}

/** Practitioner → doctor user fields and specialty; null when it has no name. */
export function mapPractitioner(p: PractitionerResource): PractitionerFields | null {
  const name = personName(p.name);
  if (!name) return null;
  return {
    name,
    nameFolded: foldName(name).slice(0, 200),
    ...contact(p.telecom, p.address),
    specialty: clip(conceptText(p.qualification?.[0]?.code), 120),
  };
}

/**
 * AllergyIntolerance → `{ substance, reaction?, severity? }` (substance from `code` text/display,
 * else the first reaction's substance; reaction from `reaction[0].manifestation[0]`; severity
 * mild/moderate/severe from `reaction[0].severity`). Null when no substance is named.
 */
export function mapAllergy(a: AllergyIntoleranceResource): Allergy | null {
  const r0 = a.reaction?.[0];
  const substance = clip(conceptText(a.code) ?? conceptText(r0?.substance), 255);
  if (!substance) return null;
  const out: Allergy = { substance };
  const reaction = clip(conceptText(r0?.manifestation?.[0]), 255);
  if (reaction) out.reaction = reaction;
  if (r0?.severity) out.severity = r0.severity;
  return out;
}

/** Verification statuses that mean "do not record this" (FHIR condition-ver-status / allergy verification). */
export function isRefuted(status: CodeableConcept | undefined): boolean {
  return !!status?.coding?.some((c) => c.code === 'refuted' || c.code === 'entered-in-error');
}

export interface DiagnosisFields {
  system: CodeSystem;
  code: string | null;
  display: string;
  certainty: DiagnosisCertainty;
}

/**
 * Condition → diagnosis: an ICD-10 coding first (the app's catalogue is ICD-10), else SNOMED CT,
 * else free text (`system: 'text'`, no code). Display from the coding, else `code.text`.
 * Certainty `provisional` for verificationStatus unconfirmed/provisional/differential, else `confirmed`.
 * Null when the Condition names nothing.
 */
export function mapCondition(c: ConditionResource): DiagnosisFields | null {
  const usable = (x: Coding) => !!x.code && x.code.length <= 32;
  const icd = c.code.coding?.find((x) => isIcd10System(x.system) && usable(x));
  const snomed = c.code.coding?.find((x) => x.system === SNOMED_SYSTEM && usable(x));
  const coded = icd ?? snomed;
  const display = clip(coded?.display ?? c.code.text ?? conceptText(c.code), 255);
  if (!display) return null;
  const provisional = c.verificationStatus?.coding?.some((x) => ['unconfirmed', 'provisional', 'differential'].includes(x.code ?? ''));
  return {
    system: icd ? 'ICD-10' : snomed ? 'SNOMED-CT' : 'text',
    code: coded?.code ?? null,
    display,
    certainty: provisional ? 'provisional' : 'confirmed',
  };
}

export interface PrescriptionFields {
  medicine: string;
  codeSystem: string | null;
  code: string | null;
  dose: string | null;
  route: string | null;
  frequency: string | null;
  duration: string | null;
  instructions: string | null;
}

const UNIT_WORDS: Record<string, string> = { s: 'second', min: 'minute', h: 'hour', d: 'day', wk: 'week', mo: 'month', a: 'year' };

/**
 * A dosage timing in words: `{frequency: 2, period: 1, periodUnit: 'd'}` → "twice a day",
 * `{frequency: 1, period: 6, periodUnit: 'h'}` → "once every 6 hours". Null when neither is given.
 */
export function describeRepeat(r: { frequency?: number; period?: number; periodUnit?: string } | undefined): string | null {
  if (!r || (r.frequency == null && r.period == null)) return null;
  const word = r.periodUnit ? UNIT_WORDS[r.periodUnit] : undefined;
  const times = r.frequency == null ? null : r.frequency === 1 ? 'once' : r.frequency === 2 ? 'twice' : `${r.frequency} times`;
  let every: string | null = null;
  if (r.period != null && word) every = r.period === 1 ? `a ${word}` : `every ${r.period} ${word}s`;
  if (times && every) return `${times} ${every}`;
  if (every) return r.period === 1 ? `every ${word}` : every;
  return times;
}

/** A quantity as text: `1`, `500 mg`, `7 days` (the `unit` text, else the UCUM code in words for time units, else the code without annotations). */
export function quantityText(q: Quantity | undefined): string | null {
  if (!q || q.value == null) return null;
  let unit = q.unit?.trim() ?? '';
  if (!unit && q.code) {
    const word = UNIT_WORDS[q.code];
    unit = word ? `${word}${q.value === 1 ? '' : 's'}` : q.code.replace(/\{[^}]*\}/g, '').trim();
  }
  return unit ? `${q.value} ${unit}` : String(q.value);
}

/**
 * MedicationRequest parts → prescription line: medicine from the concept's text (else display),
 * RxNorm code when coded in RxNorm, and dose/route/frequency/duration/instructions from the first
 * `dosageInstruction` (duration from `timing.repeat.boundsDuration` or `dispenseRequest.expectedSupplyDuration`).
 * Null when no medicine is named.
 */
export function mapPrescription(
  medication: CodeableConcept | undefined,
  dosage: Dosage | undefined,
  supplyDuration?: Quantity,
): PrescriptionFields | null {
  const medicine = clip(conceptText(medication), 255);
  if (!medicine) return null;
  const rx = codingIn(medication, RXNORM_SYSTEM);
  const rxCode = rx?.code && rx.code.length <= 32 ? rx.code : null;
  const timing = clip(conceptText(dosage?.timing?.code), 64) ?? describeRepeat(dosage?.timing?.repeat);
  const asNeeded = dosage?.asNeededBoolean || dosage?.asNeededCodeableConcept
    ? `as needed${dosage.asNeededCodeableConcept ? ` for ${conceptText(dosage.asNeededCodeableConcept)}` : ''}`
    : null;
  const instructions = [dosage?.text, dosage?.patientInstruction, ...(dosage?.additionalInstruction ?? []).map(conceptText)]
    .map((s) => s?.trim()).filter(Boolean);
  return {
    medicine,
    codeSystem: rxCode ? 'RxNorm' : null,
    code: rxCode,
    dose: clip(quantityText(dosage?.doseAndRate?.[0]?.doseQuantity), 64),
    route: clip(conceptText(dosage?.route), 32),
    frequency: clip([timing, asNeeded].filter(Boolean).join(', '), 64),
    duration: clip(quantityText(dosage?.timing?.repeat?.boundsDuration ?? supplyDuration), 64),
    instructions: instructions.length ? [...new Set(instructions)].join('; ') : null,
  };
}
