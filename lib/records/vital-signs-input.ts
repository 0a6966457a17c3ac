/**
 * Vital-sign input of a medical record (API and forms): the zod schema that reads the API's
 * `vital_signs` object into the record's columns and stored units, the per-value check the form uses
 * for live feedback, reading the form fragment's inputs, and the columns for an insert or update.
 * Pure, safe in client components. Definitions (units, decimals, limits, API names) are in
 * core/vital-signs.ts; °F → °C goes through core/units.ts.
 */
import { z } from 'zod';
import { convertUnit, roundTo } from '@/core/units';
import {
  VITAL_API_NAMES, VITAL_FIELDS, VITAL_FIELD_ORDER, VITAL_LIMITS, type VitalField, type VitalValues,
} from '@/core/vital-signs';

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

/** Every name the input object may carry (the API names plus `temperature_f`). */
export const VITAL_INPUT_NAMES = [...Object.values(VITAL_API_NAMES), 'temperature_f'] as const;

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
