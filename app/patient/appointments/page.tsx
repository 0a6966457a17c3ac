import type { Metadata } from 'next';
import Link from 'next/link';
import { CancelForm } from '@/components/appointments/cancel-form';
import { ButtonLink } from '@/components/ui/button';
import { Card, Empty } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/ui/status-badge';
import { listAppointments } from '@/lib/appointments/list-appointments';
import { requirePageUser } from '@/lib/auth/page-guard';
import { formatDate, formatTime, zoneAbbrev } from '@/core/time';
import { cancelMyAppointmentAction } from './actions';

export const metadata: Metadata = { title: 'My appointments' };

export default async function MyAppointments({ searchParams }: { searchParams: Promise<{ booked?: string; cancelled?: string; rescheduled?: string }> }) {
  const user = await requirePageUser(['patient'], '/patient/appointments');
  const sp = await searchParams;
  const [upcoming, all] = await Promise.all([
    listAppointments({ user, scope: 'upcoming', page: { limit: 50, offset: 0 } }),
    listAppointments({ user, scope: 'all', page: { limit: 50, offset: 0 } }),
  ]);
  const upcomingIds = new Set(upcoming.rows.map((a) => a.id));
  const past = all.rows.filter((a) => !upcomingIds.has(a.id));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">My appointments</h1>
        <ButtonLink href="/patient/book">Book an appointment</ButtonLink>
      </div>
      {sp.booked && <Notice tone="success">Your appointment is booked. The clinic will confirm it.</Notice>}
      {sp.rescheduled && <Notice tone="success">Your appointment is moved to its new time. Reminders follow it.</Notice>}
      {sp.cancelled && <Notice tone="success">Your appointment is cancelled. The time is free for someone else.</Notice>}
      <Card title="Upcoming">
        {upcoming.rows.length ? (
          <ul className="divide-y divide-slate-100" data-testid="upcoming-appointments">
            {upcoming.rows.map((a) => (
              <li key={a.id} className="py-3">
                <p className="font-semibold">{formatDate(a.startAt)} at {formatTime(a.startAt)} <span className="text-sm font-normal text-slate-600">({zoneAbbrev(a.startAt)})</span></p>
                <p>with {a.doctorName} <StatusBadge status={a.status} /></p>
                {a.reason && <p className="text-sm text-slate-600">Reason: {a.reason}</p>}
                <p className="mt-1"><Link href={`/patient/appointments/${a.id}/reschedule`} className="inline-flex min-h-11 items-center text-teal-800 underline">Reschedule<span className="sr-only"> the appointment of {formatDate(a.startAt)} at {formatTime(a.startAt)}</span></Link></p>
                <CancelForm appointmentId={a.id} action={cancelMyAppointmentAction} />
              </li>
            ))}
          </ul>
        ) : <Empty>No upcoming appointment. <Link href="/patient/book" className="underline">Book one</Link> in a doctor&apos;s free time.</Empty>}
      </Card>
      <Card title="Past and cancelled">
        {past.length ? (
          <ul className="divide-y divide-slate-100" data-testid="past-appointments">
            {past.map((a) => (
              <li key={a.id} className="py-2">
                <p>{formatDate(a.startAt)} {formatTime(a.startAt)} — {a.doctorName} <StatusBadge status={a.status} /></p>
                {a.cancellationReason && <p className="text-sm text-slate-600">Cancelled: {a.cancellationReason}</p>}
              </li>
            ))}
          </ul>
        ) : <Empty>Nothing here yet.</Empty>}
      </Card>
    </div>
  );
}
