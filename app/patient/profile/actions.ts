'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/api/action';
import { patientProfileFormSchema } from '@/lib/patients/schemas';
import { updatePatientProfile } from '@/lib/patients/update-patient-profile';

/** Saves the signed-in patient's own contact, emergency contact, allergies and medical history. */
export const updateMyProfileAction = action(patientProfileFormSchema, async (input, { user, actor }) => {
  await updatePatientProfile({ user, actor, userId: user.id, input });
  revalidatePath('/patient/profile');
  return { ok: true, message: 'Your profile is saved.' };
}, { roles: ['patient'] });
