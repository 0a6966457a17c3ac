/**
 * Which doctors suit which patient for booking: a paediatrician only for a child younger than
 * `PAEDIATRIC_AGE_LIMIT_YEARS` (an unknown age is not a child's: the date of birth decides), every
 * other doctor for everyone; and, when a specialty is picked, only doctors of that specialty.
 */
import { findPatientProfileByUserId } from '@/db/repositories/patient-profiles';
import { validationError } from '@/lib/errors';
import { env } from '@/core/env';
import { foldName } from '@/core/text';
import { ageOn, clinicToday } from '@/core/time';
import { doctorTitle } from './availability';

/** Whether a specialty is paediatrics, in any spelling or case: `Paediatrics`, `Pediatric surgery`, `Pédiatrie`. */
export function isPaediatricSpecialty(specialty: string): boolean {
  return /\bpa?ediatr|\bneonat/.test(foldName(specialty));
}

/** Whether two specialty texts name the same specialty (folded: case, accents and spacing ignored). */
export function sameSpecialty(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}

/**
 * Whether a doctor of `specialty` suits a patient aged `ageYears` (null: unknown): a paediatrician
 * only below `limitYears` (default `PAEDIATRIC_AGE_LIMIT_YEARS`).
 */
export function suitsPatient(specialty: string, ageYears: number | null, limitYears: number = env().PAEDIATRIC_AGE_LIMIT_YEARS): boolean {
  if (!isPaediatricSpecialty(specialty)) return true;
  return ageYears !== null && ageYears < limitYears;
}

/** Patient user `patientId`'s age in whole years on clinic date `on`, or null when no date of birth is on file. */
export async function patientAgeYears(patientId: number, on: string = clinicToday()): Promise<number | null> {
  const dob = (await findPatientProfileByUserId(patientId))?.patient.dateOfBirth;
  return dob ? ageOn(dob, on) : null;
}

/** Why a doctor of `specialty` does not suit a patient aged `ageYears`, in words for the patient — or null when they suit. */
export function unsuitableReason(doctorName: string, specialty: string, ageYears: number | null): string | null {
  if (suitsPatient(specialty, ageYears)) return null;
  const limit = env().PAEDIATRIC_AGE_LIMIT_YEARS;
  const dr = doctorTitle(doctorName);
  return ageYears === null
    ? `${dr} sees children under ${limit}. Add your date of birth to your profile first, or choose another doctor.`
    : `${dr} sees children under ${limit}. Choose another doctor.`;
}

/**
 * Throws a 400 `validation_error` on `doctor_id` (with the reason as its message) unless doctor
 * `doctorName` of `specialty` suits patient user `patientId` today (clinic date of `now`).
 */
export async function assertSuitsPatient(doctorName: string, specialty: string, patientId: number, now: Date = new Date()): Promise<void> {
  const problem = unsuitableReason(doctorName, specialty, await patientAgeYears(patientId, clinicToday(now)));
  if (problem) throw validationError({ doctor_id: [problem] }, problem);
}
