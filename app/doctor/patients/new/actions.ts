'use server';
import { action } from '@/lib/api/action';
import type { AppError } from '@/lib/errors';
import { createPatientByStaff } from '@/lib/patients/create-patient-by-staff';
import { createPatientByStaffSchema } from '@/lib/patients/schemas';
import type { DuplicateCandidateJson, WalkInFormState } from '@/lib/patients/walk-in-form-state';

const register = action(createPatientByStaffSchema, async (input, { user, actor }) => {
  try {
    const p = await createPatientByStaff({ user, actor, input });
    const done: WalkInFormState = { ok: true, message: `${p.name} is registered.`, created: { userId: p.userId, name: p.name, patientNumber: p.patientNumber } };
    return done;
  } catch (e) {
    const err = e as AppError;
    if (err?.name === 'AppError' && err.code === 'conflict' && err.extra?.conflict === 'possible_duplicate') {
      const values: Record<string, string> = { name: input.name, date_of_birth: input.date_of_birth, gender: input.gender, phone: input.phone, email: input.email ?? '', address: input.address ?? '', blood_type: input.blood_type ?? '' };
      const dup: WalkInFormState = { ok: false, message: err.message, values, duplicates: err.extra.candidates as DuplicateCandidateJson[] };
      return dup;
    }
    throw e;
  }
}, { roles: ['doctor', 'admin'] });

/** Registers a walk-in patient; possible duplicates come back to be opened, or overridden with "This is a new patient" (`confirm_new_patient`). */
export async function registerWalkInAction(prev: WalkInFormState, form: FormData): Promise<WalkInFormState> {
  return register(prev, form);
}
