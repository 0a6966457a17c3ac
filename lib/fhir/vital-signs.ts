/**
 * Vital signs: the LOINC codes of the FHIR R4 Vital Signs profile (plus the variants Synthea and
 * US Core use) mapped to the medical record's columns, with the UCUM unit each column holds.
 * Shared by the FHIR import, the API serializers and the charting screens.
 *
 * LOINC codes: This material contains content from LOINC (http://loinc.org). LOINC is copyright ©
 * Regenstrief Institute, Inc. and the LOINC Committee and is available at no cost under the license
 * at http://loinc.org/license.
 */
import { convertUnit, roundTo } from './units';

/** The medical record's vital-sign columns (db/schema: `medical_records`). */
export type VitalField =
  | 'systolicMmHg' | 'diastolicMmHg' | 'temperatureC' | 'weightKg' | 'heightCm'
  | 'heartRatePerMin' | 'respiratoryRatePerMin' | 'spo2Pct';

export type VitalValues = Partial<Record<VitalField, number>>;

/** How a record column stores its vital sign. */
export interface VitalFieldSpec {
  /** UCUM code of the stored unit. */
  unit: string;
  /** Unit for display. */
  unitDisplay: string;
  /** Decimal places stored (0 = integer column). */
  decimals: number;
  display: string;
}

/** The eight stored vital signs: unit (UCUM), decimals kept, display name. */
export const VITAL_FIELDS: Readonly<Record<VitalField, VitalFieldSpec>> = {
  systolicMmHg: { unit: 'mm[Hg]', unitDisplay: 'mmHg', decimals: 0, display: 'Systolic blood pressure' },
  diastolicMmHg: { unit: 'mm[Hg]', unitDisplay: 'mmHg', decimals: 0, display: 'Diastolic blood pressure' },
  temperatureC: { unit: 'Cel', unitDisplay: '°C', decimals: 1, display: 'Body temperature' },
  weightKg: { unit: 'kg', unitDisplay: 'kg', decimals: 2, display: 'Body weight' },
  heightCm: { unit: 'cm', unitDisplay: 'cm', decimals: 1, display: 'Body height' },
  heartRatePerMin: { unit: '/min', unitDisplay: '/min', decimals: 0, display: 'Heart rate' },
  respiratoryRatePerMin: { unit: '/min', unitDisplay: '/min', decimals: 0, display: 'Respiratory rate' },
  spo2Pct: { unit: '%', unitDisplay: '%', decimals: 0, display: 'Oxygen saturation' },
};

/** One LOINC vital-sign code. */
export interface VitalSignCode {
  code: string;
  display: string;
  /** UCUM unit of the code in the FHIR Vital Signs profile. */
  unit: string;
  /** The record column it fills; null when the app does not store it (BMI is derived from weight and height). */
  field: VitalField | null;
  /** Set for panels: the component codes read from `Observation.component`. */
  components?: readonly string[];
}

const codes: VitalSignCode[] = [
  { code: '85354-9', display: 'Blood pressure panel with all children optional', unit: 'mm[Hg]', field: null, components: ['8480-6', '8462-4'] },
  { code: '55284-4', display: 'Blood pressure systolic and diastolic', unit: 'mm[Hg]', field: null, components: ['8480-6', '8462-4'] },
  { code: '8480-6', display: 'Systolic blood pressure', unit: 'mm[Hg]', field: 'systolicMmHg' },
  { code: '8462-4', display: 'Diastolic blood pressure', unit: 'mm[Hg]', field: 'diastolicMmHg' },
  { code: '8310-5', display: 'Body temperature', unit: 'Cel', field: 'temperatureC' },
  { code: '8331-1', display: 'Oral temperature', unit: 'Cel', field: 'temperatureC' },
  { code: '29463-7', display: 'Body weight', unit: 'kg', field: 'weightKg' },
  { code: '8302-2', display: 'Body height', unit: 'cm', field: 'heightCm' },
  { code: '8867-4', display: 'Heart rate', unit: '/min', field: 'heartRatePerMin' },
  { code: '9279-1', display: 'Respiratory rate', unit: '/min', field: 'respiratoryRatePerMin' },
  { code: '2708-6', display: 'Oxygen saturation in Arterial blood', unit: '%', field: 'spo2Pct' },
  { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', unit: '%', field: 'spo2Pct' },
  { code: '39156-5', display: 'Body mass index (BMI) [Ratio]', unit: 'kg/m2', field: null },
];

/** LOINC code → vital-sign definition (panels have `components`; `field: null` means not stored). */
export const VITAL_SIGN_CODES: Readonly<Record<string, VitalSignCode>> = Object.fromEntries(codes.map((c) => [c.code, c]));

/** The LOINC system URI (FHIR `Coding.system`). */
export const LOINC_SYSTEM = 'http://loinc.org';

export type VitalValueResult =
  | { ok: true; field: VitalField; value: number }
  | { ok: false; reason: string };

/**
 * The stored value of one LOINC measurement: `loinc` code, `value` in `unit` (UCUM code or a common
 * spelling) → `{ ok, field, value }` converted to the column's unit and rounded to its decimals
 * (e.g. `('29463-7', 220.46, '[lb_av]')` → `weightKg: 100`). `{ ok: false, reason }` for an unknown
 * or derived code, a missing unit (never guessed: 98.6 without a unit is not 98.6 °C) or a unit of
 * another dimension.
 */
export function toVitalValue(loinc: string, value: number, unit: string | null | undefined): VitalValueResult {
  const def = VITAL_SIGN_CODES[loinc];
  if (!def) return { ok: false, reason: `LOINC ${loinc} is not a stored vital sign` };
  if (!def.field) return { ok: false, reason: `LOINC ${loinc} (${def.display}) is not stored` };
  const spec = VITAL_FIELDS[def.field];
  if (!unit || !unit.trim()) return { ok: false, reason: `LOINC ${loinc} value ${value} has no unit` };
  const converted = convertUnit(value, unit, spec.unit);
  if (converted === null) return { ok: false, reason: `cannot convert ${value} ${unit} to ${spec.unit} for LOINC ${loinc}` };
  return { ok: true, field: def.field, value: roundTo(converted, spec.decimals) };
}
