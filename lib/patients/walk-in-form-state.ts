/** The walk-in registration form's action state (importable from client components: types only). */
import type { ActionState } from '@/lib/api/action-state';

/** A possible duplicate as the form shows it (the API's candidate shape). */
export interface DuplicateCandidateJson {
  /** The patient profile's id. */
  id: number;
  user_id: number;
  name: string;
  date_of_birth: string | null;
  phone: string | null;
  patient_number: string;
  is_active: boolean;
  matches: Array<'phone' | 'date_of_birth_and_name'>;
}

export interface WalkInFormState extends ActionState {
  /** Possible duplicates found: nothing was saved; the form offers "Open" and "This is a new patient". */
  duplicates?: DuplicateCandidateJson[];
  /** With `duplicates`: the key of the details checked (name, date of birth, phone), sent back as `checked_details`. */
  checkedKey?: string;
  /** The patient just registered. */
  created?: { userId: number; name: string; patientNumber: string };
}
