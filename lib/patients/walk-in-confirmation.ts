/**
 * "This is a new patient" on the walk-in form holds only for the details whose possible duplicates were
 * shown: the form sends back a key of those details (`checked_details`), and when the submitted name,
 * date of birth or phone differ the confirmation is dropped and the duplicate check runs again. Pure.
 */
import { foldName } from '@/core/text';
import type { CreatePatientByStaffInput } from './schemas';

type CheckedDetails = Pick<CreatePatientByStaffInput, 'name' | 'date_of_birth' | 'phone'>;

/** The details the duplicate check looks at, as one string: folded name, date of birth, phone (as stored). */
export function checkedDetailsKey(input: CheckedDetails): string {
  return JSON.stringify([foldName(input.name), input.date_of_birth, input.phone ?? null]);
}

/** Whether a submission's "This is a new patient" (or `confirm_not_duplicate`) holds: given, and for the details `checked` (the form's key). */
export function newPatientConfirmed(input: CheckedDetails & Pick<CreatePatientByStaffInput, 'confirm_new_patient' | 'confirm_not_duplicate'>, checked: string | null): boolean {
  return Boolean(input.confirm_new_patient || input.confirm_not_duplicate) && checked === checkedDetailsKey(input);
}
