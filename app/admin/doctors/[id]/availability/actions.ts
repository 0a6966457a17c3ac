'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/api/action';
import { addTimeOff, removeTimeOff, setWeeklyHours } from '@/lib/appointments/availability-services';
import { timeOffAddedMessage, touchedAppointmentItems } from '@/lib/appointments/availability-messages';
import { removeTimeOffFormSchema, timeOffFormSchema, weeklyHoursFormSchema } from '@/lib/appointments/schemas';

const revalidate = () => {
  revalidatePath('/admin/doctors/[id]/availability', 'page');
  revalidatePath('/admin/doctors');
};

/** Weekly hours form → any doctor's hours and slot length (admins). */
export const adminSaveWeeklyHoursAction = action(weeklyHoursFormSchema, async ({ doctor_id: doctorId, ...week }, { user, actor }) => {
  const saved = await setWeeklyHours({ user, actor, doctorId, input: week });
  revalidate();
  return { ok: true, message: `Weekly hours of ${saved.doctor.name} saved.` };
}, { roles: ['admin'] });

/** Add-time-off form → a period of time off for the doctor (admins). */
export const adminAddTimeOffAction = action(timeOffFormSchema, async ({ doctor_id: doctorId, ...input }, { user, actor }) => {
  const { activeAppointments, touched } = await addTimeOff({ user, actor, doctorId, input });
  revalidate();
  return { ok: true, message: timeOffAddedMessage(activeAppointments), items: touchedAppointmentItems(touched) };
}, { roles: ['admin'] });

/** Remove button → the period of time off is deleted (admins). */
export const adminRemoveTimeOffAction = action(removeTimeOffFormSchema, async ({ time_off_id: timeOffId }, { user, actor }) => {
  await removeTimeOff({ user, actor, timeOffId });
  revalidate();
  return { ok: true, message: 'Time off removed.' };
}, { roles: ['admin'] });
