'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/api/action';
import { changeAppointmentStatus } from '@/lib/appointments/change-appointment-status';

const cancelForm = z.object({
  appointment_id: z.coerce.number().int().positive(),
  reason: z.string().trim().min(1, 'Give a reason for the cancellation.').max(500),
});

/** The patient cancels one of their upcoming appointments, with a reason. */
export const cancelMyAppointmentAction = action(cancelForm, async (input, { user, actor }) => {
  await changeAppointmentStatus({ user, actor, appointmentId: input.appointment_id, action: 'cancel', reason: input.reason });
  redirect('/patient/appointments?cancelled=1');
}, { roles: ['patient'] });
