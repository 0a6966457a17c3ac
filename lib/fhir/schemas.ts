/**
 * zod schemas for the parts of FHIR R4 resources the import reads (https://hl7.org/fhir/R4/).
 * Only the elements we use are declared; everything else in a resource is ignored (stripped), so a
 * resource fails validation only when something we read is malformed — e.g. a `gender` outside
 * AdministrativeGender, a `birthDate` that is not a FHIR date, a `valueQuantity.value` that is
 * not a number, an Encounter without `period.start`.
 */
import { z } from 'zod';

/** FHIR `id`: 1–64 of `A–Z a–z 0–9 - .`. */
export const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'not a FHIR id');
/** FHIR `date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const fhirDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'not a FHIR date');
/** FHIR `dateTime`/`instant`: a date, or a date and time with seconds and (when a time is given) an offset. */
export const fhirDateTime = z.string().regex(
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,9})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/,
  'not a FHIR dateTime',
);

const str = z.string();

export const codingSchema = z.object({ system: str.optional(), code: str.optional(), display: str.optional() });
export const codeableConceptSchema = z.object({ coding: z.array(codingSchema).optional(), text: str.optional() });
export const identifierSchema = z.object({ system: str.optional(), value: str.optional() });
export const referenceSchema = z.object({ reference: str.optional(), identifier: identifierSchema.optional(), display: str.optional() });
export const quantitySchema = z.object({
  value: z.number().optional(),
  unit: str.optional(),
  system: str.optional(),
  code: str.optional(),
});
export const periodSchema = z.object({ start: fhirDateTime.optional(), end: fhirDateTime.optional() });
export const humanNameSchema = z.object({
  use: str.optional(),
  text: str.optional(),
  family: str.optional(),
  given: z.array(str).optional(),
  prefix: z.array(str).optional(),
});
export const contactPointSchema = z.object({ system: str.optional(), value: str.optional(), use: str.optional(), rank: z.number().optional() });
export const addressSchema = z.object({
  use: str.optional(),
  text: str.optional(),
  line: z.array(str).optional(),
  city: str.optional(),
  district: str.optional(),
  state: str.optional(),
  postalCode: str.optional(),
  country: str.optional(),
});

export type Coding = z.infer<typeof codingSchema>;
export type CodeableConcept = z.infer<typeof codeableConceptSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
export type HumanName = z.infer<typeof humanNameSchema>;
export type ContactPoint = z.infer<typeof contactPointSchema>;
export type Address = z.infer<typeof addressSchema>;

const base = <T extends string>(type: T) => ({ resourceType: z.literal(type), id: fhirId.optional() });

export const patientSchema = z.object({
  ...base('Patient'),
  name: z.array(humanNameSchema).optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: fhirDate.optional(),
  telecom: z.array(contactPointSchema).optional(),
  address: z.array(addressSchema).optional(),
});

export const practitionerSchema = z.object({
  ...base('Practitioner'),
  identifier: z.array(identifierSchema).optional(),
  name: z.array(humanNameSchema).optional(),
  telecom: z.array(contactPointSchema).optional(),
  address: z.array(addressSchema).optional(),
  qualification: z.array(z.object({ code: codeableConceptSchema })).optional(),
});

export const practitionerRoleSchema = z.object({
  ...base('PractitionerRole'),
  practitioner: referenceSchema.optional(),
  specialty: z.array(codeableConceptSchema).optional(),
});

export const encounterSchema = z.object({
  ...base('Encounter'),
  status: str.optional(),
  type: z.array(codeableConceptSchema).optional(),
  reasonCode: z.array(codeableConceptSchema).optional(),
  subject: referenceSchema.optional(),
  participant: z.array(z.object({ individual: referenceSchema.optional() })).optional(),
  period: periodSchema.extend({ start: fhirDateTime }),
});

const observationValue = {
  code: codeableConceptSchema,
  valueQuantity: quantitySchema.optional(),
};
export const observationSchema = z.object({
  ...base('Observation'),
  status: str.optional(),
  ...observationValue,
  subject: referenceSchema.optional(),
  encounter: referenceSchema.optional(),
  effectiveDateTime: fhirDateTime.optional(),
  effectivePeriod: periodSchema.optional(),
  issued: fhirDateTime.optional(),
  component: z.array(z.object(observationValue)).optional(),
});

