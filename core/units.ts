/**
 * Unit conversion for the measurements the app stores (vital signs), by UCUM code
 * (Unified Code for Units of Measure, https://ucum.org — the unit system FHIR Quantity uses with
 * `system: http://unitsofmeasure.org`). Pure functions, no I/O.
 *
 * Supported dimensions and their canonical units (the units the database columns hold):
 * mass → `kg`, length → `cm`, temperature → `Cel` (°C), pressure → `mm[Hg]`, rate → `/min`,
 * fraction → `%`. Conversion factors are the exact UCUM/NIST definitions
 * (1 [lb_av] = 0.45359237 kg, 1 [in_i] = 2.54 cm, °F = °C × 9/5 + 32, 1 kPa = 7.500 615 75 mm[Hg]).
 */

export type Dimension = 'mass' | 'length' | 'temperature' | 'pressure' | 'rate' | 'fraction';

interface UnitDef {
  dimension: Dimension;
  /** Value in this unit → value in the dimension's canonical unit. */
  toCanonical: (v: number) => number;
  /** Value in the canonical unit → value in this unit. */
  fromCanonical: (v: number) => number;
}

const linear = (dimension: Dimension, factor: number): UnitDef => ({
  dimension,
  toCanonical: (v) => v * factor,
  fromCanonical: (v) => v / factor,
});

/** Canonical unit of each dimension (UCUM code). */
export const CANONICAL_UNIT: Readonly<Record<Dimension, string>> = {
  mass: 'kg',
  length: 'cm',
  temperature: 'Cel',
  pressure: 'mm[Hg]',
  rate: '/min',
  fraction: '%',
};

/** The UCUM units we convert, keyed by their case-sensitive UCUM code. */
const UCUM: Readonly<Record<string, UnitDef>> = {
  // mass (canonical kg)
  kg: linear('mass', 1),
  g: linear('mass', 1e-3),
  mg: linear('mass', 1e-6),
  '[lb_av]': linear('mass', 0.45359237),
  '[oz_av]': linear('mass', 0.028349523125),
  '[stone_av]': linear('mass', 6.35029318),
  // length (canonical cm)
  cm: linear('length', 1),
  m: linear('length', 100),
  mm: linear('length', 0.1),
  '[in_i]': linear('length', 2.54),
  '[ft_i]': linear('length', 30.48),
  // temperature (canonical Cel)
  Cel: linear('temperature', 1),
  '[degF]': { dimension: 'temperature', toCanonical: (f) => ((f - 32) * 5) / 9, fromCanonical: (c) => (c * 9) / 5 + 32 },
  K: { dimension: 'temperature', toCanonical: (k) => k - 273.15, fromCanonical: (c) => c + 273.15 },
  // pressure (canonical mm[Hg]); 1 mm[Hg] = 133.322 387 415 Pa
  'mm[Hg]': linear('pressure', 1),
  kPa: linear('pressure', 1000 / 133.322387415),
  Pa: linear('pressure', 1 / 133.322387415),
  // rate (canonical per minute); UCUM annotations in braces carry no meaning
  '/min': linear('rate', 1),
  '1/min': linear('rate', 1),
  '/s': linear('rate', 60),
  '/h': linear('rate', 1 / 60),
  // fraction (canonical percent)
  '%': linear('fraction', 1),
};

/**
 * Human spellings seen in the wild (the `unit` text of a Quantity) → UCUM code. Matched
 * case-insensitively and only when the string is not itself a UCUM code above.
 */
const ALIASES: Readonly<Record<string, string>> = {
  kilogram: 'kg', kilograms: 'kg', kgs: 'kg',
  gram: 'g', grams: 'g',
  lb: '[lb_av]', lbs: '[lb_av]', pound: '[lb_av]', pounds: '[lb_av]', '[lb_us]': '[lb_av]',
  oz: '[oz_av]', ounce: '[oz_av]', ounces: '[oz_av]',
  in: '[in_i]', inch: '[in_i]', inches: '[in_i]', '"': '[in_i]',
  ft: '[ft_i]', foot: '[ft_i]', feet: '[ft_i]',
  centimeter: 'cm', centimeters: 'cm', centimetre: 'cm', centimetres: 'cm',
  meter: 'm', meters: 'm', metre: 'm', metres: 'm',
  c: 'Cel', '°c': 'Cel', degc: 'Cel', 'deg c': 'Cel', celsius: 'Cel', cel: 'Cel',
  f: '[degF]', '°f': '[degF]', degf: '[degF]', 'deg f': '[degF]', fahrenheit: '[degF]',
  kelvin: 'K',
  mmhg: 'mm[Hg]', 'mm hg': 'mm[Hg]', 'mm[hg]': 'mm[Hg]',
  kpa: 'kPa',
  bpm: '/min', 'beats/min': '/min', 'beats/minute': '/min', 'breaths/min': '/min', 'breaths/minute': '/min',
  'per min': '/min', 'per minute': '/min', '/minute': '/min', 'min-1': '/min',
  percent: '%', pct: '%',
};

/** Case-insensitive fallback (`KG`, `CM`), tried only after exact codes and aliases. */
const UCUM_LOWER = new Map(Object.keys(UCUM).map((k) => [k.toLowerCase(), k] as const));

/**
 * The UCUM code for `unit` as found in a FHIR Quantity (`code` or `unit`): exact UCUM codes pass
 * through; curly-brace annotations are dropped (`{beats}/min` → `/min`); common human spellings
 * (`lbs`, `°F`, `mmHg`, `bpm`) map to their code. Returns null for an empty or unknown unit.
 */
export function toUcum(unit: string | null | undefined): string | null {
  if (unit == null) return null;
  const raw = unit.trim();
  if (raw === '') return null;
  if (UCUM[raw]) return raw;
  // `{beats}/min`, `{breaths}/min`, `{#}/min`: annotations are comments in UCUM.
  const stripped = raw.replace(/\{[^}]*\}/g, '').trim();
  if (stripped === '') return null;
  if (UCUM[stripped]) return stripped;
  const lower = stripped.toLowerCase();
  return ALIASES[raw.toLowerCase()] ?? ALIASES[lower] ?? UCUM_LOWER.get(lower) ?? null;
}

/** The dimension `unit` measures (after `toUcum`), or null when unknown. */
export function dimensionOf(unit: string | null | undefined): Dimension | null {
  const code = toUcum(unit);
  return code ? UCUM[code].dimension : null;
}

/**
 * Converts `value` from unit `from` to unit `to` (UCUM codes or the human spellings `toUcum` knows).
 * Returns null when a unit is unknown or the two measure different dimensions (kg → cm), or when
 * `value` is not a finite number. Example: `convertUnit(98.6, '[degF]', 'Cel')` → 37.
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (!Number.isFinite(value)) return null;
  const f = toUcum(from);
  const t = toUcum(to);
  if (!f || !t) return null;
  const a = UCUM[f];
  const b = UCUM[t];
  if (a.dimension !== b.dimension) return null;
  if (f === t) return value;
  return b.fromCanonical(a.toCanonical(value));
}

/** `value` rounded to `decimals` places (half away from zero), without binary noise such as 37.00000000001. */
export function roundTo(value: number, decimals: number): number {
  const p = 10 ** decimals;
  const r = Math.sign(value) * Math.round(Math.abs(value) * p + Number.EPSILON * p) / p;
  return Object.is(r, -0) ? 0 : r;
}
