'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/api/action';
import { updateAppointmentDetails } from '@/lib/appointments/update-appointment';
import { instantInput } from '@/lib/appointments/schemas';

const rescheduleForm = z.object({
  appointment_id: z.coerce.number().int().positive(),
  date_time: instantInput,
});

/** The patient moves one of their own pending or confirmed appointments to a free time of the same doctor. */
export const rescheduleMyAppointmentAction = action(rescheduleForm, async (input, { user, actor }) => {
  await updateAppointmentDetails({ user, actor, appointmentId: input.appointment_id, input: { date_time: input.date_time } });
  redirect(`/patient/appointments?rescheduled=${input.appointment_id}`);
}, { roles: ['patient'] });
