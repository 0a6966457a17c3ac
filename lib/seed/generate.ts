/**
 * Generators shared by the demo and the large seed: people (names, Kenyan mobiles, dates of birth,
 * profiles) and visits (a condition with its ICD-10 diagnoses, age-appropriate vitals, prescriptions).
 * Pure functions of the random generator passed in, so a fixed seed gives the same data.
 */
import type { Allergy, BloodType, Sex } from '@/core/vocabulary';
import type { NewDiagnosis, NewPrescription } from '@/db/repositories/records';
import type { Rng } from './random';
import {
  ALLERGIES, CONDITIONS, GENERAL_REASONS, KENYA_MOBILE_PREFIXES, MEDICAL_HISTORY_ADULT, MEDICAL_HISTORY_CHILD,
  MEDICAL_HISTORY_FEMALE, NAME_REGIONS, RELATIONSHIPS_ADULT, RELATIONSHIPS_CHILD, SECONDARY_CODES,
  type Condition, type NameRegion,
} from './data';

export const TOWNS = [
  'Kibera, Nairobi', 'Eastleigh, Nairobi', 'Kayole, Nairobi', 'Westlands, Nairobi', 'Kisumu', 'Nakuru', 'Eldoret',
  'Mombasa', 'Thika', 'Machakos', 'Kakamega', 'Nyeri', 'Kitale', 'Kericho', 'Garissa', 'Malindi', 'Bungoma', 'Embu',
] as const;

const BLOOD_WEIGHTS: ReadonlyArray<readonly [BloodType | null, number]> = [
  ['O+', 42], ['A+', 24], ['B+', 19], ['AB+', 4], ['O-', 3], ['A-', 2], ['B-', 2], ['AB-', 1], [null, 8],
];

/** Age buckets (years) with weights: a young population, a few patients up to 90. */
const AGE_BUCKETS: ReadonlyArray<readonly [[number, number], number]> = [
  [[0, 4], 12], [[5, 14], 15], [[15, 29], 25], [[30, 49], 25], [[50, 69], 16], [[70, 90], 7],
];

export function pickSex(rng: Rng): Sex {
  return rng.chance(0.53) ? 'female' : 'male';
}

const REGION_WEIGHTS = NAME_REGIONS.map((r) => [r, r.weight] as const);

export function givenName(rng: Rng, sex: Sex, region: NameRegion): string {
  return rng.pick(sex === 'female' ? region.female : region.male);
}

export interface Person {
  name: string;
  family: string;
  region: NameRegion;
}

/** A full name from one region: a given name, sometimes a second one, and a family name. */
export function pickPerson(rng: Rng, sex: Sex): Person {
  const region = rng.weighted(REGION_WEIGHTS);
  const first = givenName(rng, sex, region);
  const family = rng.pick(region.family);
  if (rng.chance(0.15)) {
    const second = givenName(rng, sex, region);
    if (second !== first && second !== family) return { name: `${first} ${second} ${family}`, family, region };
  }
  return { name: first === family ? `${givenName(rng, sex, region)} ${family}` : `${first} ${family}`, family, region };
}

/** A full name (see `pickPerson`). */
export function personName(rng: Rng, sex: Sex): string {
  return pickPerson(rng, sex).name;
}

