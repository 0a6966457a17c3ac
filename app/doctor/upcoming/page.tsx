import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusActions } from '@/components/appointments/status-actions';
import { Card, Empty } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDoctorUpcoming } from '@/lib/appointments/get-doctor-upcoming';
import { requirePageUser } from '@/lib/auth/page-guard';
import { formatDate, formatTime, zoneAbbrev } from '@/core/time';
import { appointmentStatusAction, doctorCancelAction } from '../actions';

export const metadata: Metadata = { title: 'Upcoming' };

export default async function DoctorUpcoming() {
  const user = await requirePageUser(['doctor'], '/doctor/upcoming');
  const days = await getDoctorUpcoming(user);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">Next 14 days</h1>
        <Link href="/doctor" className="text-teal-800 underline">← Today</Link>
      </div>
      <p className="text-slate-600">Times in {zoneAbbrev()}.</p>
      {days.length ? <div className="flex flex-col gap-4" data-testid="upcoming-list">{days.map((d) => (
        <Card key={d.date} title={formatDate(d.appointments[0].startAt)}>
          <ol className="divide-y divide-slate-100">
            {d.appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-status={a.status}>
                <span className="w-14 font-mono tabular-nums">{formatTime(a.startAt)}</span>
                <Link href={`/doctor/patients/${a.patientId}`} className="flex-1 font-medium text-teal-900 underline-offset-2 hover:underline" data-testid="patient-name">{a.patientName}</Link>
                <StatusBadge status={a.status} />
                <StatusActions id={a.id} patientId={a.patientId} status={a.status} started={false} completable={false} statusAction={appointmentStatusAction} cancelAction={doctorCancelAction} />
              </li>
            ))}
          </ol>
        </Card>
      ))}</div> : <Empty>No appointments in the next 14 days.</Empty>}
    </div>
  );
}
