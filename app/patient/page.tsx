import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { Card, Empty } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { requirePageUser } from '@/lib/auth/page-guard';
import { getPatientHome } from '@/lib/patients/get-patient-home';
import { formatDate, formatTime, zoneAbbrev } from '@/core/time';

export const metadata: Metadata = { title: 'My health' };

export default async function PatientHome() {
  const user = await requirePageUser(['patient'], '/patient');
  const { upcoming, recentVisits } = await getPatientHome(user);
  const next = upcoming[0];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Hello, {user.name}</h1>
      <Card title="Your next appointment">
        {next ? (
          <div data-testid="next-appointment">
            <p className="text-lg font-semibold">{formatDate(next.startAt)} at {formatTime(next.startAt)} <span className="text-sm font-normal text-slate-600">({zoneAbbrev(next.startAt)})</span></p>
            <p>with {next.doctorName} <StatusBadge status={next.status} /></p>
            {next.reason && <p className="text-slate-600">Reason: {next.reason}</p>}
            <p className="mt-2 text-sm text-slate-600">To change your plans, <Link href="/patient/appointments" className="text-teal-800 underline">cancel it in My appointments</Link>.</p>
          </div>
        ) : <Empty>You have no upcoming appointment.</Empty>}
        {upcoming.length > 1 && (
          <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-100 pt-2 text-sm">
            {upcoming.slice(1).map((a) => <li key={a.id} className="py-1">{formatDate(a.startAt)} {formatTime(a.startAt)} — {a.doctorName} <StatusBadge status={a.status} /></li>)}
          </ul>
        )}
        <div className="mt-4 flex flex-wrap gap-2" data-testid="appointment-actions">
          <ButtonLink href="/patient/book">Book an appointment</ButtonLink>
          <ButtonLink href="/patient/appointments" variant="secondary">See or cancel my appointments</ButtonLink>
        </div>
      </Card>
      <Card title="Recent visits">
        {recentVisits.length ? (
          <ul className="divide-y divide-slate-100" data-testid="recent-visits">
            {recentVisits.map((r) => (
              <li key={r.id} className="py-2">
                <p className="font-medium">{formatDate(r.createdAt)} — {r.doctorName}</p>
                {r.diagnoses.length > 0 && <p className="text-sm">{r.diagnoses.map((d) => d.code ? `${d.display} (${d.code})` : d.display).join('; ')}</p>}
              </li>
            ))}
          </ul>
        ) : <Empty>No visits recorded yet. After your first visit, its summary appears here.</Empty>}
      </Card>
    </div>
  );
}
