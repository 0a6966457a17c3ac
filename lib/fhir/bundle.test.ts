import { describe, expect, it } from 'vitest';
import { mapBundle } from './bundle';
import { entryKey } from './bundle-entries';
import { FhirBundleError } from './import-plan';
import { describeRepeat, mapPrescription, personName, phoneRegion } from './resources';
import { parseFhirInstant } from './time';

const P = 'urn:uuid:11111111-1111-4111-8111-111111111111';
const E = 'urn:uuid:22222222-2222-4222-8222-222222222222';
const D = 'urn:uuid:33333333-3333-4333-8333-333333333333';
const id = (urn: string) => urn.slice('urn:uuid:'.length);
type Entry = { fullUrl: string; resource: Record<string, unknown> };
const entry = (fullUrl: string, resource: Record<string, unknown>): Entry => ({ fullUrl, resource: { id: id(fullUrl), ...resource } });
const obs = (n: number, code: string, valueQuantity: unknown, extra: Record<string, unknown> = {}) =>
  entry(`urn:uuid:44444444-4444-4444-8444-${String(n).padStart(12, '0')}`, {
    resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] },
    subject: { reference: P }, encounter: { reference: E }, valueQuantity, ...extra,
  });

function bundle(...extra: Entry[]): { resourceType: string; type: string; entry: Entry[] } {
  return {
    resourceType: 'Bundle', type: 'transaction', entry: [
      entry(P, {
        resourceType: 'Patient', name: [{ use: 'maiden', given: ['Zoë'], family: 'Old' }, { use: 'official', given: ['Zoë', 'Anne'], family: "N'Diaye", prefix: ['Ms.'] }],
        gender: 'female', birthDate: '1990-02-28', telecom: [{ system: 'email', value: 'z@x.org' }, { system: 'phone', value: '0712 345 678' }],
        address: [{ line: ['1 Kenyatta Ave'], city: 'Nairobi', country: 'KE' }],
      }),
      entry(D, { resourceType: 'Practitioner', identifier: [{ system: 'urn:local', value: 'x1' }, { system: 'http://hl7.org/fhir/sid/us-npi', value: '999' }], name: [{ given: ['Ana'], family: 'Lima', prefix: ['Dr.'] }] }),
      entry(E, {
        resourceType: 'Encounter', status: 'finished', subject: { reference: P }, participant: [{ individual: { reference: D } }],
        type: [{ text: 'Consultation' }], reasonCode: [{ coding: [{ display: 'Fever' }] }],
        period: { start: '2024-03-01T09:00:00+03:00', end: '2024-03-01T09:20:00+03:00' },
      }),
      { fullUrl: 'urn:uuid:55555555-5555-4555-8555-555555555555', resource: { resourceType: 'Claim', id: '55555555-5555-4555-8555-555555555555' } },
      ...extra,
    ],
  };
}

