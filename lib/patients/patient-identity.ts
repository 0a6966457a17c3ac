/**
 * Who a patient is, as every page about one patient shows it at the top (and keeps on paper): name,
 * patient number, date of birth and sex. Pure; services build it from the user and the profile rows.
 */
import type { Sex } from '@/core/vocabulary';

/** A patient's identity: user id, name, patient number, date of birth (`YYYY-MM-DD`, null when unknown) and sex. */
export interface PatientIdentity {
  id: number;
  name: string;
  patientNumber: string;
  dateOfBirth: string | null;
  sex: Sex;
}

/** The identity of patient `user` with profile `profile` (see `PatientIdentity`). */
export function patientIdentityOf(
  user: { id: number; name: string },
  profile: { patientNumber: string; dateOfBirth?: string | null; sex: Sex },
): PatientIdentity {
  return { id: user.id, name: user.name, patientNumber: profile.patientNumber, dateOfBirth: profile.dateOfBirth ?? null, sex: profile.sex };
}

/** Sex in words for display. */
export const SEX_WORDS: Record<Sex, string> = { male: 'Male', female: 'Female', other: 'Other', unknown: 'Not recorded' };
