/**
 * The clinic's favourite diagnoses: a short ordered list of ICD-10 codes that admins keep and the
 * diagnosis picker shows before the doctor types (also +15 points in the search, clinic-search.ts).
 * Stored in `diagnosis_favourites`; every change is audited (`diagnosis_favourites.update`, with the
 * list before and after).
 */
import { withTransaction } from '@/db';
import { listDiagnosisFavourites, replaceDiagnosisFavourites } from '@/db/repositories/diagnosis-favourites';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { validationError, type FieldErrors } from '@/lib/errors';
import { findIcd10 } from './code-index';
import { ICD10_SYSTEM, type Icd10Match } from './list';
import { dropClinicDiagnosisBoost } from './clinic-search';

/** At most this many favourites. */
export const MAX_FAVOURITES = 50;

/**
 * The favourites in order, as search results (`{ system, code, display, billable }`). A stored code no
 * longer in the shipped list is left out.
 */
export async function listFavouriteDiagnoses(): Promise<Icd10Match[]> {
  const out: Icd10Match[] = [];
  for (const row of await listDiagnosisFavourites()) {
    const e = row.system === ICD10_SYSTEM ? findIcd10(row.code) : undefined;
    if (e) out.push({ system: e.system, code: e.code, display: e.display, billable: e.billable });
  }
  return out;
}

/**
 * Replaces the favourites with `codes`, in this order (admins only: else `forbidden`). Each code must be
 * in the shipped ICD-10 list (with or without dot, any case; stored in its canonical form) and appear
 * once: else 400 `validation_error` with `fields["codes.<i>"]` (nothing changes). At most
 * `MAX_FAVOURITES`. Audited with the lists before and after. Answers the new list.
 */
export async function setFavouriteDiagnoses({ user, actor, codes }: { user: CurrentUser; actor: Actor; codes: readonly string[] }): Promise<Icd10Match[]> {
  assertRole(user, ['admin']);
  const fields: FieldErrors = {};
  if (codes.length > MAX_FAVOURITES) fields.codes = [`At most ${MAX_FAVOURITES} favourites.`];
  const canonical: string[] = [];
  codes.forEach((raw, i) => {
    const entry = findIcd10(raw);
    if (!entry) fields[`codes.${i}`] = [`${String(raw).slice(0, 20)} is not an ICD-10 code of the list.`];
    else if (canonical.includes(entry.code)) fields[`codes.${i}`] = [`${entry.code} is already in the list.`];
    else canonical.push(entry.code);
  });
  if (Object.keys(fields).length) throw validationError(fields);
  await withTransaction(async () => {
    const before = (await listDiagnosisFavourites()).map((r) => r.code);
    await replaceDiagnosisFavourites(canonical.map((code) => ({ system: ICD10_SYSTEM, code })), new Date());
    await audit(actor, { action: 'diagnosis_favourites.update', entity: 'diagnosis_favourites', details: { before, after: canonical } });
  });
  await dropClinicDiagnosisBoost();
  return listFavouriteDiagnoses();
}
