import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AvailabilityEditor } from '@/components/appointments/availability-editor';
import { getWeeklyHours, listDoctorTimeOff } from '@/lib/appointments/availability-services';
import { requirePageUser, orPageError } from '@/lib/auth/page-guard';
import { adminAddTimeOffAction, adminRemoveTimeOffAction, adminSaveWeeklyHoursAction } from './actions';

export const metadata: Metadata = { title: 'Doctor availability' };

/** An admin edits any doctor's availability, through the same services and form as the doctor. */
export default async function DoctorAvailabilityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['admin'], `/admin/doctors/${id}/availability`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const doctorId = Number(id);
  const hours = await orPageError(getWeeklyHours({ user, doctorId }));
  const timeOff = await listDoctorTimeOff({ user, doctorId });
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link href="/admin/doctors" className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-4">← All doctors</Link>
        <h1 className="text-2xl font-bold">Availability of {hours.doctor.name}</h1>
        <p className="text-slate-600">{hours.doctor.specialty}. When patients can book: weekly hours, slot length, time off.</p>
      </div>
      <AvailabilityEditor hours={hours} timeOff={timeOff} self={false}
        actions={{ saveHours: adminSaveWeeklyHoursAction, addTimeOff: adminAddTimeOffAction, removeTimeOff: adminRemoveTimeOffAction }} />
    </div>
  );
}
