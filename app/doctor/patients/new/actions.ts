'use server';
import { action } from '@/lib/api/action';
import type { AppError } from '@/lib/errors';
import { createPatientByStaff } from '@/lib/patients/create-patient-by-staff';
import { createPatientByStaffSchema } from '@/lib/patients/schemas';
import { checkedDetailsKey, newPatientConfirmed } from '@/lib/patients/walk-in-confirmation';
import type { DuplicateCandidateJson, WalkInFormState } from '@/lib/patients/walk-in-form-state';

/**
 * The action for one submission. `checked` is the form's hidden `checked_details`: the key of the details
 * whose possible duplicates were shown. "This is a new patient" holds only for those details: when the
 * submitted name, date of birth or phone differ, the confirmation is dropped and the check runs again.
 */
const register = (checked: string | null) => action(createPatientByStaffSchema, async (input, { user, actor }) => {
  const confirmed = newPatientConfirmed(input, checked);
  try {
    const p = await createPatientByStaff({ user, actor, input: { ...input, confirm_new_patient: confirmed, confirm_not_duplicate: undefined } });
    const done: WalkInFormState = { ok: true, message: `${p.name} is registered.`, created: { userId: p.userId, name: p.name, patientNumber: p.patientNumber } };
    return done;
  } catch (e) {
    const err = e as AppError;
    if (err?.name === 'AppError' && err.code === 'conflict' && err.extra?.conflict === 'possible_duplicate') {
      const values: Record<string, string> = { name: input.name, date_of_birth: input.date_of_birth, gender: input.gender, phone: input.phone, email: input.email ?? '', address: input.address ?? '', blood_type: input.blood_type ?? '' };
      const dup: WalkInFormState = { ok: false, message: err.message, values, duplicates: err.extra.candidates as DuplicateCandidateJson[], checkedKey: checkedDetailsKey(input) };
      return dup;
    }
    throw e;
  }
}, { roles: ['doctor', 'admin'] });

/**
 * Registers a walk-in patient; possible duplicates come back to be looked up, or overridden with "This is
 * a new patient" (`confirm_new_patient`) — for the details that were checked only (hidden `checked_details`).
 */
export async function registerWalkInAction(prev: WalkInFormState, form: FormData): Promise<WalkInFormState> {
  const checked = form.get('checked_details');
  return register(typeof checked === 'string' ? checked : null)(prev, form);
}
