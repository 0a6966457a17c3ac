import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookingSteps, type BookingSearchParams } from '@/components/appointments/booking-steps';
import { Notice } from '@/components/ui/notice';
import { getReschedulableAppointment } from '@/lib/appointments/get-reschedulable-appointment';
import { orPageError, requirePageUser } from '@/lib/auth/page-guard';
import { AppError } from '@/lib/errors';
import { rescheduleMyAppointmentAction } from './actions';

export const metadata: Metadata = { title: 'Reschedule an appointment' };

/** The patient moves their own pending or confirmed appointment to another free time of the same doctor. */
export default async function ReschedulePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<BookingSearchParams> }) {
  const { id } = await params;
  const user = await requirePageUser(['patient'], `/patient/appointments/${id}/reschedule`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  let a: Awaited<ReturnType<typeof getReschedulableAppointment>>;
  try {
    a = await orPageError(getReschedulableAppointment(user, Number(id)));
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Reschedule an appointment</h1>
        <Notice tone="warning">{e.message}</Notice>
        <Link href="/patient/appointments" className="text-teal-800 underline">← My appointments</Link>
      </div>
    );
  }
  return (
    <BookingSteps sp={await searchParams} basePath={`/patient/appointments/${a.id}/reschedule`} title="Reschedule your appointment"
      patientId={user.id} self action={rescheduleMyAppointmentAction}
      reschedule={{ appointmentId: a.id, doctorId: a.doctorId, doctorName: a.doctorName, startAt: a.startAt }} />
  );
}
