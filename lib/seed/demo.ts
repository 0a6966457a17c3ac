/**
 * The demo clinic, seeded on first start of an empty database (no users at all) unless SEED_DEMO=0.
 *
 * Deterministic: fixed seeds for the generators (mulberry32) and dates relative to today in clinic
 * time, so the same `now` gives the same data. Contents: one admin, six doctors (bookable, 20-minute
 * slots, working Monday–Friday 08:00–17:00 clinic time; the demo doctor, doctor@example.org, also runs
 * the weekend clinic, so she works every day and always has a day to show), 300 patients with African
 * names and Kenyan mobiles (one with an account), appointments over the past 8 weeks and the coming
 * 3 weeks in every status, on each doctor's 20-minute grid inside their working hours; never two at the
 * same time for one doctor, at most one a day per patient. Every active (pending/confirmed) appointment
 * has its occupancy cells, as a booking would (the appointments repository writes them). Every completed appointment has its charted visit
 * (vitals, 1–2 ICD-10 diagnoses, usually prescription lines).
 *
 * Everything is written in one transaction: a crash leaves an empty database, which the next start
 * seeds again. Concurrent first starts queue on the `demo_seed` lock (`locks`) and only one seeds.
 * The demo logins share the password `ehealth-demo`, hashed once.
 */
import { DateTime } from 'luxon';
import { withTransaction } from '@/db';
import { classifyDbError } from '@/db/dialect';
import { createAppointment } from '@/db/repositories/appointments';
import { replaceWorkingHours } from '@/db/repositories/availability';
import { appendAuditEvent } from '@/db/repositories/audit';
import { createPatientWithUser } from '@/db/repositories/patients';
import { createPractitioner } from '@/db/repositories/practitioners';
import { createMedicalRecord } from '@/db/repositories/records';
import { takeLock } from '@/db/repositories/locks';
import { countUsers, createUser } from '@/db/repositories/users';
import { APPOINTMENT_STATUSES, type AppointmentStatus, type Role, type Sex } from '@/core/vocabulary';
import { hashPassword } from '@/lib/auth/password';
import { foldName } from '@/core/text';
import { addDays, ageOn, clinicInstant, clinicToday, clinicZone } from '@/core/time';
import { CANCELLATION_REASONS, CONDITIONS, type Condition } from './data';
import {
  TOWNS, buildVisit, kenyanMobile, pickAge, pickAllergies, pickBirthOffsetDays, pickBloodType,
  pickCondition, pickEmergencyContact, pickMedicalHistory, pickPerson, pickReason, pickSex,
} from './generate';
import { createRng, type Rng } from './random';

export const DEMO_PASSWORD = 'ehealth-demo';

/** The fixed demo logins (printed by the start script and the README). */
export const DEMO_LOGINS: ReadonlyArray<{ role: Role; email: string; password: string }> = [
  { role: 'admin', email: 'admin@example.org', password: DEMO_PASSWORD },
  { role: 'doctor', email: 'doctor@example.org', password: DEMO_PASSWORD },
  { role: 'patient', email: 'patient@example.org', password: DEMO_PASSWORD },
];

/** The lock concurrent first starts queue on (db/repositories/locks.ts). */
const SEED_LOCK = 'demo_seed';

/** The generators' fixed seed. */
export const DEMO_SEED = 0x0e4ea17;

const PATIENT_COUNT = 300;
const SLOT_MINUTES = 20;
/** 08:00–17:00: 27 slots of 20 minutes, the last starting 16:40. */
const FIRST_SLOT_MINUTES = 8 * 60;
const LAST_SLOT_END_MINUTES = 17 * 60;
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

interface DoctorSpec {
  name: string;
  sex: Sex;
  specialty: string;
  email?: string;
  /** Which patients this doctor sees. */
  sees?: (p: PatientPlan) => boolean;
  /** Conditions this doctor mostly sees (codes), when they fit the patient. */
  focus?: string[];
}

