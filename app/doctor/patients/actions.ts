'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/api/action';
import { startWalkIn } from '@/lib/appointments/start-walk-in';

const walkInForm = z.object({ patient_id: z.coerce.number().int().positive() });

/** "Start walk-in visit": an appointment now with this doctor, then the charting form. */
export const startWalkInAction = action(walkInForm, async (input, { user, actor }) => {
  const { appointmentId } = await startWalkIn({ user, actor, patientId: input.patient_id });
  redirect(`/doctor/patients/${input.patient_id}/chart?appointment=${appointmentId}`);
}, { roles: ['doctor'] });
