'use server';
import { redirect } from 'next/navigation';
import { action } from '@/lib/api/action';
import { bookAppointment } from '@/lib/appointments/book-appointment';
import { bookAppointmentSchema } from '@/lib/appointments/schemas';

/** Staff book a free slot for a patient (the same service as the patient's own booking and the API). */
export const staffBookAction = action(bookAppointmentSchema, async (input, { user, actor }) => {
  const a = await bookAppointment({ user, actor, input });
  redirect(`/doctor/patients/${a.patientId}/book?booked=${a.id}`);
}, { roles: ['doctor', 'admin'] });
