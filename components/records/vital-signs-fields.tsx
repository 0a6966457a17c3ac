'use client';
/**
 * The vital-sign inputs of a medical-record form (a fragment: put it inside the record's <form>).
 * Input names are `vital_signs.<api name>` (`vital_signs.systolic_mmhg` …); the temperature is one
 * input `vital_signs.temperature` with a unit radio `vital_signs.temperature_unit` (`C`|`F`), so the
 * °C/°F toggle works before scripts load. The server action rebuilds the API object with
 * `vitalSignsFromForm(formData)` and validates it with `vitalSignsInputSchema`; errors come back in
 * `fieldErrors` under `vital_signs.<api name>`.
 *
 * Live feedback uses the same module as the server: BMI once weight and height are plausible, and
 * "High"/"Low" in words next to a value outside the adult normal range (none for heart rate,
 * respiratory rate, blood pressure and BMI when `ageYears` < 18), and a hint when a value is outside
 * the plausibility limits (the server refuses it).
 */
import { useId, useState } from 'react';
import {
  ADULT_AGE_YEARS, FLAG_WORDS, VITAL_SIGN_DEFS, bmiOf, checkVitalValue, plausibleVitals, vitalFlags, vitalSignsFromForm,
  type VitalField, type VitalFlag, type VitalRow,
} from '@/lib/records/vital-signs';

type TempUnit = 'C' | 'F';
/** The plain inputs (temperature has its own control). */
const PLAIN: readonly VitalField[] = ['systolicMmHg', 'diastolicMmHg', 'weightKg', 'heightCm', 'heartRatePerMin', 'respiratoryRatePerMin', 'spo2Pct'];

export interface VitalSignsFieldsProps {
  /** Errors of the last submission, keyed `vital_signs.systolic_mmhg` (the action's `fieldErrors`). */
  fieldErrors?: Record<string, string[] | undefined>;
  /** The typed values echoed by the action (`ActionState.values`, keyed by input name): win over `defaultValues`. */
  values?: Record<string, string>;
  /** Stored values when editing a record. */
  defaultValues?: VitalRow;
  /** The patient's age: below 18, adult flags are not shown for heart rate, respiratory rate, blood pressure and BMI. */
  ageYears?: number | null;
  /** Input name prefix (default `vital_signs`). */
  prefix?: string;
  legend?: string;
}

function initialState(prefix: string, values: Record<string, string> | undefined, defaults: VitalRow | undefined) {
  const text: Record<string, string> = {};
  const echoed = values && Object.keys(values).some((k) => k.startsWith(`${prefix}.`));
  for (const f of PLAIN) {
    const name = VITAL_SIGN_DEFS[f].apiName;
    const d = defaults?.[f];
    text[name] = echoed ? (values?.[`${prefix}.${name}`] ?? '') : d != null ? String(d) : '';
  }
  let temperature = '';
  let unit: TempUnit = 'C';
  if (echoed) {
    temperature = values?.[`${prefix}.temperature`] ?? values?.[`${prefix}.temperature_c`] ?? values?.[`${prefix}.temperature_f`] ?? '';
    const u = values?.[`${prefix}.temperature_unit`] ?? (values?.[`${prefix}.temperature_f`] ? 'F' : 'C');
    unit = u.toUpperCase() === 'F' ? 'F' : 'C';
  } else if (defaults?.temperatureC != null) {
    temperature = defaults.temperatureC.toFixed(1); // stored in °C; shown in °C even when it was entered in °F
  }
  return { text, temperature, unit };
}

/** "High"/"Low" in words (with an arrow for quick scanning; colour is never the only cue). */
function FlagText({ id, flag }: { id: string; flag?: VitalFlag }) {
  return (
    <span id={id} aria-live="polite" className="min-w-12 whitespace-nowrap text-sm font-semibold">
      {flag === 'high' && <span className="text-rose-700"><span aria-hidden="true">↑ </span>{FLAG_WORDS.high}</span>}
      {flag === 'low' && <span className="text-sky-800"><span aria-hidden="true">↓ </span>{FLAG_WORDS.low}</span>}
    </span>
  );
}

const inputClass =
  'min-h-11 w-full min-w-0 rounded border border-slate-400 px-3 py-2 text-base tabular-nums sm:max-w-48 aria-[invalid=true]:border-rose-600';

