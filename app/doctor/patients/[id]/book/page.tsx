import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookingSteps, type BookingSearchParams } from '@/components/appointments/booking-steps';
import { Notice } from '@/components/ui/notice';
import { getBookingPatient } from '@/lib/appointments/get-booking-patient';
import { mergedIntoOf } from '@/lib/patients/merged';
import { MergedNotice } from '@/components/patients/merged-notice';
import { requirePageUser, orPageError } from '@/lib/auth/page-guard';
import { staffBookAction } from './actions';

export const metadata: Metadata = { title: 'Book for a patient' };

/** A doctor books an appointment for any patient of the clinic (demographics are open to staff). */
export default async function StaffBookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<BookingSearchParams & { booked?: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['doctor'], `/doctor/patients/${id}/book`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  let patient: Awaited<ReturnType<typeof getBookingPatient>>;
  try {
    patient = await getBookingPatient(user, Number(id));
  } catch (e) {
    const survivorId = mergedIntoOf(e);
    if (survivorId === undefined) return orPageError(Promise.reject(e));
    return <MergedNotice href={`/doctor/patients/${survivorId}/book`} />;
  }
  const sp = await searchParams;
  if (sp.booked) {
    return (
      <div className="flex flex-col gap-3">
        <Notice tone="success">The appointment for {patient.name} is booked.</Notice>
        <Link href="/doctor/patients" className="text-teal-800 underline">← Back to patients</Link>
      </div>
    );
  }
  return <BookingSteps sp={sp} basePath={`/doctor/patients/${patient.id}/book`} title={`Book for ${patient.name}`} patientId={patient.id} action={staffBookAction} />;
}
