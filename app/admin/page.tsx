import type { Metadata } from 'next';
import { VisitsPerWeekChart } from '@/components/charts/visits-per-week-chart';
import { Card, Stat } from '@/components/ui/card';
import { requirePageUser } from '@/lib/auth/page-guard';
import { getAdminHome } from '@/lib/dashboard/get-admin-home';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function AdminHome() {
  const user = await requirePageUser(['admin'], '/admin');
  const s = await getAdminHome(user);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Clinic dashboard</h1>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Patients" value={s.patients} />
        <Stat label="Doctors" value={s.doctors} />
        <Stat label="Appointments today" value={s.appointmentsToday} />
        <Stat label="Visits this month" value={s.visitsThisMonth} />
      </div>
      <Card title="Visits per week (last 12 weeks)">
        <VisitsPerWeekChart data={s.visitsPerWeek} />
      </Card>
    </div>
  );
}
