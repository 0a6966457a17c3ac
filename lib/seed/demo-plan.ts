/**
 * The demo clinic's plan (lib/seed/demo.ts writes it): who works and who comes when, computed in full
 * before anything is written.
 *
 * Deterministic: fixed seeds for the generators (mulberry32) and dates relative to today in clinic
 * time, so the same `now` gives the same plan. Contents: six doctors (bookable, 20-minute slots,
 * working Monday–Friday 08:00–17:00 clinic time; the demo doctor, doctor@example.org, also runs the
 * weekend clinic, so she works every day and always has a day to show), 300 patients with African
 * names and Kenyan mobiles (one with an account), appointments over the past 8 weeks and the coming
 * 3 weeks in every status, on each doctor's 20-minute grid inside their working hours; never two at the
 * same time for one doctor, at most one a day per patient. Every completed appointment comes with its
 * charted visit (vitals, 1–2 ICD-10 diagnoses, usually prescription lines).
 */
import { DateTime } from 'luxon';
import type { AppointmentStatus, Sex } from '@/core/vocabulary';
import { foldName } from '@/core/text';
import { addDays, ageOn, clinicInstant } from '@/core/time';
import { CANCELLATION_REASONS, CONDITIONS, type Condition } from './data';
import {
  TOWNS, buildVisit, kenyanMobile, pickAge, pickAllergies, pickBirthOffsetDays, pickBloodType,
  pickCondition, pickEmergencyContact, pickMedicalHistory, pickPerson, pickReason, pickSex,
} from './generate';
import { createRng, type Rng } from './random';

/** The generators' fixed seed. */
export const DEMO_SEED = 0x0e4ea17;

const PATIENT_COUNT = 300;
/** Every demo doctor's slot length, minutes. */
export const SLOT_MINUTES = 20;
/** 08:00–17:00: 27 slots of 20 minutes, the last starting 16:40. */
export const FIRST_SLOT_MINUTES = 8 * 60;
export const LAST_SLOT_END_MINUTES = 17 * 60;
const SLOTS_PER_DAY = 27;
/** ISO weekdays the demo doctors work: Monday–Friday, and every day for the demo doctor (index 0). */
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKEND_DOCTOR = 0;
/** The ISO weekdays demo doctor `doctor` (index into DOCTORS) works, 08:00–17:00 each. */
export function demoWorkingDays(doctor: number): number[] {
  return doctor === WEEKEND_DOCTOR ? EVERY_DAY : WEEKDAYS;
}
const PAST_DAYS = 56;
const FUTURE_DAYS = 21;

/** A demo doctor. */
export interface DoctorSpec {
  name: string;
  sex: Sex;
  specialty: string;
  email?: string;
  /** Which patients this doctor sees. */
  sees?: (p: PatientPlan) => boolean;
  /** Conditions this doctor mostly sees (codes), when they fit the patient. */
  focus?: string[];
}

/** The demo doctors, the demo doctor (doctor@example.org) first. */
export const DOCTORS: DoctorSpec[] = [
  { name: 'Grace Wanjiru', sex: 'female', specialty: 'General Practice', email: 'doctor@example.org' },
  { name: 'Amina Njoroge', sex: 'female', specialty: 'Paediatrics', sees: (p) => p.age < 15 },
  { name: 'Chukwuemeka Okafor', sex: 'male', specialty: 'Internal Medicine', sees: (p) => p.age >= 15, focus: ['I10', 'E11.9', 'K29.7', 'D50.9'] },
  { name: 'Thandiwe Dlamini', sex: 'female', specialty: 'Obstetrics and Gynaecology', sees: (p) => p.sex === 'female' && p.age >= 15 && p.age <= 60, focus: ['Z34.9', 'N39.0', 'D50.9'] },
  { name: "Mamadou N'Diaye", sex: 'male', specialty: 'Infectious Diseases (HIV/TB)', sees: (p) => p.age >= 15, focus: ['B20', 'A15.0', 'J18.9', 'B54'] },
  { name: 'Tesfaye Bekele', sex: 'male', specialty: 'Family Medicine' },
];

/** `amina.njoroge@example.org` for "Amina Njoroge" (accents and apostrophes dropped). */
export function demoEmailFor(name: string): string {
  return `${foldName(name).replace(/[^a-z0-9 ]/g, '').trim().split(/\s+/).join('.')}@example.org`;
}

/** A demo patient to write, with their profile. */
export interface PatientPlan {
  name: string;
  sex: Sex;
  age: number;
  dateOfBirth: string;
  /** Clinic date of registration; appointments come after it. */
  registeredOn: string;
  registeredAt: Date;
  email: string | null;
  profile: {
    bloodType: ReturnType<typeof pickBloodType>;
    allergies: ReturnType<typeof pickAllergies>;
    medicalHistory: string | null;
    emergencyContactName: string | null;
    emergencyContactRelationship: string | null;
    emergencyContactPhone: string | null;
  };
  phone: string | null;
  address: string;
}

