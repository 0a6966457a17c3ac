/** The API's Patient profile shape (api-shapes.md), snake_case, plus the user's `name`, `contact_info` and `is_active`. */
import type { Allergy, BloodType, Sex } from '@/core/vocabulary';
import type { PatientProfile } from './profile';

export interface PatientProfileJson {
  id: number;
  user_id: number;
  patient_number: string;
  name: string;
  date_of_birth: string | null;
  gender: Sex;
  blood_type: BloodType | null;
  /** `null` = withheld from this reader (a doctor not linked to the patient); `[]` = none recorded. */
  allergies: Allergy[] | null;
  medical_history: string | null;
  emergency_contact_info: { name: string | null; relationship: string | null; phone: string | null };
  contact_info: { phone: string | null; address: string | null };
  is_active: boolean;
}

/** `PatientProfile` → the API's JSON (no credential, session or account detail ever appears). */
export function serializePatientProfile(p: PatientProfile): PatientProfileJson {
  return {
    id: p.id,
    user_id: p.userId,
    patient_number: p.patientNumber,
    name: p.name,
    date_of_birth: p.dateOfBirth,
    gender: p.sex,
    blood_type: p.bloodType,
    allergies: p.allergies,
    medical_history: p.medicalHistory,
    emergency_contact_info: { ...p.emergencyContact },
    contact_info: { phone: p.phone, address: p.address },
    is_active: p.isActive,
  };
}