/** A Kenyan mobile number in E.164: `+2547XXXXXXXX` with an operator prefix in use. */
export function kenyanMobile(rng: Rng): string {
  const prefix = rng.pick(KENYA_MOBILE_PREFIXES);
  return `+254${prefix}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

/** An age in whole years (0–90), weighted towards the young. */
export function pickAge(rng: Rng): number {
  const [lo, hi] = rng.weighted(AGE_BUCKETS);
  return rng.int(lo, hi);
}

/** A random offset in days (0–364) inside a year of age: `age` years and that many days before today. */
export function pickBirthOffsetDays(rng: Rng, age: number): number {
  return age * 365 + Math.floor(age / 4) + rng.int(0, 364);
}

export function pickBloodType(rng: Rng): BloodType | null {
  return rng.weighted(BLOOD_WEIGHTS);
}

export function pickAllergies(rng: Rng): Allergy[] {
  const r = rng.next();
  if (r < 0.8) return [];
  return rng.sample(ALLERGIES, r < 0.95 ? 1 : 2).map((a) => ({ ...a }));
}

export function pickMedicalHistory(rng: Rng, age: number, sex: Sex): string | null {
  if (age < 15) return rng.chance(0.3) ? rng.pick(MEDICAL_HISTORY_CHILD) : null;
  if (!rng.chance(0.5)) return null;
  const pool = sex === 'female' && age >= 18 ? [...MEDICAL_HISTORY_ADULT, ...MEDICAL_HISTORY_FEMALE] : MEDICAL_HISTORY_ADULT;
  return rng.sample(pool, rng.chance(0.8) ? 1 : 2).join(' ');
}

/** An emergency contact in the family (a parent or guardian for children), or nulls. */
export function pickEmergencyContact(rng: Rng, patient: { age: number; sex: Sex; person: Person }) {
  if (!rng.chance(0.9)) return { emergencyContactName: null, emergencyContactRelationship: null, emergencyContactPhone: null };
  const { age, person } = patient;
  let relationship: string, sex: Sex;
  if (age < 18) {
    [relationship, sex] = rng.pick(RELATIONSHIPS_CHILD);
  } else {
    const [r, s] = rng.pick(RELATIONSHIPS_ADULT.filter(([, , minAge]) => age >= minAge));
    relationship = r;
    sex = s === 'spouse' ? (patient.sex === 'female' ? 'male' : 'female') : s;
  }
  const family = relationship === 'Friend' || relationship === 'Guardian' ? rng.pick(person.region.family) : person.family;
  const first = person.name.split(' ')[0];
  let given = givenName(rng, sex, person.region);
  for (let i = 0; i < 5 && given === first; i++) given = givenName(rng, sex, person.region);
  return {
    emergencyContactName: `${given} ${family}`,
    emergencyContactRelationship: relationship,
    emergencyContactPhone: kenyanMobile(rng),
  };
}

const BY_CODE = new Map(CONDITIONS.map((c) => [c.code, c]));

/** A condition that fits the patient's age and sex (weighted by how common it is). */
export function pickCondition(rng: Rng, age: number, sex: Sex): Condition {
  const fits = CONDITIONS.filter((c) => (c.minAge ?? 0) <= age && age <= (c.maxAge ?? 200) && (!c.sex || c.sex === sex));
  return rng.weighted(fits.map((c) => [c, c.weight] as const));
}

/** Why the patient booked: the condition's words, or a general reason now and then. */
export function pickReason(rng: Rng, condition: Condition): string {
  return rng.chance(0.15) ? rng.pick(GENERAL_REASONS) : rng.pick(condition.reasons);
}

export interface Vitals {
  systolicMmHg: number | null;
  diastolicMmHg: number | null;
  temperatureC: number;
  weightKg: number;
  heightCm: number;
  heartRatePerMin: number;
  respiratoryRatePerMin: number;
  spo2Pct: number;
}

type Range = [number, number];
const within = (rng: Rng, r: Range) => rng.int(r[0], r[1]);

/** Plausible vital signs for a patient of `age` years and `sex`, shifted by the condition (fever, high BP…). */
export function pickVitals(rng: Rng, age: number, sex: Sex, condition?: Condition): Vitals {
  let weight: number, height: number, hr: Range, rr: Range, sys: Range | null, dia: Range | null;
  if (age < 1) {
    weight = rng.round(3.5, 10, 1); height = rng.int(50, 76); hr = [110, 150]; rr = [30, 50]; sys = null; dia = null;
  } else if (age < 6) {
    weight = rng.round(2 * age + 6, 2 * age + 10, 1); height = rng.int(6 * age + 72, 6 * age + 82); hr = [90, 130]; rr = [22, 34];
    sys = age < 3 ? null : [88, 106]; dia = age < 3 ? null : [50, 66];
  } else if (age < 13) {
    weight = rng.round(2.8 * age + 5, 3.2 * age + 10, 1); height = rng.int(6 * age + 72, 6 * age + 84); hr = [75, 110]; rr = [18, 25];
    sys = [95, 115]; dia = [55, 75];
  } else if (age < 18) {
    weight = rng.round(40, 65, 1); height = rng.int(145, sex === 'male' ? 182 : 172); hr = [65, 100]; rr = [14, 20];
    sys = [100, 125]; dia = [60, 80];
  } else {
    const female = sex === 'female';
    height = rng.int(female ? 150 : 160, female ? 174 : 190);
    const bmi = rng.float(18.5, age > 35 ? 33 : 28);
    weight = Math.round(bmi * (height / 100) ** 2 * 10) / 10;
    hr = [60, 95]; rr = [12, 20];
    const older = Math.max(0, Math.round((age - 35) * 0.4));
    sys = [105 + older, 132 + older]; dia = [65, 85];
  }
  const v = condition?.vitals ?? {};
  const adult = age >= 18;
  let temperatureC = rng.round(36.2, 37.2, 1);
  if (v.temperatureC) temperatureC = rng.round(v.temperatureC[0], v.temperatureC[1], 1);
  if (adult && v.heartRate) hr = v.heartRate;
  if (adult && v.respiratoryRate) rr = v.respiratoryRate;
  if (adult && v.systolic) sys = v.systolic;
  if (adult && v.diastolic) dia = v.diastolic;
  const systolic = sys ? within(rng, sys) : null;
  let diastolic = dia ? within(rng, dia) : null;
  if (systolic !== null && diastolic !== null && diastolic >= systolic - 25) diastolic = systolic - 25 - rng.int(0, 10);
  return {
    systolicMmHg: systolic,
    diastolicMmHg: diastolic,
    temperatureC,
    weightKg: weight,
    heightCm: height,
    heartRatePerMin: within(rng, hr),
    respiratoryRatePerMin: within(rng, rr),
    spo2Pct: within(rng, v.spo2 ?? [96, 100]),
  };
}

export interface Visit {
  symptoms: string;
  notes: string;
  vitals: Vitals;
  diagnoses: NewDiagnosis[];
  prescriptions: NewPrescription[];
}

/** The charted visit for `condition`: 1–2 confirmed ICD-10 diagnoses, vitals, and usually prescription lines. */
export function buildVisit(rng: Rng, age: number, sex: Sex, condition: Condition): Visit {
  const diagnoses: NewDiagnosis[] = [
    { system: 'ICD-10', code: condition.code, display: condition.display, rank: 'primary', certainty: 'confirmed' },
  ];
  if (rng.chance(0.25)) {
    const options = age >= 30 ? SECONDARY_CODES.filter((c) => c !== condition.code) : (['B82.9', 'D50.9'] as const).filter((c) => c !== condition.code);
    const second = BY_CODE.get(rng.pick(options));
    if (second) diagnoses.push({ system: 'ICD-10', code: second.code, display: second.display, rank: 'secondary', certainty: 'confirmed' });
  }
  const variants = age < 12 && condition.childRx ? condition.childRx : condition.rx;
  const prescriptions: NewPrescription[] = rng.chance(0.85)
    ? rng.pick(variants).map((line) => ({ ...line, instructions: line.instructions ?? null }))
    : [];
  return {
    symptoms: rng.pick(condition.symptoms),
    notes: rng.pick(condition.notes),
    vitals: pickVitals(rng, age, sex, condition),
    diagnoses,
    prescriptions,
  };
}
