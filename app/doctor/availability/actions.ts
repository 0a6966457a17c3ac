'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/api/action';
import { addTimeOff, removeTimeOff, setWeeklyHours } from '@/lib/appointments/availability-services';
import { removeTimeOffFormSchema, timeOffFormSchema, weeklyHoursFormSchema } from '@/lib/appointments/schemas';
import { timeOffAddedMessage, touchedAppointmentItems } from '@/lib/appointments/availability-messages';

const PAGE = '/doctor/availability';

/** Weekly hours form → the doctor's own hours and slot length (the service refuses anyone else's). */
export const saveWeeklyHoursAction = action(weeklyHoursFormSchema, async ({ doctor_id: doctorId, ...week }, { user, actor }) => {
  await setWeeklyHours({ user, actor, doctorId, input: week });
  revalidatePath(PAGE);
  return { ok: true, message: 'Your weekly hours are saved.' };
}, { roles: ['doctor'] });

/** Add-time-off form → a new period of time off. */
export const addTimeOffAction = action(timeOffFormSchema, async ({ doctor_id: doctorId, ...input }, { user, actor }) => {
  const { activeAppointments, touched } = await addTimeOff({ user, actor, doctorId, input });
  revalidatePath(PAGE);
  return { ok: true, message: timeOffAddedMessage(activeAppointments), items: touchedAppointmentItems(touched, (a) => `/doctor/patients/${a.patientId}`) };
}, { roles: ['doctor'] });

/** Remove button → the period of time off is deleted. */
export const removeTimeOffAction = action(removeTimeOffFormSchema, async ({ time_off_id: timeOffId }, { user, actor }) => {
  await removeTimeOff({ user, actor, timeOffId });
  revalidatePath(PAGE);
  return { ok: true, message: 'Time off removed.' };
}, { roles: ['doctor'] });
