'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/api/action';
import { changeAppointmentStatus } from '@/lib/appointments/change-appointment-status';

const statusForm = z.object({
  appointment_id: z.coerce.number().int().positive(),
  action: z.enum(['confirm', 'no-show']),
});
const cancelForm = z.object({
  appointment_id: z.coerce.number().int().positive(),
  reason: z.string().trim().min(1, 'Give a reason for the cancellation.').max(500),
});

/** Confirm or mark a no-show from the doctor's lists (completing goes through charting). */
export const appointmentStatusAction = action(statusForm, async (input, { user, actor }) => {
  await changeAppointmentStatus({ user, actor, appointmentId: input.appointment_id, action: input.action });
  revalidatePath('/doctor');
  revalidatePath('/doctor/upcoming');
  return { ok: true };
}, { roles: ['doctor', 'admin'] });

/** Cancel from the doctor's lists, with a reason. */
export const doctorCancelAction = action(cancelForm, async (input, { user, actor }) => {
  await changeAppointmentStatus({ user, actor, appointmentId: input.appointment_id, action: 'cancel', reason: input.reason });
  revalidatePath('/doctor');
  revalidatePath('/doctor/upcoming');
  return { ok: true, message: 'Cancelled; the time is free again.' };
}, { roles: ['doctor', 'admin'] });
