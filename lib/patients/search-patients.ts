import { searchPatients as searchRepo } from '@/db/repositories/patient-search';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { canOpenChart } from '@/lib/auth/policy';
import { foldName } from '@/core/text';

/**
 * Staff search over all patients of the clinic (demographics only, per the access rule: any doctor
 * may find any patient to book or start a visit): by name in any script (accent- and case-blind),
 * phone, or clinic number. Each result says whether `user` may open the clinical chart (`linked`).
 * Queries under 2 characters return nothing.
 */
export async function searchPatientsForStaff(user: CurrentUser, query: string, limit = 30) {
  assertRole(user, ['doctor', 'admin']);
  const raw = query.trim().slice(0, 100);
  if (raw.length < 2) return [];
  const digits = raw.replace(/[^\d]/g, '');
  const rows = await searchRepo({
    folded: foldName(raw),
    phoneDigits: digits.length >= 4 && /^[+\d\s()-]+$/.test(raw) ? digits.replace(/^0/, '') : null,
    number: /^eh-?\d*/i.test(raw) ? raw.toUpperCase().replace(/^EH-?/, 'EH-') : null,
  }, limit);
  return Promise.all(rows.map(async (r) => ({ ...r, linked: await canOpenChart(user, r.userId) })));
}
