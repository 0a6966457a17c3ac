import type { Metadata } from 'next';
import { BookingSteps, type BookingSearchParams } from '@/components/appointments/booking-steps';
import { requirePageUser } from '@/lib/auth/page-guard';
import { bookAction } from './actions';

export const metadata: Metadata = { title: 'Book an appointment' };

/** The patient books for themselves, one step per screen. */
export default async function BookPage({ searchParams }: { searchParams: Promise<BookingSearchParams> }) {
  const user = await requirePageUser(['patient'], '/patient/book');
  return <BookingSteps sp={await searchParams} basePath="/patient/book" patientId={user.id} self action={bookAction} />;
}