/** A demo appointment to write (indexes into the plan's doctors and patients), with its visit when completed. */
export interface AppointmentPlan {
  doctor: number;
  patient: number;
  date: string;
  slot: number;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  condition: Condition;
  reason: string;
  cancellationReason: string | null;
  booker: 'patient' | 'admin' | 'doctor';
  bookedDaysBefore: number;
  /** The charted visit of a completed appointment. */
  visit?: Visit;
}

/** A charted visit: vitals, diagnoses, prescription lines, symptoms and notes. */
export type Visit = ReturnType<typeof buildVisit>;

/** The whole demo: the clinic day it is planned for, the patients and the appointments in time order. */
export interface DemoPlan {
  today: string;
  patients: PatientPlan[];
  appointments: AppointmentPlan[];
}

/**
 * The demo plan for `now`, whose clinic date in zone `zone` (IANA) is `today` (`YYYY-MM-DD`): patients,
 * then appointments, then the visits of the completed ones in time order, each from its own generator
 * seeded from `DEMO_SEED`.
 */
export function planDemo(now: Date, zone: string, today: string): DemoPlan {
  const patients = planPatients(createRng(DEMO_SEED), today, zone);
  const appointments = planAppointments(createRng(DEMO_SEED + 1), createRng(DEMO_SEED + 2), patients, now, today, zone);
  const clinical = createRng(DEMO_SEED + 3);
  for (const a of appointments) {
    if (a.status === 'completed') a.visit = buildVisit(clinical, ageOn(patients[a.patient].dateOfBirth, a.date), patients[a.patient].sex, a.condition);
  }
  return { today, patients, appointments };
}

