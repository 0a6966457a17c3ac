'use server';
import { redirect } from 'next/navigation';
import { action } from '@/lib/api/action';
import { registerPatient } from '@/lib/patients/register-patient';
import { registerPatientSchema } from '@/lib/patients/schemas';

/** Register form → a patient account and profile, then the sign-in page. */
export const registerAction = action(registerPatientSchema, async (input, { actor }) => {
  await registerPatient(input, actor);
  redirect(`/sign-in?registered=1&email=${encodeURIComponent(input.email)}`);
}, { auth: 'public' });
