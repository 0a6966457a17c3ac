import { listPatientProfilesPage, type PatientProfileFilter } from '@/db/repositories/patient-profiles';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { toE164 } from '@/core/phone';
import { foldName } from '@/core/text';
import { toPatientProfile, type PatientProfile } from './profile';

/** The search terms of `?q=`: folded name words, a clinic-number fragment, a phone (E.164 and digits). */
export function profileSearchTerms(raw: string): NonNullable<PatientProfileFilter['search']> {
  const text = raw.trim().slice(0, 100);
  const phoneLike = /^[+\d\s().-]+$/.test(text);
  const digits = text.replace(/\D/g, '');
  return {
    nameWords: foldName(text).split(' ').filter(Boolean),
    number: /\d/.test(text) && /^[a-z]{0,2}-?\d+$/i.test(text) ? text.toUpperCase() : null,
    phone: phoneLike && digits.length >= 6 ? toE164(text) : null,
    // Local numbers are stored in international form: "0712…" is found as "712…".
    phoneDigits: phoneLike && digits.length >= 4 ? digits.replace(/^0+/, '') || null : null,
  };
}

/**
 * One page of the patient profiles `user` may list: a patient their own; a doctor the patients they
 * have an appointment or a medical record with (any status); an admin all. `q` narrows by name
 * (accent- and case-blind, every word), phone or clinic number, within that scope. By name, then id.
 * Every profile listed is one the reader may see in full. A page read by staff is audited
 * (`patient.list`, with the user ids listed). Returns `{ count, rows }`.
 */
export async function listPatientProfiles(opts: { user: CurrentUser; actor: Actor; q?: string; page: { limit: number; offset: number } }): Promise<{ count: number; rows: PatientProfile[] }> {
  const user = assertRole(opts.user);
  const filter: PatientProfileFilter = {};
  if (user.role === 'patient') filter.userId = user.id;
  else if (user.role === 'doctor') filter.linkedToDoctorId = user.id;
  if (opts.q && opts.q.trim()) filter.search = profileSearchTerms(opts.q);
  const { count, rows } = await listPatientProfilesPage(filter, opts.page);
  if (user.role !== 'patient' && rows.length) {
    await audit(opts.actor, { action: 'patient.list', entity: 'patient', details: { patientIds: rows.map((r) => r.user.id), ...(filter.search ? { q: opts.q } : {}) } });
  }
  return { count, rows: rows.map((r) => toPatientProfile(r, true)) };
}
