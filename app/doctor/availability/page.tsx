import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AvailabilityEditor } from '@/components/appointments/availability-editor';
import { getWeeklyHours, listDoctorTimeOff } from '@/lib/appointments/availability-services';
import { requirePageUser, orPageError } from '@/lib/auth/page-guard';
import { addTimeOffAction, removeTimeOffAction, saveWeeklyHoursAction } from './actions';

export const metadata: Metadata = { title: 'My availability' };

/** The doctor's own availability: weekly hours, slot length, time off. */
export default async function MyAvailabilityPage() {
  const user = await requirePageUser(['doctor'], '/doctor/availability');
  const hours = await orPageError(getWeeklyHours({ user, doctorId: user.id }));
  const timeOff = await listDoctorTimeOff({ user, doctorId: user.id });
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">My availability</h1>
        <p className="text-slate-600">When patients can book you: your weekly hours, the length of a slot, and the days you are away.</p>
      </div>
      <AvailabilityEditor hours={hours} timeOff={timeOff} self
        actions={{ saveHours: saveWeeklyHoursAction, addTimeOff: addTimeOffAction, removeTimeOff: removeTimeOffAction }} />
    </div>
  );
}
