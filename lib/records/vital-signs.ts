/**
 * Vital signs of a medical record: input validation (API and forms), rounding to the stored units,
 * BMI, high/low flags against adult normal ranges, and the API serializer. Pure functions with no I/O,
 * safe to import from client components (the form fragment and the chart use them for live feedback,
 * so the browser and the server apply the same rules).
 *
 * Units, decimals and LOINC codes come from `lib/fhir/vital-signs.ts` (the table the FHIR import uses);
 * °F → °C goes through `lib/fhir/units.ts`. Nothing here duplicates them.
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
import { z } from 'zod';
import { convertUnit, roundTo } from '@/lib/fhir/units';
import { VITAL_FIELDS, VITAL_SIGN_CODES, type VitalField, type VitalValues } from '@/lib/fhir/vital-signs';

export type { VitalField } from '@/lib/fhir/vital-signs';

/** The record's eight vital-sign columns, in display order. */
export const VITAL_FIELD_ORDER: readonly VitalField[] = [
  'systolicMmHg', 'diastolicMmHg', 'temperatureC', 'weightKg', 'heightCm', 'heartRatePerMin', 'respiratoryRatePerMin', 'spo2Pct',
];

/** Validated vital signs, in the record's column names and units; absent values are left out. */
export interface VitalSigns extends VitalValues {
  /**
   * True when the temperature was entered in °F and converted (the chart marks it). Not stored yet:
   * `medical_records` has no column for it. The intended home is a nullable boolean column
   * `temperature_entered_f` next to `temperature_c` (the `bool()` helper, both dialects, one
   * migration each), written from this flag and read back into `VitalRow`; until it exists the
   * service should record the flag (and the °F value typed) in the audit entry of the change.
   */
  temperatureEnteredF?: boolean;
}

/** A stored row (or any object) with the vital-sign columns, where the database gives null for absent. */
export type VitalRow = { [K in VitalField]?: number | null } & { temperatureEnteredF?: boolean | null };

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

/** Every name the input object may carry (the API names plus `temperature_f`). */
export const VITAL_INPUT_NAMES = [...Object.values(VITAL_API_NAMES), 'temperature_f'] as const;

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
  /** LOINC code of the measurement and its display (from `lib/fhir/vital-signs.ts`). */
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
  if (!c) throw new Error(`LOINC ${loinc} is missing from lib/fhir/vital-signs.ts`);
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

// ---------------------------------------------------------------------------------------------------
// Input

/** Input of `vitalSignsInputSchema`: numbers, numeric strings (forms) or empty strings/null (absent). */
export type VitalSignsInput = Partial<Record<(typeof VITAL_INPUT_NAMES)[number] | 'bmi' | 'flags', unknown>>;

/** `120`, `37.5`, `37,5` (decimal comma, as French/Portuguese keyboards type it), with optional spaces. */
const NUMERIC = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

type Parsed = { ok: true; value: number | undefined } | { ok: false };

/** A number or numeric string → number; undefined for absent (missing, null, empty string). */
function parseNumber(v: unknown): Parsed {
  if (v === undefined || v === null) return { ok: true, value: undefined };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  if (typeof v !== 'string') return { ok: false };
  const s = v.trim();
  if (s === '') return { ok: true, value: undefined };
  if (!NUMERIC.test(s)) return { ok: false };
  return { ok: true, value: Number(s.replace(',', '.')) };
}

const fmt = (n: number) => String(n);

/** Field name and words for the messages. */
const WORDS: Record<VitalField, string> = {
  systolicMmHg: 'Systolic pressure', diastolicMmHg: 'Diastolic pressure', temperatureC: 'Temperature', weightKg: 'Weight',
  heightCm: 'Height', heartRatePerMin: 'Heart rate', respiratoryRatePerMin: 'Respiratory rate', spo2Pct: 'SpO₂',
};

function rangeMessage(field: VitalField, enteredF: boolean): string {
  const { min, max } = VITAL_LIMITS[field];
  const unit = VITAL_FIELDS[field].unitDisplay;
  if (field === 'temperatureC' && enteredF) {
    const f = (c: number) => fmt(roundTo(convertUnit(c, 'Cel', '[degF]') as number, 1));
    return `Temperature must be between ${f(min)} and ${f(max)} °F (${min}–${max} °C).`;
  }
  const sep = unit.startsWith('/') || unit === '%' ? '' : ' ';
  return `${WORDS[field]} must be between ${fmt(min)}${sep}${unit} and ${fmt(max)}${sep}${unit}.`;
}