describe('mapBundle', () => {
  it('maps patient, practitioner and encounter with their keys', () => {
    const m = mapBundle(bundle());
    expect(m.patients).toEqual([expect.objectContaining({
      name: "Zoë Anne N'Diaye", nameFolded: "zoe anne n'diaye", sex: 'female', dateOfBirth: '1990-02-28',
      phone: '+254712345678', address: '1 Kenyatta Ave, Nairobi, KE', allergies: [],
      key: { system: 'urn:uuid', resourceType: 'Patient', id: id(P) },
    })]);
    expect(m.practitioners[0].name).toBe('Ana Lima');
    expect(m.practitioners[0].keys.map((k) => `${k.system}|${k.id}`)).toEqual(['http://hl7.org/fhir/sid/us-npi|999', 'urn:local|x1', `urn:uuid|${id(D)}`]);
    expect(m.encounters).toHaveLength(1);
    expect(m.encounters[0]).toMatchObject({
      reason: 'Consultation: Fever', practitioner: { system: 'urn:uuid', resourceType: 'Practitioner', id: id(D) },
      patient: { system: 'urn:uuid', resourceType: 'Patient', id: id(P) },
    });
    expect(m.encounters[0].startAt.toISOString()).toBe('2024-03-01T06:00:00.000Z');
    expect(m.encounters[0].endAt.toISOString()).toBe('2024-03-01T06:20:00.000Z');
    expect(m.ignored).toBe(1);
  });

  it('turns a conditional Practitioner reference into its identifier key', () => {
    const b = bundle();
    b.entry[2].resource.participant = [{ individual: { reference: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345' } }];
    expect(mapBundle(b).encounters[0].practitioner).toEqual({ system: 'http://hl7.org/fhir/sid/us-npi', resourceType: 'Practitioner', id: '9999912345' });
    b.entry[2].resource.participant = [];
    expect(mapBundle(b).encounters[0].practitioner).toBeNull();
  });

  it('reads vital signs with unit conversion; the latest measurement of a visit wins; BMI and pain are ignored', () => {
    const m = mapBundle(bundle(
      obs(1, '29463-7', { value: 154, unit: 'lb', system: 'http://unitsofmeasure.org', code: '[lb_av]' }, { effectiveDateTime: '2024-03-01T09:05:00+03:00' }),
      obs(2, '29463-7', { value: 70.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' }, { effectiveDateTime: '2024-03-01T09:10:00+03:00' }),
      obs(3, '8310-5', { value: 100.4, unit: '°F' }),
      obs(4, '85354-9', undefined, { component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 131.6, code: 'mm[Hg]', system: 'http://unitsofmeasure.org' } },
        { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 84.4, code: 'mm[Hg]', system: 'http://unitsofmeasure.org' } },
      ] }),
      obs(5, '39156-5', { value: 24, code: 'kg/m2' }),
      obs(6, '72514-3', { value: 2, code: '{score}' }),
      obs(7, '59408-5', { value: 97, code: '%' }, { status: 'entered-in-error' }),
      obs(8, '8867-4', { value: 72, code: 'furlong/min' }),
    ));
    expect(m.encounters[0].vitals).toEqual({ weightKg: 70.5, temperatureC: 38, systolicMmHg: 132, diastolicMmHg: 84 });
    expect(m.encounters[0].vitalObservations.map((o) => o.ref.slice(-1))).toEqual(['1', '2', '3', '4']);
    expect(m.ignored).toBe(3); // the claim, BMI, pain
    expect(m.skipped).toEqual([
      { resource: expect.stringMatching(/7$/), message: 'status entered-in-error' },
      { resource: expect.stringMatching(/8$/), message: expect.stringMatching(/cannot convert 72 furlong\/min/) },
    ]);
  });

  it('skips clinical resources whose encounter is missing instead of guessing one', () => {
    const m = mapBundle(bundle(
      obs(1, '29463-7', { value: 70, code: 'kg' }, { encounter: undefined }),
      obs(2, '29463-7', { value: 70, code: 'kg' }, { encounter: { reference: 'urn:uuid:99999999-9999-4999-8999-999999999999' } }),
      entry('urn:uuid:66666666-6666-4666-8666-666666666666', { resourceType: 'Condition', code: { text: 'Fever' }, subject: { reference: P } }),
    ));
    expect(m.encounters[0].vitalObservations).toEqual([]);
    expect(m.skipped.map((s) => s.message)).toEqual(['no Encounter', 'its Encounter is not in this bundle', 'no Encounter']);
  });

  it('maps conditions: ICD-10 before SNOMED, text otherwise, rank by order, certainty, refuted skipped', () => {
    const cond = (n: number, code: unknown, verification?: string) => entry(`urn:uuid:66666666-6666-4666-8666-00000000000${n}`, {
      resourceType: 'Condition', code, subject: { reference: P }, encounter: { reference: E },
      ...(verification ? { verificationStatus: { coding: [{ code: verification }] } } : {}),
    });
    const m = mapBundle(bundle(
      cond(1, { coding: [{ system: 'http://snomed.info/sct', code: '386661006', display: 'Fever' }, { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'R50.9', display: 'Fever, unspecified' }] }),
      cond(2, { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes' }] }, 'differential'),
      cond(3, { text: 'Feels tired', coding: [{ system: 'http://example.org/local', code: 'T1' }] }, 'confirmed'),
      cond(4, { text: 'Not this' }, 'refuted'),
    ));
    expect(m.encounters[0].diagnoses.map(({ system, code, display, rank, certainty }) => ({ system, code, display, rank, certainty }))).toEqual([
      { system: 'ICD-10', code: 'R50.9', display: 'Fever, unspecified', rank: 'primary', certainty: 'confirmed' },
      { system: 'SNOMED-CT', code: '44054006', display: 'Diabetes', rank: 'secondary', certainty: 'provisional' },
      { system: 'text', code: null, display: 'Feels tired', rank: 'secondary', certainty: 'confirmed' },
    ]);
    expect(m.skipped).toEqual([{ resource: expect.stringMatching(/^Condition\//), message: 'refuted or entered in error' }]);
  });

  it('maps medication requests (concept or referenced Medication) and allergies', () => {
    const m = mapBundle(bundle(
      entry('urn:uuid:77777777-7777-4777-8777-000000000001', {
        resourceType: 'MedicationRequest', status: 'active', subject: { reference: P }, encounter: { reference: E },
        medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '198014', display: 'Naproxen 500 MG Oral Tablet' }] },
        dosageInstruction: [{ text: 'after meals', route: { text: 'oral' }, timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd', boundsDuration: { value: 5, unit: 'days' } } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }],
      }),
      entry('urn:uuid:77777777-7777-4777-8777-000000000002', {
        resourceType: 'MedicationRequest', status: 'completed', subject: { reference: P }, encounter: { reference: E },
        medicationReference: { reference: 'urn:uuid:77777777-7777-4777-8777-000000000003' },
        dosageInstruction: [{ asNeededBoolean: true }],
      }),
      entry('urn:uuid:77777777-7777-4777-8777-000000000003', { resourceType: 'Medication', code: { text: 'Paracetamol 500 mg' } }),
      entry('urn:uuid:88888888-8888-4888-8888-000000000001', {
        resourceType: 'AllergyIntolerance', patient: { reference: P }, code: { coding: [{ display: 'Penicillin' }] },
        reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }],
      }),
      entry('urn:uuid:88888888-8888-4888-8888-000000000002', { resourceType: 'AllergyIntolerance', patient: { reference: P }, code: { text: 'Peanuts' } }),
    ));
    expect(m.encounters[0].prescriptions.map(({ ref: _r, key: _k, ...line }) => line)).toEqual([
      { medicine: 'Naproxen 500 MG Oral Tablet', codeSystem: 'RxNorm', code: '198014', dose: '1 tablet', route: 'oral', frequency: 'twice a day', duration: '5 days', instructions: 'after meals' },
      { medicine: 'Paracetamol 500 mg', codeSystem: null, code: null, dose: null, route: null, frequency: 'as needed', duration: null, instructions: null },
    ]);
    expect(m.patients[0].allergies.map((a) => a.allergy)).toEqual([
      { substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' },
      { substance: 'Peanuts' },
    ]);
  });

  it('rejects what is not a Bundle, and lists every resource that fails validation', () => {
    expect(() => mapBundle([])).toThrow(/not a JSON object/);
    expect(() => mapBundle({ resourceType: 'Patient' })).toThrow(/not a FHIR Bundle/);
    const b = bundle(obs(1, '29463-7', { value: 'heavy', code: 'kg' }));
    b.entry[0].resource.gender = 'robot';
    b.entry[2].resource.period = { end: '2024-03-01T09:20:00Z' };
    let err: unknown;
    try { mapBundle(b); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(FhirBundleError);
    const e = err as FhirBundleError;
    expect(e.resource).toBe(`Patient/${id(P)}`);
    expect(e.problems.map((p) => [p.resource?.split('/')[0], p.message.split(':')[0]])).toEqual([
      ['Patient', 'gender'], ['Encounter', 'period.start'], ['Observation', 'valueQuantity.value'],
    ]);
  });
});

describe('helpers', () => {
  it('keys entries by fullUrl, else by id', () => {
    expect(entryKey('urn:uuid:abc', 'Patient', 'x')).toEqual({ system: 'urn:uuid', resourceType: 'Patient', id: 'abc' });
    expect(entryKey('https://fhir.example.org/r4/Patient/123', 'Patient', '123')).toEqual({ system: 'https://fhir.example.org/r4', resourceType: 'Patient', id: '123' });
    expect(entryKey(undefined, 'Patient', '123')).toEqual({ system: 'urn:fhir:id', resourceType: 'Patient', id: '123' });
    expect(entryKey(undefined, 'Patient', undefined)).toBeNull();
  });

  it('names people as written and picks the phone region from the address', () => {
    expect(personName([{ text: 'José da Silva' }])).toBe('José da Silva');
    expect(personName([{ use: 'old', family: 'X' }])).toBe('X');
    expect(personName([])).toBeNull();
    expect(phoneRegion('US')).toBe('US');
    expect(phoneRegion('United States')).toBe('US');
    expect(phoneRegion('KE')).toBe('KE');
    expect(phoneRegion('Atlantis')).toBeUndefined();
  });

  it('describes dosage timing in words', () => {
    expect(describeRepeat({ frequency: 1, period: 1, periodUnit: 'd' })).toBe('once a day');
    expect(describeRepeat({ frequency: 1, period: 6, periodUnit: 'h' })).toBe('once every 6 hours');
    expect(describeRepeat({ frequency: 3, period: 1, periodUnit: 'wk' })).toBe('3 times a week');
    expect(describeRepeat({ period: 8, periodUnit: 'h' })).toBe('every 8 hours');
    expect(describeRepeat({})).toBeNull();
    expect(mapPrescription(undefined, undefined)).toBeNull();
  });

  it('reads FHIR instants with offsets exactly and dates in UTC', () => {
    expect(parseFhirInstant('1971-05-09T05:49:32+00:00')?.toISOString()).toBe('1971-05-09T05:49:32.000Z');
    expect(parseFhirInstant('2024-03-01T09:00:00+03:00')?.toISOString()).toBe('2024-03-01T06:00:00.000Z');
    expect(parseFhirInstant('2024-03-01')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(parseFhirInstant('yesterday')).toBeNull();
  });
});
