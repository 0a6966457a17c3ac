'use server';
import { redirect } from 'next/navigation';
import { action } from '@/lib/api/action';
import { bookAppointment } from '@/lib/appointments/book-appointment';
import { bookAppointmentSchema } from '@/lib/appointments/schemas';

/** The last booking step: the patient confirms a slot with a reason. */
export const bookAction = action(bookAppointmentSchema, async (input, { user, actor }) => {
  const a = await bookAppointment({ user, actor, input });
  redirect(`/patient/appointments?booked=${a.id}`);
}, { roles: ['patient'] });
