import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, Empty } from '@/components/ui/card';
import { listDoctorsForAdmin } from '@/lib/appointments/availability-services';
import { requirePageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Doctors' };

/** Every doctor with their booking settings, each linking to their availability. */
export default async function DoctorsPage() {
  const user = await requirePageUser(['admin'], '/admin/doctors');
  const doctors = await listDoctorsForAdmin({ user });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Doctors</h1>
      <Card>
        {doctors.length ? (
          <ul className="divide-y divide-slate-100" data-testid="doctor-list">
            {doctors.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <Link href={`/admin/doctors/${d.id}/availability`} className="inline-flex min-h-11 flex-1 items-center font-medium text-teal-800 underline underline-offset-4">
                  {d.name}
                </Link>
                <span className="text-sm text-slate-600">{d.specialty} · {d.slotMinutes}-minute slots</span>
                {!d.isActive ? <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">Deactivated</span>
                  : !d.bookable ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Not bookable</span> : null}
              </li>
            ))}
          </ul>
        ) : <Empty>No doctors yet. Create a doctor account first (npm run user:create -- --role doctor).</Empty>}
      </Card>
    </div>
  );
}