/**
 * The `vital_signs` object of the API and of forms → `VitalSigns` (record column names, stored units).
 *
 * - Every value is optional: a number or a numeric string (`"37,5"` with a decimal comma is read as
 *   37.5); missing, `null` and `""` mean absent. Anything else is refused with "Enter a number.".
 * - `temperature_f` may replace `temperature_c`: it is converted to °C and `temperatureEnteredF` is set.
 *   Giving both is refused.
 * - Values are rounded to what the column keeps, as the FHIR import does (`VITAL_FIELDS.decimals`):
 *   whole mmHg, /min and %; 0.1 °C; 0.1 cm; 0.01 kg. The limits (`VITAL_LIMITS`) are checked on the
 *   rounded value, i.e. on what would be stored.
 * - Blood pressure is a pair: one half without the other is refused, and systolic must be above
 *   diastolic.
 * - `bmi` and `flags` (read-only) and unknown names are ignored.
 *
 * Issues carry the API name as path (`systolic_mmhg`), so inside a record schema they become
 * `vital_signs.systolic_mmhg` — the keys `VitalSignsFields` shows errors under.
 */
export const vitalSignsInputSchema = z
  .object(
    Object.fromEntries(VITAL_INPUT_NAMES.map((n) => [n, z.unknown().optional()])) as Record<(typeof VITAL_INPUT_NAMES)[number], z.ZodOptional<z.ZodUnknown>>,
    { error: 'Vital signs must be an object of numbers.' },
  )
  .transform((raw, ctx): VitalSigns => {
    const r = raw as Record<string, unknown>;
    const issue = (name: string, message: string) => ctx.addIssue({ code: 'custom', path: [name], message });
    const givenC = parseNumber(r.temperature_c);
    const givenF = parseNumber(r.temperature_f);
    const hasC = !givenC.ok || givenC.value !== undefined;
    const hasF = !givenF.ok || givenF.value !== undefined;
    if (hasC && hasF) issue('temperature_f', 'Give the temperature in °C or in °F, not both.');

    const out: VitalSigns = {};
    /** Per field: the stored value, `absent`, or `bad` (already reported). */
    const state = {} as Record<VitalField, number | 'absent' | 'bad'>;
    for (const field of VITAL_FIELD_ORDER) {
      if (field === 'temperatureC' && hasC && hasF) {
        state[field] = 'bad';
        continue;
      }
      const enteredF = field === 'temperatureC' && hasF;
      const name = enteredF ? 'temperature_f' : VITAL_API_NAMES[field];
      const c = checkVitalValue(field, r[name], { enteredF });
      if (c.status === 'absent') state[field] = 'absent';
      else if (c.status !== 'ok') {
        issue(name, c.message);
        state[field] = 'bad';
      } else {
        state[field] = c.value;
        out[field] = c.value;
        if (enteredF) out.temperatureEnteredF = true;
      }
    }

    // Blood pressure is a pair; an invalid half was reported already.
    const sys = state.systolicMmHg;
    const dia = state.diastolicMmHg;
    if (sys !== 'absent' && dia === 'absent') issue('diastolic_mmhg', 'Enter the diastolic pressure too: blood pressure is a pair.');
    if (dia !== 'absent' && sys === 'absent') issue('systolic_mmhg', 'Enter the systolic pressure too: blood pressure is a pair.');
    if (typeof sys === 'number' && typeof dia === 'number' && sys <= dia) {
      issue('systolic_mmhg', `Systolic (${sys}) must be higher than diastolic (${dia}): check the order.`);
    }
    return out;
  });

/** The result of checking one value: absent, not a number, outside the limits, or the value to store. */
export type VitalValueCheck =
  | { status: 'absent' }
  | { status: 'not_a_number'; message: string }
  | { status: 'out_of_range'; value: number; message: string }
  | { status: 'ok'; value: number };

/**
 * One value as the schema reads it (number or numeric string; `""`/null = absent), converted from °F
 * when `enteredF` (temperature only), rounded to the column's decimals and checked against
 * `VITAL_LIMITS`. The form fragment uses it for live feedback, so it says what the server will say.
 */
