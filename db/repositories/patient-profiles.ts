/**
 * Patient profiles: a `patient` user joined with its FHIR Patient row (demographics, contact,
 * emergency contact, allergies, history). Reads return `{ user, patient }` plain objects; writes touch
 * only the columns given. Callers hold the transaction (every statement goes through `q()`).
 */
import { and, asc, count, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { q, tables } from '../index';
import { affectedRows } from '../dialect';
import { updatePatientByUserId, type PatientRow, type NewPatient } from './patients';
import type { NewUser, UserRow } from './users';

export interface PatientProfileRow {
  user: UserRow;
  patient: PatientRow;
}

/** `column LIKE pattern` with `text` taken literally: `!` escapes `%`, `_` and itself on both dialects. */
function likeText(column: SQLWrapper, text: string, pattern: (escaped: string) => string): SQL {
  const escaped = text.replace(/[!%_]/g, (c) => `!${c}`);
  return sql`${column} like ${pattern(escaped)} escape '!'`;
}

async function selectProfiles(where: SQL | undefined, limit: number) {
  const db = await q();
  const { users: u, patients: p } = tables;
  return db.select({ user: u, patient: p }).from(p).innerJoin(u, eq(u.id, p.userId))
    .where(and(eq(u.role, 'patient'), where)).orderBy(asc(u.nameFolded), asc(p.id)).limit(limit);
}

/** The profile with profile id `id` (patients.id), or undefined. */
export async function findPatientProfileById(id: number): Promise<PatientProfileRow | undefined> {
  const [row] = await selectProfiles(eq(tables.patients.id, id), 1);
  return row;
}

/** The profile of patient user `userId`, or undefined. */
export async function findPatientProfileByUserId(userId: number): Promise<PatientProfileRow | undefined> {
  const [row] = await selectProfiles(eq(tables.patients.userId, userId), 1);
  return row;
}

export interface PatientProfileFilter {
  /** Only this patient user (a patient's own profile). */
  userId?: number;
  /** Only patients with an appointment or a medical record (any status) with this doctor. */
  linkedToDoctorId?: number;
  /** Free-text search: folded name words (all must appear), clinic number, phone. */
  search?: { nameWords: string[]; number: string | null; phone: string | null; phoneDigits: string | null };
}

function filterWhere(f: PatientProfileFilter): SQL | undefined {
  const { users: u, patients: p, appointments: a, medicalRecords: r } = tables;
  let linked: SQL | undefined;
  if (f.linkedToDoctorId !== undefined) {
    const doctorId = f.linkedToDoctorId;
    // Subqueries built on the root tables: they are compiled into the outer statement.
    linked = or(
      inArray(u.id, sql`(select ${a.patientId} from ${a} where ${a.doctorId} = ${doctorId})`),
      inArray(u.id, sql`(select ${r.patientId} from ${r} where ${r.doctorId} = ${doctorId})`),
    );
  }
  let search: SQL | undefined;
  if (f.search) {
    const s = f.search;
    const parts = [
      s.nameWords.length ? and(...s.nameWords.map((w) => likeText(u.nameFolded, w, (t) => `%${t}%`))) : undefined,
      s.number ? likeText(p.patientNumber, s.number, (t) => `%${t}%`) : undefined,
      s.phone ? eq(u.phone, s.phone) : undefined,
      s.phoneDigits ? likeText(u.phone, s.phoneDigits, (t) => `%${t}%`) : undefined,
    ].filter((x): x is SQL => x !== undefined);
    search = parts.length ? or(...parts) : sql`1 = 0`;
  }
  return and(
    f.userId !== undefined ? eq(u.id, f.userId) : undefined,
    linked,
    search,
  );
}

/**
 * One page of profiles matching `filter`, by folded name then profile id, and the total count. Records
 * merged into another (`users.merged_into_id`) are left out.
 */
export async function listPatientProfilesPage(filter: PatientProfileFilter, page: { limit: number; offset: number }) {
  const db = await q();
  const { users: u, patients: p } = tables;
  const where = and(eq(u.role, 'patient'), isNull(u.mergedIntoId), filterWhere(filter));
  const [rows, [total]] = await Promise.all([
    db.select({ user: u, patient: p }).from(p).innerJoin(u, eq(u.id, p.userId))
      .where(where).orderBy(asc(u.nameFolded), asc(p.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(p).innerJoin(u, eq(u.id, p.userId)).where(where),
  ]);
  return { count: Number(total.n), rows: rows as PatientProfileRow[] };
}

/** Patient profiles with date of birth `dateOfBirth` (at most `limit`, by name); merged-away records left out. */
export async function listProfilesByDateOfBirth(dateOfBirth: string, limit = 500): Promise<PatientProfileRow[]> {
  return selectProfiles(and(eq(tables.patients.dateOfBirth, dateOfBirth), isNull(tables.users.mergedIntoId)), limit);
}

/**
 * Writes the given user columns (if any) and profile columns of patient user `userId`; the profile's
 * `updatedAt` (and the user's, when a user column changes) move to `now`.
 */
export async function updatePatientProfileRows(userId: number, user: Partial<NewUser>, patient: Partial<NewPatient>, now = new Date()): Promise<void> {
  const db = await q();
  if (Object.keys(user).length) await db.update(tables.users).set({ ...user, updatedAt: now }).where(eq(tables.users.id, userId));
  await updatePatientByUserId(userId, { ...patient, updatedAt: now });
}

/**
 * Deactivates the account of user `userId` and bumps its session version (every session and token
 * ends). Returns whether the account was active (false: nothing changed).
 */
export async function deactivateUserAccount(userId: number, now = new Date()): Promise<boolean> {
  const db = await q();
  const u = tables.users;
  const res = await db.update(u)
    .set({ isActive: false, sessionVersion: sql`${u.sessionVersion} + 1`, updatedAt: now })
    .where(and(eq(u.id, userId), eq(u.isActive, true)));
  return affectedRows(res) > 0;
}
