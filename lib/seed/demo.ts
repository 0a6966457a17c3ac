/**
 * The demo clinic, seeded on first start of an empty database (no users at all) unless SEED_DEMO=0:
 * one admin, and the doctors, patients, appointments and charted visits of the plan (demo-plan.ts).
 * Every active (pending/confirmed) appointment holds its occupancy cells, as a booking would (the
 * appointments repository writes them).
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
import { APPOINTMENT_STATUSES, type AppointmentStatus, type Role } from '@/core/vocabulary';
import { hashPassword } from '@/lib/auth/password';
import { foldName } from '@/core/text';
import { addDays, clinicToday, clinicZone } from '@/core/time';
import {
  DEMO_SEED, DOCTORS, FIRST_SLOT_MINUTES, LAST_SLOT_END_MINUTES, SLOT_MINUTES, demoEmailFor, demoWorkingDays, planDemo,
} from './demo-plan';

export const DEMO_PASSWORD = 'ehealth-demo';

/** The fixed demo logins (printed by the start script and the README). */
export const DEMO_LOGINS: ReadonlyArray<{ role: Role; email: string; password: string }> = [
  { role: 'admin', email: 'admin@example.org', password: DEMO_PASSWORD },
  { role: 'doctor', email: 'doctor@example.org', password: DEMO_PASSWORD },
  { role: 'patient', email: 'patient@example.org', password: DEMO_PASSWORD },
];

/** The lock concurrent first starts queue on (db/repositories/locks.ts). */
const SEED_LOCK = 'demo_seed';

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
  const { patients, appointments } = planDemo(now, zone, today);
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
      const visit = a.visit;
      if (a.status !== 'completed' || !visit) continue;
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
