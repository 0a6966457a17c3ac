import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusActions } from '@/components/appointments/status-actions';
import { Card, Empty } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDoctorDay } from '@/lib/appointments/get-doctor-day';
import { requirePageUser } from '@/lib/auth/page-guard';
import { formatDate, formatTime, zoneAbbrev } from '@/core/time';
import { appointmentStatusAction, doctorCancelAction } from './actions';

export const metadata: Metadata = { title: 'Today' };

export default async function DoctorHome() {
  const user = await requirePageUser(['doctor'], '/doctor');
  const { appointments, remaining } = await getDoctorDay(user);
  const now = new Date();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">Today, {formatDate(now)}</h1>
          <p className="text-slate-600" data-testid="remaining">{remaining} of {appointments.length} still to see · times in {zoneAbbrev(now)}</p>
        </div>
        <Link href="/doctor/upcoming" className="text-teal-800 underline">Next 14 days →</Link>
      </div>
      <Card>
        {appointments.length ? (
          <ol className="divide-y divide-slate-100" data-testid="today-list">
            {appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-status={a.status}>
                <span className="w-14 font-mono tabular-nums">{formatTime(a.startAt)}</span>
                <Link href={`/doctor/patients/${a.patientId}`} className="flex-1 font-medium text-teal-900 underline-offset-2 hover:underline" data-testid="patient-name">{a.patientName}</Link>
                <StatusBadge status={a.status} />
                {a.reason && <span className="w-full pl-16 text-sm text-slate-600">{a.reason}</span>}
                <StatusActions id={a.id} patientId={a.patientId} status={a.status} started={a.startAt.getTime() <= now.getTime()} statusAction={appointmentStatusAction} cancelAction={doctorCancelAction} />
              </li>
            ))}
          </ol>
        ) : <Empty>No appointments today. Patients can book your free slots from their portal.</Empty>}
      </Card>
    </div>
  );
}