/** Inputs for the eight vital signs, with units, live BMI and flags, and the server's field errors. */
export function VitalSignsFields({ fieldErrors, values, defaultValues, ageYears, prefix = 'vital_signs', legend = 'Vital signs' }: VitalSignsFieldsProps) {
  const uid = useId();
  const [init] = useState(() => initialState(prefix, values, defaultValues));
  const [text, setText] = useState<Record<string, string>>(init.text);
  const [temperature, setTemperature] = useState(init.temperature);
  const [unit, setUnit] = useState<TempUnit>(init.unit);

  // Live values, read exactly as the server will (same parser, limits and rounding).
  const flat: Record<string, string> = { [`${prefix}.temperature`]: temperature, [`${prefix}.temperature_unit`]: unit };
  for (const [k, v] of Object.entries(text)) flat[`${prefix}.${k}`] = v;
  const input = vitalSignsFromForm(flat, prefix);
  const live = plausibleVitals(input);
  const flags = vitalFlags(live, { ageYears });
  const bmi = bmiOf(live.weightKg, live.heightCm);
  const child = ageYears != null && ageYears < ADULT_AGE_YEARS;

  const errorsOf = (...names: string[]) => names.flatMap((n) => fieldErrors?.[`${prefix}.${n}`] ?? []);
  const idOf = (name: string) => `${uid}-${name}`;

  function field(f: VitalField, label?: string) {
    const def = VITAL_SIGN_DEFS[f];
    const name = def.apiName;
    const id = idOf(name);
    const errs = errorsOf(name);
    const check = checkVitalValue(f, text[name]);
    const hint = !errs.length && check.status !== 'ok' && check.status !== 'absent' ? check.message : null;
    const described = [`${id}-flag`, errs.length ? `${id}-err` : hint ? `${id}-hint` : null].filter(Boolean).join(' ');
    return (
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={id} className="font-medium">
          {label ?? def.label} <span className="font-normal text-slate-600">({def.unit})</span>
        </label>
        <div className="flex items-center gap-2">
          <input
            id={id} name={`${prefix}.${name}`} type="text" inputMode="decimal" autoComplete="off" enterKeyHint="next"
            value={text[name] ?? ''} onChange={(e) => setText((t) => ({ ...t, [name]: e.target.value }))}
            aria-invalid={errs.length ? true : undefined} aria-describedby={described} className={inputClass}
          />
          <FlagText id={`${id}-flag`} flag={flags[f]} />
        </div>
        {errs.length ? <p id={`${id}-err`} className="text-sm text-rose-700">{errs[0]}</p> : null}
        {hint ? <p id={`${id}-hint`} className="text-sm text-amber-800">{hint}</p> : null}
      </div>
    );
  }

  // Temperature: one input, a °C/°F radio pair.
  const tId = idOf('temperature');
  const tErrs = errorsOf('temperature', 'temperature_c', 'temperature_f');
  const tCheck = checkVitalValue('temperatureC', temperature, { enteredF: unit === 'F' });
  const tHint = !tErrs.length && (tCheck.status === 'not_a_number' || tCheck.status === 'out_of_range') ? tCheck.message : null;
  const tConverted = unit === 'F' && tCheck.status === 'ok' ? `= ${tCheck.value.toFixed(1)} °C` : null;
  const tDescribed = [`${tId}-flag`, tConverted ? `${tId}-conv` : null, tErrs.length ? `${tId}-err` : tHint ? `${tId}-hint` : null].filter(Boolean).join(' ');
  const groupErrs = fieldErrors?.[prefix] ?? [];

  return (
    <fieldset className="flex min-w-0 flex-col gap-4 rounded-lg border border-slate-200 p-3 sm:p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {groupErrs.length ? <p className="text-sm text-rose-700">{groupErrs[0]}</p> : null}

      <fieldset className="min-w-0">
        <legend className="mb-1 font-medium">Blood pressure</legend>
        <div className="grid grid-cols-2 gap-3">
          {field('systolicMmHg')}
          {field('diastolicMmHg')}
        </div>
      </fieldset>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={tId} className="font-medium">
            Temperature <span className="font-normal text-slate-600">(°{unit})</span>
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id={tId} name={`${prefix}.temperature`} type="text" inputMode="decimal" autoComplete="off" enterKeyHint="next"
              value={temperature} onChange={(e) => setTemperature(e.target.value)}
              aria-invalid={tErrs.length ? true : undefined} aria-describedby={tDescribed} className={`${inputClass} max-w-32`}
            />
            <div role="radiogroup" aria-label="Temperature unit" className="flex overflow-hidden rounded border border-slate-400">
              {(['C', 'F'] as const).map((u) => (
                <label key={u} className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center px-3 has-[:checked]:bg-slate-800 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:-outline-offset-4 has-[:focus-visible]:outline-sky-600">
                  <input type="radio" name={`${prefix}.temperature_unit`} value={u} checked={unit === u} onChange={() => setUnit(u)} aria-label={u === 'C' ? 'Celsius' : 'Fahrenheit'} className="sr-only" />
                  °{u}
                </label>
              ))}
            </div>
            <FlagText id={`${tId}-flag`} flag={flags.temperatureC} />
          </div>
          {tConverted ? <p id={`${tId}-conv`} className="text-sm text-slate-600">{tConverted} (stored in °C)</p> : null}
          {tErrs.length ? <p id={`${tId}-err`} className="text-sm text-rose-700">{tErrs[0]}</p> : null}
          {tHint ? <p id={`${tId}-hint`} className="text-sm text-amber-800">{tHint}</p> : null}
        </div>
        {field('spo2Pct', 'Oxygen saturation (SpO₂)')}
        {field('heartRatePerMin')}
        {field('respiratoryRatePerMin')}
        {field('weightKg')}
        {field('heightCm')}
      </div>

      <p className="text-sm" aria-live="polite" data-testid="vitals-bmi">
        <span className="font-medium">BMI</span>{' '}
        {bmi === null ? (
          <span className="text-slate-600">— (fill in weight and height)</span>
        ) : (
          <>
            <span className="tabular-nums">{bmi.toFixed(1)}</span> {VITAL_SIGN_DEFS.bmi.unit}
            {flags.bmi ? <span className="ml-2 font-semibold">{FLAG_WORDS[flags.bmi]}</span> : null}
          </>
        )}
      </p>
      {child ? (
        <p className="text-sm text-slate-600">
          Adult normal ranges are not applied to a child&apos;s heart rate, respiratory rate, blood pressure or BMI.
        </p>
      ) : null}
    </fieldset>
  );
}