export function checkVitalValue(field: VitalField, raw: unknown, options: { enteredF?: boolean } = {}): VitalValueCheck {
  const p = parseNumber(raw);
  if (!p.ok) return { status: 'not_a_number', message: 'Enter a number.' };
  if (p.value === undefined) return { status: 'absent' };
  const enteredF = field === 'temperatureC' && options.enteredF === true;
  const value = roundTo(enteredF ? (convertUnit(p.value, '[degF]', 'Cel') as number) : p.value, VITAL_FIELDS[field].decimals);
  const { min, max } = VITAL_LIMITS[field];
  if (value < min || value > max) return { status: 'out_of_range', value, message: rangeMessage(field, enteredF) };
  return { status: 'ok', value };
}

/**
 * The values of an input object that pass their own checks (`checkVitalValue`), ignoring the rules
 * between fields (blood-pressure pair, both temperatures — °C wins): what live BMI and flags are
 * computed from while a form is being filled.
 */
export function plausibleVitals(input: VitalSignsInput): VitalSigns {
  const out: VitalSigns = {};
  for (const field of VITAL_FIELD_ORDER) {
    let c = checkVitalValue(field, input[VITAL_API_NAMES[field] as keyof VitalSignsInput]);
    if (field === 'temperatureC' && c.status === 'absent') {
      c = checkVitalValue(field, input.temperature_f, { enteredF: true });
      if (c.status === 'ok') out.temperatureEnteredF = true;
    }
    if (c.status === 'ok') out[field] = c.value;
  }
  return out;
}

/** The input object the form fragment's names give (`vital_signs.systolic_mmhg` …). */
export type VitalSignsFormInput = Partial<Record<(typeof VITAL_INPUT_NAMES)[number], string>>;

/**
 * The `vital_signs` input object from a submitted form (or from `Object.fromEntries(formData)`, which
 * is what the action wrapper parses): takes the inputs named `<prefix>.<api name>` (`vital_signs.weight_kg`)
 * and returns `{ weight_kg: "70" … }` for `vitalSignsInputSchema`. The form fragment's temperature is one
 * input, `<prefix>.temperature`, with a unit radio `<prefix>.temperature_unit` (`C` | `F`, default C):
 * it becomes `temperature_c` or `temperature_f`, so the toggle works before scripts load. Unknown names
 * and file entries are ignored.
 */
export function vitalSignsFromForm(form: FormData | Record<string, unknown>, prefix = 'vital_signs'): VitalSignsFormInput {
  const entries: Iterable<[string, unknown]> = typeof FormData !== 'undefined' && form instanceof FormData ? form.entries() : Object.entries(form);
  const p = `${prefix}.`;
  const flat = new Map<string, string>();
  for (const [k, v] of entries) if (k.startsWith(p) && typeof v === 'string') flat.set(k.slice(p.length), v);
  const out: VitalSignsFormInput = {};
  for (const name of VITAL_INPUT_NAMES) {
    const v = flat.get(name);
    if (v !== undefined) out[name] = v;
  }
  const t = flat.get('temperature');
  if (t !== undefined && t.trim() !== '') {
    const unit = (flat.get('temperature_unit') ?? 'C').trim().toUpperCase();
    out[unit === 'F' ? 'temperature_f' : 'temperature_c'] = t;
  }
  return out;
}

/** All eight columns for an insert or update: absent → null (the temperature mark has no column yet). */
export function vitalColumns(v: VitalSigns): Record<VitalField, number | null> {
  return Object.fromEntries(VITAL_FIELD_ORDER.map((f) => [f, v[f] ?? null])) as Record<VitalField, number | null>;
}

// ---------------------------------------------------------------------------------------------------
// BMI and flags

/** Body-mass index, kg/m² rounded to 0.1 (70 kg, 175 cm → 22.9); null when either value is missing or not positive. */
export function bmiOf(weightKg: number | null | undefined, heightCm: number | null | undefined): number | null {
  if (weightKg == null || heightCm == null || !(weightKg > 0) || !(heightCm > 0)) return null;
  const m = heightCm / 100;
  return roundTo(weightKg / (m * m), BMI_DECIMALS);
}

export type VitalFlag = 'low' | 'high';
export type VitalFlagKey = VitalField | 'bmi';
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

// ---------------------------------------------------------------------------------------------------
// Output

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