export const conditionSchema = z.object({
  ...base('Condition'),
  code: codeableConceptSchema,
  verificationStatus: codeableConceptSchema.optional(),
  subject: referenceSchema.optional(),
  encounter: referenceSchema.optional(),
});

const durationSchema = quantitySchema;
export const dosageSchema = z.object({
  text: str.optional(),
  patientInstruction: str.optional(),
  additionalInstruction: z.array(codeableConceptSchema).optional(),
  timing: z.object({
    code: codeableConceptSchema.optional(),
    repeat: z.object({
      frequency: z.number().int().nonnegative().optional(),
      period: z.number().positive().optional(),
      periodUnit: z.enum(['s', 'min', 'h', 'd', 'wk', 'mo', 'a']).optional(),
      boundsDuration: durationSchema.optional(),
    }).optional(),
  }).optional(),
  asNeededBoolean: z.boolean().optional(),
  asNeededCodeableConcept: codeableConceptSchema.optional(),
  route: codeableConceptSchema.optional(),
  doseAndRate: z.array(z.object({ doseQuantity: quantitySchema.optional() })).optional(),
});
export type Dosage = z.infer<typeof dosageSchema>;

export const medicationRequestSchema = z.object({
  ...base('MedicationRequest'),
  status: str.optional(),
  medicationCodeableConcept: codeableConceptSchema.optional(),
  medicationReference: referenceSchema.optional(),
  subject: referenceSchema.optional(),
  encounter: referenceSchema.optional(),
  dosageInstruction: z.array(dosageSchema).optional(),
  dispenseRequest: z.object({ expectedSupplyDuration: durationSchema.optional() }).optional(),
});

export const medicationSchema = z.object({ ...base('Medication'), code: codeableConceptSchema.optional() });

export const allergyIntoleranceSchema = z.object({
  ...base('AllergyIntolerance'),
  code: codeableConceptSchema.optional(),
  verificationStatus: codeableConceptSchema.optional(),
  patient: referenceSchema,
  reaction: z.array(z.object({
    substance: codeableConceptSchema.optional(),
    manifestation: z.array(codeableConceptSchema).optional(),
    severity: z.enum(['mild', 'moderate', 'severe']).optional(),
  })).optional(),
});

export type PatientResource = z.infer<typeof patientSchema>;
export type PractitionerResource = z.infer<typeof practitionerSchema>;
export type PractitionerRoleResource = z.infer<typeof practitionerRoleSchema>;
export type EncounterResource = z.infer<typeof encounterSchema>;
export type ObservationResource = z.infer<typeof observationSchema>;
export type ConditionResource = z.infer<typeof conditionSchema>;
export type MedicationRequestResource = z.infer<typeof medicationRequestSchema>;
export type MedicationResource = z.infer<typeof medicationSchema>;
export type AllergyIntoleranceResource = z.infer<typeof allergyIntoleranceSchema>;

/** The resource types the import reads, with their schemas. Other types are counted as ignored. */
export const RESOURCE_SCHEMAS = {
  Patient: patientSchema,
  Practitioner: practitionerSchema,
  PractitionerRole: practitionerRoleSchema,
  Encounter: encounterSchema,
  Observation: observationSchema,
  Condition: conditionSchema,
  MedicationRequest: medicationRequestSchema,
  Medication: medicationSchema,
  AllergyIntolerance: allergyIntoleranceSchema,
} as const;
export type ReadResourceType = keyof typeof RESOURCE_SCHEMAS;

/** A Bundle's envelope: `resourceType: "Bundle"` and entries each holding a resource with a `resourceType`. */
export const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: str.optional(),
  entry: z.array(z.object({
    fullUrl: str.optional(),
    resource: z.looseObject({ resourceType: str, id: z.unknown().optional() }),
  })).default([]),
});
export type BundleEnvelope = z.infer<typeof bundleSchema>;
