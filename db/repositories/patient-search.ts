import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { q, tables } from '../index';
import { likeLiteral } from '../dialect';

/**
 * Patients matching `query` for staff search: by clinic number (prefix, e.g. `EH-0001`), by phone
 * (E.164 prefix or any digits contained), or by every word of the folded name (`zoe` finds `Zoë`).
 * Demographics only: `{ userId, name, patientNumber, dateOfBirth, sex, phone, isActive }`, by name.
 * Records merged into another (`users.merged_into_id`) are left out.
 */
export async function searchPatients(query: { folded: string; phoneDigits: string | null; number: string | null }, limit = 30) {
  const db = await q();
  const { users: u, patients: p } = tables;
  const words = query.folded.split(' ').filter(Boolean);
  const byName = words.length ? and(...words.map((w) => likeLiteral(u.nameFolded, w, (t) => `%${t}%`))) : undefined;
  const byPhone = query.phoneDigits ? likeLiteral(u.phone, query.phoneDigits, (t) => `%${t}%`) : undefined;
  const byNumber = query.number ? likeLiteral(p.patientNumber, query.number, (t) => `${t}%`) : undefined;
  const where = or(...[byName, byPhone, byNumber].filter((x) => x !== undefined));
  if (!where) return [];
  return db.select({
    userId: u.id, name: u.name, patientNumber: p.patientNumber, dateOfBirth: p.dateOfBirth, sex: p.sex, phone: u.phone, isActive: u.isActive,
  }).from(p).innerJoin(u, eq(u.id, p.userId)).where(and(eq(u.role, 'patient'), isNull(u.mergedIntoId), where))
    .orderBy(asc(u.nameFolded), asc(u.id)).limit(limit);
}
