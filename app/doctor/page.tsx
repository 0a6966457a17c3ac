import type { Metadata } from 'next';
import { Card, Empty } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDoctorDay } from '@/lib/appointments/get-doctor-day';
import { requirePageUser } from '@/lib/auth/page-guard';
import { formatDate, formatTime, zoneAbbrev } from '@/lib/time';

export const metadata: Metadata = { title: 'Today' };

export default async function DoctorHome() {
  const user = await requirePageUser(['doctor'], '/doctor');
  const { appointments, remaining } = await getDoctorDay(user);
  const now = new Date();
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Today, {formatDate(now)}</h1>
        <p className="text-slate-600" data-testid="remaining">{remaining} of {appointments.length} still to see · times in {zoneAbbrev(now)}</p>
      </div>
      <Card>
        {appointments.length ? (
          <ol className="divide-y divide-slate-100" data-testid="today-list">
            {appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="w-14 font-mono tabular-nums">{formatTime(a.startAt)}</span>
                <span className="flex-1 font-medium">{a.patientName}</span>
                <StatusBadge status={a.status} />
                {a.reason && <span className="w-full pl-16 text-sm text-slate-600">{a.reason}</span>}
              </li>
            ))}
          </ol>
        ) : <Empty>No appointments today. Patients can book your free slots from their portal.</Empty>}
      </Card>
    </div>
  );
}
