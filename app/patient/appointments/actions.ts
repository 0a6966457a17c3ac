'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/api/action';
import { changeAppointmentStatus } from '@/lib/appointments/change-appointment-status';
import { assertRole } from '@/lib/auth/current-user';

const cancelForm = z.object({
  appointment_id: z.coerce.number().int().positive(),
  reason: z.string().trim().min(1, 'Give a reason for the cancellation.').max(500),
});

/** The patient cancels one of their upcoming appointments, with a reason. */
export const cancelMyAppointmentAction = action(cancelForm, async (input, { user, actor }) => {
  await changeAppointmentStatus({ user: assertRole(user, ['patient']), actor, appointmentId: input.appointment_id, action: 'cancel', reason: input.reason });
  revalidatePath('/patient/appointments');
  return { ok: true, message: 'Your appointment is cancelled. The time is free for someone else.' };
}, { roles: ['patient'] });
