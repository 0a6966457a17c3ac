/**
 * Vital-sign definitions, the one table records and FHIR share: the medical record's eight vital-sign
 * columns with their stored unit (UCUM), decimals, display names and API names; the LOINC codes of the
 * FHIR R4 Vital Signs profile (plus the variants Synthea and US Core use) mapped to those columns;
 * plausibility limits; adult normal ranges for the high/low flags; and the conversion of one LOINC
 * measurement to its stored value. Pure data and functions, no I/O: imported by the FHIR import
 * (lib/fhir), the record services and forms (lib/records, which add input parsing, flags and the API
 * serializer) and client components.
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

/** Vital-sign values by column, in the stored units; absent values left out. */
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

/** The record's eight vital-sign columns, in display order. */
export const VITAL_FIELD_ORDER: readonly VitalField[] = [
  'systolicMmHg', 'diastolicMmHg', 'temperatureC', 'weightKg', 'heightCm', 'heartRatePerMin', 'respiratoryRatePerMin', 'spo2Pct',
];

/** The API names of the stored vitals (`api-shapes.md`). */
export const VITAL_API_NAMES: Readonly<Record<VitalField, string>> = {
  systolicMmHg: 'systolic_mmhg',
  diastolicMmHg: 'diastolic_mmhg',
  temperatureC: 'temperature_c',
  weightKg: 'weight_kg',
  heightCm: 'height_cm',
  heartRatePerMin: 'heart_rate_bpm',
  respiratoryRatePerMin: 'respiratory_rate',
  spo2Pct: 'spo2_pct',
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

/**
 * Plausibility limits, inclusive, in the stored unit and checked on the stored (rounded) value. A value
 * outside them is refused as a typing or unit error, not flagged: they are set wide enough to take any
 * reading a living patient of any age can give at a clinic (extreme prematurity to severe obesity,
 * shock to hypertensive crisis, deep hypothermia to hyperpyrexia), and narrow enough to catch the
 * usual slips — °F typed as °C (98.6 "°C"), kPa or cmHg for mmHg, pounds in a small child, metres for
 * centimetres (1.75 "cm"), a digit too many (1200). Sources of the extremes: survivable core
 * temperature ≈ 25–45 °C; weight ≈ 0.3 kg (extremely preterm newborn) to ≈ 400 kg; length ≈ 20 cm
 * (extremely preterm) to ≈ 250 cm (tallest recorded adults); pulse oximeters are specified for accuracy
 * only down to 70 % (ISO 80601-2-61), 50 % keeps readings in severe hypoxaemia; heart rate 20–250 and
 * respiratory rate 4–80 /min cover bradyarrhythmia to infant tachycardia/tachypnoea.
 */
export const VITAL_LIMITS: Readonly<Record<VitalField, { min: number; max: number }>> = {
  systolicMmHg: { min: 50, max: 260 },
  diastolicMmHg: { min: 30, max: 160 },
  temperatureC: { min: 25, max: 45 },
  weightKg: { min: 0.3, max: 400 },
  heightCm: { min: 20, max: 250 },
  heartRatePerMin: { min: 20, max: 250 },
  respiratoryRatePerMin: { min: 4, max: 80 },
  spo2Pct: { min: 50, max: 100 },
};

/** What a vital sign is: for labels, units, LOINC coding (FHIR export) and limits. */
export interface VitalSignDef {
  /** Domain name (record column), or `bmi` (derived). */
  field: VitalField | 'bmi';
  /** Name in the API's `vital_signs` object and in form inputs (`vital_signs.<apiName>`). */
  apiName: string;
  /** Short label for forms and tables. */
  label: string;
  /** Unit for display (`mmHg`, `°C`, `kg/m²`). */
  unit: string;
  /** UCUM code of the stored unit. */
  ucum: string;
  /** Decimal places kept. */
  decimals: number;
  /** LOINC code of the measurement and its display (from `VITAL_SIGN_CODES`). */
  loinc: string;
  loincDisplay: string;
  /** The LOINC panel it is reported in (blood pressure: 85354-9). */
  panel?: { loinc: string; display: string };
  /** Plausibility limits (absent for BMI, which is computed). */
  limits?: { min: number; max: number };
  /** Computed, never accepted on input. */
  readOnly?: boolean;
}

const LABELS: Record<VitalField | 'bmi', string> = {
  systolicMmHg: 'Systolic', diastolicMmHg: 'Diastolic', temperatureC: 'Temperature', weightKg: 'Weight', heightCm: 'Height',
  heartRatePerMin: 'Heart rate', respiratoryRatePerMin: 'Respiratory rate', spo2Pct: 'SpO₂', bmi: 'BMI',
};

/** The LOINC code each field is coded with (one per field; the import also reads the variants). */
const LOINC_OF: Record<VitalField | 'bmi', string> = {
  systolicMmHg: '8480-6', diastolicMmHg: '8462-4', temperatureC: '8310-5', weightKg: '29463-7', heightCm: '8302-2',
  heartRatePerMin: '8867-4', respiratoryRatePerMin: '9279-1', spo2Pct: '59408-5', bmi: '39156-5',
};
const BP_PANEL = '85354-9';

function code(loinc: string) {
  const c = VITAL_SIGN_CODES[loinc];
  if (!c) throw new Error(`LOINC ${loinc} is missing from VITAL_SIGN_CODES`);
  return c;
}

function defOf(field: VitalField): VitalSignDef {
  const spec = VITAL_FIELDS[field];
  const c = code(LOINC_OF[field]);
  const bp = field === 'systolicMmHg' || field === 'diastolicMmHg';
  return {
    field, apiName: VITAL_API_NAMES[field], label: LABELS[field], unit: spec.unitDisplay, ucum: spec.unit, decimals: spec.decimals,
    loinc: c.code, loincDisplay: c.display, ...(bp ? { panel: { loinc: BP_PANEL, display: code(BP_PANEL).display } } : {}),
    limits: VITAL_LIMITS[field],
  };
}

/** BMI: kg/m², one decimal, computed from weight and height. */
export const BMI_DECIMALS = 1;

/** Each vital sign (the eight stored ones in display order, then BMI): label, unit, LOINC, limits. */
export const VITAL_SIGN_DEFS: Readonly<Record<VitalField | 'bmi', VitalSignDef>> = {
  ...(Object.fromEntries(VITAL_FIELD_ORDER.map((f) => [f, defOf(f)])) as Record<VitalField, VitalSignDef>),
  bmi: {
    field: 'bmi', apiName: 'bmi', label: LABELS.bmi, unit: 'kg/m²', ucum: code(LOINC_OF.bmi).unit, decimals: BMI_DECIMALS,
    loinc: LOINC_OF.bmi, loincDisplay: code(LOINC_OF.bmi).display, readOnly: true,
  },
};

/** A value below or above its normal range. */
export type VitalFlag = 'low' | 'high';
/** What can be flagged: a stored vital sign, or the computed BMI. */
export type VitalFlagKey = VitalField | 'bmi';
/** The flags of a set of vital signs; normal and absent values have no entry. */
export type VitalFlags = Partial<Record<VitalFlagKey, VitalFlag>>;

/** A normal range: `low` when below `lowBelow`; `high` when at or above `highFrom`, or above `highAbove`. */
export interface NormalRange {
  lowBelow?: number;
  highFrom?: number;
  highAbove?: number;
  /** Also applies to children (the source covers all ages). */
  allAges?: boolean;
}

/**
 * Adult (≥ 18 years) normal ranges used for the high/low flags:
 * - Blood pressure: systolic ≥ 140 or diastolic ≥ 90 mmHg high — the office threshold for hypertension
 *   of the WHO Guideline for the pharmacological treatment of hypertension in adults (2021) and the ISH
 *   2020 Global Hypertension Practice Guidelines; systolic < 90 or diastolic < 60 low (the usual
 *   definition of hypotension).
 * - Temperature: ≥ 37.5 °C high (fever: "temperature 37.5 °C or above", WHO IMCI/IMAI); < 35.0 °C low
 *   (hypothermia, WHO). Applies at all ages (IMCI is the children's guideline).
 * - Heart rate: > 100 high (tachycardia), < 60 /min low (bradycardia) — the conventional adult resting range.
 * - Respiratory rate: > 20 high, < 12 /min low — the conventional adult resting range (12–20).
 * - SpO₂: < 94 % low (after the WHO Pulse Oximetry Training Manual, 2011, where a reading below the
 *   mid-90s is hypoxaemia to act on). Applies at all ages.
 * - BMI: ≥ 25 high (overweight; ≥ 30 obesity), < 18.5 low (underweight) — WHO adult BMI classification.
 * Weight and height have no flag of their own (BMI speaks for them).
 */
export const ADULT_NORMAL_RANGES: Readonly<Partial<Record<VitalFlagKey, NormalRange>>> = {
  systolicMmHg: { lowBelow: 90, highFrom: 140 },
  diastolicMmHg: { lowBelow: 60, highFrom: 90 },
  temperatureC: { lowBelow: 35.0, highFrom: 37.5, allAges: true },
  heartRatePerMin: { lowBelow: 60, highAbove: 100 },
  respiratoryRatePerMin: { lowBelow: 12, highAbove: 20 },
  spo2Pct: { lowBelow: 94, allAges: true },
  bmi: { lowBelow: 18.5, highFrom: 25 },
};

/** Below this age the adult ranges are not applied to heart rate, respiratory rate, blood pressure and BMI. */
export const ADULT_AGE_YEARS = 18;

/** `toVitalValue`'s answer: the column and stored value, or why the measurement is not stored. */
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