function planPatients(rng: Rng, today: string, zone: string): PatientPlan[] {
  const names = new Set<string>();
  const phones = new Set<string>();
  const out: PatientPlan[] = [];
  const registered = (daysAgo: number, minutes: number) => {
    const date = addDays(today, -daysAgo);
    return { registeredOn: date, registeredAt: new Date(clinicInstant(date, '08:00', zone).getTime() + minutes * 60_000) };
  };

  // The patient with an account: an adult registered a year ago, with past visits and one coming up.
  const demoName = 'Zawadi Otieno';
  names.add(demoName);
  out.push({
    name: demoName, sex: 'female', age: 34, dateOfBirth: addDays(today, -(34 * 365 + 8 + 97)),
    ...registered(380, 95), email: 'patient@example.org', phone: '+254712345678', address: 'Kilimani, Nairobi',
    profile: {
      bloodType: 'O+', allergies: [{ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' }],
      medicalHistory: 'Asthma since childhood; uses salbutamol inhaler.',
      emergencyContactName: 'Baraka Otieno', emergencyContactRelationship: 'Spouse', emergencyContactPhone: '+254733456789',
    },
  });
  phones.add('+254712345678');

  while (out.length < PATIENT_COUNT) {
    const sex = pickSex(rng);
    const person = pickPerson(rng, sex);
    const name = person.name;
    if (names.has(name)) continue;
    names.add(name);
    const age = pickAge(rng);
    const dateOfBirth = addDays(today, -pickBirthOffsetDays(rng, age));
    // Most registered over the last two years, one in eight during the last 8 weeks.
    const daysAgo = rng.chance(0.125) ? rng.int(1, PAST_DAYS) : rng.int(PAST_DAYS + 1, 730);
    let phone: string | null = null;
    if (rng.chance(age < 12 ? 0.2 : 0.95)) {
      do phone = kenyanMobile(rng); while (phones.has(phone));
      phones.add(phone);
    }
    const realAge = ageOn(dateOfBirth, today);
    out.push({
      name, sex, age: realAge, dateOfBirth, ...registered(daysAgo, rng.int(0, 520)), email: null, phone,
      address: rng.pick(TOWNS),
      profile: {
        bloodType: pickBloodType(rng),
        allergies: pickAllergies(rng),
        medicalHistory: pickMedicalHistory(rng, realAge, sex),
        ...pickEmergencyContact(rng, { age: realAge, sex, person }),
      },
    });
  }
  return out;
}

function planAppointments(rng: Rng, clinical: Rng, patients: PatientPlan[], now: Date, today: string, zone: string): AppointmentPlan[] {
  const plans: AppointmentPlan[] = [];
  const doctorBusy = new Set<string>(); // `${doctor}|${date}|${slot}`
  const patientBusy = new Set<string>(); // `${patient}|${date}`: at most one appointment a day
  const pools = DOCTORS.map((d) => patients.map((_, i) => i).filter((i) => i !== 0 && (!d.sees || d.sees(patients[i]))));
  const slotStart = (date: string, slot: number) => {
    const m = FIRST_SLOT_MINUTES + slot * SLOT_MINUTES;
    return clinicInstant(date, `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, zone);
  };
  /** Whether doctor `doctor` works on the day `offset` days from today (their weekly hours). */
  const worksOn = (doctor: number, offset: number) =>
    demoWorkingDays(doctor).includes(DateTime.fromISO(addDays(today, offset), { zone: 'UTC' }).weekday);
  /** The working day of `doctor` nearest `offset` away from today (earlier for past offsets, later for future ones). */
  const clinicDayFrom = (doctor: number, offset: number) => {
    let o = offset;
    while (!worksOn(doctor, o)) o += offset < 0 ? -1 : 1;
    return o;
  };

  function statusFor(start: Date, end: Date): AppointmentStatus {
    if (end.getTime() <= now.getTime()) return rng.weighted([['completed', 72], ['cancelled', 14], ['no-show', 14]] as const);
    if (start.getTime() <= now.getTime()) return 'confirmed';
    return rng.weighted([['confirmed', 55], ['pending', 35], ['cancelled', 10]] as const);
  }

  function conditionFor(doctor: number, p: PatientPlan): Condition {
    const focus = DOCTORS[doctor].focus;
    if (focus && clinical.chance(0.7)) {
      const fits = CONDITIONS.filter((c) => focus.includes(c.code) && (c.minAge ?? 0) <= p.age && p.age <= (c.maxAge ?? 200) && (!c.sex || c.sex === p.sex));
      if (fits.length) return clinical.weighted(fits.map((c) => [c, c.weight] as const));
    }
    return pickCondition(clinical, p.age, p.sex);
  }

  function add(doctor: number, patient: number, offset: number, slot: number, status?: AppointmentStatus, code?: string) {
    const date = addDays(today, offset);
    const start = slotStart(date, slot);
    const end = new Date(start.getTime() + SLOT_MINUTES * 60_000);
    const s = status ?? statusFor(start, end);
    const condition = (code && CONDITIONS.find((c) => c.code === code)) || conditionFor(doctor, patients[patient]);
    doctorBusy.add(`${doctor}|${date}|${slot}`);
    patientBusy.add(`${patient}|${date}`);
    plans.push({
      doctor, patient, date, slot, start, end, status: s, condition, reason: pickReason(clinical, condition),
      cancellationReason: s === 'cancelled' ? rng.pick(CANCELLATION_REASONS) : null,
      booker: patient === 0 ? 'patient' : rng.chance(0.7) ? 'admin' : 'doctor',
      bookedDaysBefore: rng.int(1, 14),
    });
  }

  /** A patient this doctor sees, registered before `date`, free that day (or -1). */
  function pickPatient(doctor: number, date: string): number {
    const pool = pools[doctor];
    for (let tries = 0; tries < 40; tries++) {
      const i = rng.pick(pool);
      if (patients[i].registeredOn < date && !patientBusy.has(`${i}|${date}`)) return i;
    }
    return -1;
  }

  // The demo patient (index 0): past visits with the demo doctor and an internist, one cancelled, two coming up.
  const demo = 0, gp = 0, internist = 2;
  add(gp, demo, clinicDayFrom(gp, -45), 6, 'completed', 'J45.9');
  add(internist, demo, clinicDayFrom(internist, -24), 9, 'completed', 'K29.7');
  add(gp, demo, clinicDayFrom(gp, -17), 4, 'cancelled', 'J06.9');
  add(gp, demo, clinicDayFrom(gp, -10), 12, 'completed', 'B54');
  add(gp, demo, clinicDayFrom(gp, 2), 6, 'confirmed', 'J45.9');
  add(internist, demo, clinicDayFrom(internist, 15), 10, 'pending', 'K29.7');

  // The demo doctor's day today (she works every day): eight patients through the day.
  for (const slot of [0, 2, 4, 7, 9, 13, 16, 19]) {
    const i = pickPatient(gp, today);
    if (i >= 0) add(gp, i, 0, slot);
  }

  for (let offset = -PAST_DAYS; offset <= FUTURE_DAYS; offset++) {
    const date = addDays(today, offset);
    for (let doctor = 0; doctor < DOCTORS.length; doctor++) {
      if (!worksOn(doctor, offset) || (offset === 0 && doctor === gp)) continue;
      const wanted = rng.int(3, 6);
      const free = Array.from({ length: SLOTS_PER_DAY }, (_, s) => s).filter((s) => !doctorBusy.has(`${doctor}|${date}|${s}`));
      const taken = SLOTS_PER_DAY - free.length;
      for (const slot of rng.sample(free, Math.max(0, wanted - taken)).sort((a, b) => a - b)) {
        const i = pickPatient(doctor, date);
        if (i >= 0) add(doctor, i, offset, slot);
      }
    }
  }

  return plans.sort((a, b) => a.start.getTime() - b.start.getTime() || a.doctor - b.doctor);
}
