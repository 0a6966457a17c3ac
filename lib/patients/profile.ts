/**
 * The patient profile as the domain hands it out (camelCase plain data): the `patient` user's name
 * and contact with its FHIR Patient row. Built by the profile services; serialized for the API by
 * `serialize.ts`.
 */
import type { PatientProfileRow } from '@/db/repositories/patient-profiles';
import type { Allergy, BloodType, Sex } from '@/core/vocabulary';

export interface PatientProfile {
  /** The profile id (patients table). */
  id: number;
  /** The patient's user id. */
  userId: number;
  patientNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  isActive: boolean;
  dateOfBirth: string | null;
  sex: Sex;
  bloodType: BloodType | null;
  /** Null when withheld (a doctor not linked to the patient sees demographics only). */
  allergies: Allergy[] | null;
  /** Null when empty or withheld (see `clinicalAccess`). */
  medicalHistory: string | null;
  emergencyContact: { name: string | null; relationship: string | null; phone: string | null };
  /** Whether the reader may see the clinical part (allergies, medical history). */
  clinicalAccess: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A joined profile row → `PatientProfile`; the clinical part only when `clinicalAccess`. */
export function toPatientProfile({ user, patient }: PatientProfileRow, clinicalAccess: boolean): PatientProfile {
  return {
    id: patient.id,
    userId: user.id,
    patientNumber: patient.patientNumber,
    name: user.name,
    email: user.email,
    phone: user.phone,
    address: user.address,
    isActive: user.isActive,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    bloodType: patient.bloodType,
    allergies: clinicalAccess ? (patient.allergies ?? []) : null,
    medicalHistory: clinicalAccess ? patient.medicalHistory : null,
    emergencyContact: {
      name: patient.emergencyContactName,
      relationship: patient.emergencyContactRelationship,
      phone: patient.emergencyContactPhone,
    },
    clinicalAccess,
    createdAt: patient.createdAt,
    updatedAt: patient.updatedAt,
  };
}
