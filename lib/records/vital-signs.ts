/**
 * Vital signs of a medical record as the app shows them: BMI, high/low flags against the adult normal
 * ranges, and the API serializer. Pure functions with no I/O, safe to import from client components
 * (the form fragment and the chart use them for live feedback, so the browser and the server apply the
 * same rules). Also the one import point for the record's vital-sign vocabulary: the definitions
 * (core/vital-signs.ts: units, decimals, LOINC codes, display and API names, limits, normal ranges —
 * the table the FHIR import uses too) and input parsing (vital-signs-input.ts) are re-exported here.
 *
 * API (`api-shapes.md`, `vital_signs`) ↔ domain (the `medical_records` columns):
 * `systolic_mmhg` ↔ `systolicMmHg`, `diastolic_mmhg` ↔ `diastolicMmHg`, `temperature_c` ↔ `temperatureC`
 * (input may give `temperature_f` instead), `weight_kg` ↔ `weightKg`, `height_cm` ↔ `heightCm`,
 * `heart_rate_bpm` ↔ `heartRatePerMin`, `respiratory_rate` ↔ `respiratoryRatePerMin`, `spo2_pct` ↔ `spo2Pct`;
 * `bmi` and `flags` are computed on output and ignored on input.
 *
 * LOINC codes: This material contains content from LOINC (http://loinc.org). LOINC is copyright ©
 * Regenstrief Institute, Inc. and the LOINC Committee and is available at no cost under the license
 * at http://loinc.org/license.
 */
import { roundTo } from '@/core/units';
import {
  ADULT_AGE_YEARS, ADULT_NORMAL_RANGES, BMI_DECIMALS, VITAL_API_NAMES, VITAL_FIELDS, VITAL_FIELD_ORDER,
  type NormalRange, type VitalField, type VitalFlag, type VitalFlagKey, type VitalFlags,
} from '@/core/vital-signs';

export {
  ADULT_AGE_YEARS, ADULT_NORMAL_RANGES, BMI_DECIMALS, VITAL_API_NAMES, VITAL_FIELD_ORDER, VITAL_LIMITS, VITAL_SIGN_DEFS,
  type NormalRange, type VitalField, type VitalFlag, type VitalFlagKey, type VitalFlags, type VitalSignDef,
} from '@/core/vital-signs';
export {
  VITAL_INPUT_NAMES, checkVitalValue, plausibleVitals, vitalColumns, vitalSignsFromForm, vitalSignsInputSchema,
  type VitalSigns, type VitalSignsFormInput, type VitalSignsInput, type VitalValueCheck,
} from './vital-signs-input';

/** A stored row (or any object) with the vital-sign columns, where the database gives null for absent. */
export type VitalRow = { [K in VitalField]?: number | null } & { temperatureEnteredF?: boolean | null };

// ---------------------------------------------------------------------------------------------------
// BMI and flags

/** Body-mass index, kg/m² rounded to 0.1 (70 kg, 175 cm → 22.9); null when either value is missing or not positive. */
export function bmiOf(weightKg: number | null | undefined, heightCm: number | null | undefined): number | null {
  if (weightKg == null || heightCm == null || !(weightKg > 0) || !(heightCm > 0)) return null;
  const m = heightCm / 100;
  return roundTo(weightKg / (m * m), BMI_DECIMALS);
}

/**
 * High/low flags of a set of vital signs (`{ systolicMmHg: 'high', bmi: 'low' }`; normal and absent
 * values have no entry), from `ADULT_NORMAL_RANGES`; BMI is computed from weight and height.
 *
 * Children (`ageYears` < 18): heart rate, respiratory rate, blood pressure and BMI get **no** flag —
 * their normal ranges depend on age (and BMI on sex, as a percentile), and an adult flag would be wrong
 * (a 3-year-old's heart rate of 110 is normal). Temperature and SpO₂ keep their flags (their thresholds
 * come from guidelines covering children). When `ageYears` is unknown the patient is taken as an adult.
 */
export function vitalFlags(v: VitalRow, options: { ageYears?: number | null } = {}): VitalFlags {
  const child = options.ageYears != null && options.ageYears < ADULT_AGE_YEARS;
  const values: Partial<Record<VitalFlagKey, number | null | undefined>> = { ...v, bmi: bmiOf(v.weightKg, v.heightCm) };
  const flags: VitalFlags = {};
  for (const [key, range] of Object.entries(ADULT_NORMAL_RANGES) as Array<[VitalFlagKey, NormalRange]>) {
    if (child && !range.allAges) continue;
    const value = values[key];
    if (value == null || !Number.isFinite(value)) continue;
    if (range.lowBelow !== undefined && value < range.lowBelow) flags[key] = 'low';
    else if ((range.highFrom !== undefined && value >= range.highFrom) || (range.highAbove !== undefined && value > range.highAbove)) flags[key] = 'high';
  }
  return flags;
}

/** A flag in words, for tables and forms (never colour alone). */
export const FLAG_WORDS: Readonly<Record<VitalFlag, string>> = { low: 'Low', high: 'High' };

/** The API's `vital_signs` object (`api-shapes.md`). */
export interface VitalSignsApi {
  systolic_mmhg?: number;
  diastolic_mmhg?: number;
  temperature_c?: number;
  weight_kg?: number;
  height_cm?: number;
  heart_rate_bpm?: number;
  respiratory_rate?: number;
  spo2_pct?: number;
  /** kg/m², computed from weight and height (read-only). */
  bmi?: number;
  /** High/low against adult normal ranges, by API name (read-only). */
  flags?: Record<string, VitalFlag>;
}

/**
 * A record's vital-sign columns → the API's `vital_signs` object: snake_case names, values rounded to
 * the stored decimals, `bmi` when weight and height are both present, `flags` (by API name) when any
 * value is out of range; absent values (null in the database) and an empty `flags` are left out. Pass
 * the patient's `ageYears` so children do not get adult flags.
 */
export function serializeVitalSigns(row: VitalRow, options: { ageYears?: number | null } = {}): VitalSignsApi {
  const out: Record<string, unknown> = {};
  for (const field of VITAL_FIELD_ORDER) {
    const v = row[field];
    if (v != null && Number.isFinite(v)) out[VITAL_API_NAMES[field]] = roundTo(v, VITAL_FIELDS[field].decimals);
  }
  const bmi = bmiOf(row.weightKg, row.heightCm);
  if (bmi !== null) out.bmi = bmi;
  const flags = vitalFlags(row, options);
  const keys = Object.keys(flags) as VitalFlagKey[];
  if (keys.length) out.flags = Object.fromEntries(keys.map((k) => [k === 'bmi' ? 'bmi' : VITAL_API_NAMES[k], flags[k]]));
  return out as VitalSignsApi;
}
