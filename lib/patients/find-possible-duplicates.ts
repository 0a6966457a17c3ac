import { listProfilesByDateOfBirth } from '@/db/repositories/patient-profiles';
import { foldName } from '@/core/text';

/** Why a registered patient may be the same person. */
export type DuplicateMatch = 'phone' | 'date_of_birth_and_name';

export interface DuplicateCandidate {
  userId: number;
  /** The patient profile's id (`id` of `/api/patient-profiles/{id}/`). */
  patientId: number;
  name: string;
  dateOfBirth: string | null;
  phone: string | null;
  patientNumber: string;
  isActive: boolean;
  matches: DuplicateMatch[];
}

/**
 * A comparison key for a name: folded (lower case, accents removed), apostrophes dropped
 * (`N'Diaye` ≡ `Ndiaye`), any other punctuation a word break, spaces collapsed.
 */
export function nameKey(name: string): string {
  return foldName(name).replace(/['’ʼ`´]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Levenshtein distance over code points (names in any script), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[y.length];
}

/**
 * Whether two names are close enough to ask "is this the same person?": equal once folded (case,
 * accents, apostrophes), the same words in another order, one name's words all inside the other's
 * (a middle name added or left out, at least two words), or at most 2 edits apart (typing slips; both
 * names at least 4 letters), also after sorting the words.
 */
export function namesAreClose(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  const sa = [...wa].sort().join(' ');
  const sb = [...wb].sort().join(' ');
  if (sa === sb) return true;
  const [short, long] = wa.length <= wb.length ? [wa, new Set(wb)] : [wb, new Set(wa)];
  if (short.length >= 2 && short.every((w) => long.has(w))) return true;
  if (Math.min(Array.from(ka).length, Array.from(kb).length) < 4) return false;
  return editDistance(ka, kb, 2) <= 2 || editDistance(sa, sb, 2) <= 2;
}

/**
 * Registered patients who may be the person described, by the matching rule of
 * lib/patients/duplicate-guard.ts: the same date of birth and either a close name (`namesAreClose`) or
 * the same phone (E.164). [] without a date of birth. Inactive patients are included (flagged);
 * merged-away ones are not. Both matches first, then by name; at most `limit` (default 10).
 * `excludeUserId` leaves one patient out (themselves).
 */
export async function findPossibleDuplicates(opts: {
  name: string;
  dateOfBirth?: string | null;
  phone?: string | null;
  excludeUserId?: number;
  limit?: number;
}): Promise<DuplicateCandidate[]> {
  if (!opts.dateOfBirth) return [];
  const found: DuplicateCandidate[] = [];
  for (const r of await listProfilesByDateOfBirth(opts.dateOfBirth)) {
    if (r.user.id === opts.excludeUserId) continue;
    const matches: DuplicateMatch[] = [];
    if (opts.phone && r.user.phone === opts.phone) matches.push('phone');
    if (namesAreClose(opts.name, r.user.name)) matches.push('date_of_birth_and_name');
    if (!matches.length) continue;
    found.push({
      userId: r.user.id, patientId: r.patient.id, name: r.user.name, dateOfBirth: r.patient.dateOfBirth, phone: r.user.phone,
      patientNumber: r.patient.patientNumber, isActive: r.user.isActive, matches,
    });
  }
  return found
    .sort((a, b) => b.matches.length - a.matches.length || nameKey(a.name).localeCompare(nameKey(b.name)) || a.userId - b.userId)
    .slice(0, opts.limit ?? 10);
}