const DOCTORS: DoctorSpec[] = [
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

interface PatientPlan {
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

interface AppointmentPlan {
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
}

export interface SeedDemoOptions {
  /** "Now" for the demo's dates (default: the current time). The same `now` gives the same data. */
  now?: Date;
  /** Clinic IANA zone (default CLINIC_TIME_ZONE, Africa/Nairobi). */
  zone?: string;
  /** An argon2 hash of the demo password, if the caller has one already. */
  passwordHash?: string;
}

export interface DemoSummary {
  admins: number;
  doctors: number;
  patients: number;
  appointments: Record<AppointmentStatus, number>;
  records: number;
  diagnoses: number;
  prescriptions: number;
}

/**
 * Seeds the demo clinic when the database has no users at all; does nothing otherwise
 * (also when another process seeds at the same moment). Returns whether it seeded.
 */
export async function seedDemoIfEmpty(opts: SeedDemoOptions = {}): Promise<{ seeded: boolean; summary?: DemoSummary }> {
  if ((await countUsers()) > 0) return { seeded: false };
  const passwordHash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  for (let attempt = 1; ; attempt++) {
    try {
      const summary = await runSeed({ ...opts, passwordHash }, true);
      return summary ? { seeded: true, summary } : { seeded: false };
    } catch (e) {
      const kind = classifyDbError(e);
      if ((kind === 'unique' || kind === 'deadlock' || kind === 'busy') && (await countUsers()) > 0) return { seeded: false };
      if ((kind === 'deadlock' || kind === 'busy') && attempt < 5) {
        await new Promise((r) => setTimeout(r, 100 * attempt));
        continue;
      }
      throw e;
    }
  }
}

/** Seeds the demo clinic unconditionally (fails on the unique emails if the demo logins exist). */
export async function seedDemo(opts: SeedDemoOptions = {}): Promise<DemoSummary> {
  const passwordHash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  return (await runSeed({ ...opts, passwordHash }, false)) as DemoSummary;
}

async function runSeed(opts: SeedDemoOptions & { passwordHash: string }, onlyIfEmpty: boolean): Promise<DemoSummary | null> {
  const now = opts.now ?? new Date();
  const zone = opts.zone ?? clinicZone();
  const today = clinicToday(now, zone);
  const patients = planPatients(createRng(DEMO_SEED), today, zone);
  const appointments = planAppointments(createRng(DEMO_SEED + 1), createRng(DEMO_SEED + 2), patients, now, today, zone);
  const clinical = createRng(DEMO_SEED + 3);
  const hash = opts.passwordHash;

  return withTransaction(async () => {
    if (onlyIfEmpty) {
      // Queue behind any other seeder: the row lock (MySQL) or the write lock (SQLite) is held until its
      // commit, after which the re-check sees its users.
      await takeLock(SEED_LOCK);
      if ((await countUsers()) > 0) return null;
    }
    const staffSince = DateTime.fromISO(addDays(today, -3 * 365), { zone }).set({ hour: 9 }).toJSDate();
    const base = { isActive: true, mustChangePassword: false, sessionVersion: 1, dateJoined: staffSince, updatedAt: staffSince };

    const adminName = 'Faith Mutua';
    const adminId = await createUser({
      ...base, email: 'admin@example.org', name: adminName, nameFolded: foldName(adminName), role: 'admin',
      phone: '+254722000101', passwordHash: hash,
    });

    const doctorIds: number[] = [];
    for (const [i, d] of DOCTORS.entries()) {
      const id = await createUser({
        ...base, email: d.email ?? demoEmailFor(d.name), name: d.name, nameFolded: foldName(d.name), role: 'doctor',
        phone: `+25472200020${i}`, passwordHash: hash,
      });
      await createPractitioner({ userId: id, specialty: d.specialty, bookable: true, slotMinutes: SLOT_MINUTES });
      await replaceWorkingHours(id, demoWorkingDays(i).map((weekday) => ({ weekday, startMinute: FIRST_SLOT_MINUTES, endMinute: LAST_SLOT_END_MINUTES })));
      doctorIds.push(id);
    }

    const patientIds: number[] = [];
    for (const p of patients) {
      const { userId } = await createPatientWithUser(
        {
          email: p.email, name: p.name, nameFolded: foldName(p.name), phone: p.phone, address: p.address,
          isActive: true, dateJoined: p.registeredAt, passwordHash: p.email ? hash : null, mustChangePassword: false,
          sessionVersion: 1, updatedAt: p.registeredAt,
        },
        { dateOfBirth: p.dateOfBirth, sex: p.sex, ...p.profile, createdAt: p.registeredAt, updatedAt: p.registeredAt },
      );
      patientIds.push(userId);
    }

    const counts = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, 0])) as Record<AppointmentStatus, number>;
    let records = 0, diagnoses = 0, prescriptions = 0;
    for (const a of appointments) {
      const patientId = patientIds[a.patient];
      const doctorId = doctorIds[a.doctor];
      const p = patients[a.patient];
      const createdById = a.booker === 'patient' && p.email ? patientId : a.booker === 'doctor' ? doctorId : adminId;
      let createdAt = new Date(Math.min(a.start.getTime() - a.bookedDaysBefore * 86_400_000, now.getTime() - 60_000));
      if (createdAt < p.registeredAt) createdAt = p.registeredAt;
      const updatedAt = a.status === 'completed' || a.status === 'no-show' ? a.end
        : a.status === 'cancelled' ? new Date(Math.min(createdAt.getTime() + 86_400_000, a.start.getTime() - 3_600_000, now.getTime()))
          : createdAt;
      const appointmentId = await createAppointment({
        patientId, doctorId, startAt: a.start, endAt: a.end, status: a.status, reason: a.reason,
        notes: null, cancellationReason: a.cancellationReason, createdById, createdAt,
        updatedAt: updatedAt < createdAt ? createdAt : updatedAt,
      });
      counts[a.status]++;
      if (a.status !== 'completed') continue;
      const visit = buildVisit(clinical, ageOn(p.dateOfBirth, a.date), p.sex, a.condition);
      await createMedicalRecord(
        {
          patientId, doctorId, appointmentId, symptoms: visit.symptoms, notes: visit.notes, ...visit.vitals,
          status: 'final', version: 1, createdAt: a.start, updatedAt: a.start,
        },
        visit.diagnoses,
        visit.prescriptions,
      );
      records++;
      diagnoses += visit.diagnoses.length;
      prescriptions += visit.prescriptions.length;
    }

    const summary: DemoSummary = {
      admins: 1, doctors: doctorIds.length, patients: patientIds.length, appointments: counts, records, diagnoses, prescriptions,
    };
    await appendAuditEvent({
      at: now, actorKind: 'system', action: 'demo.seed', outcome: 'success',
      details: { ...summary, today, zone, seed: DEMO_SEED },
    });
    return summary;
  });
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
