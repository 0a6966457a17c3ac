import type { Metadata } from 'next';
import { BarsChart } from '@/components/dashboard/bars-chart';
import { ChartPanel } from '@/components/dashboard/chart-panel';
import { RangeForm } from '@/components/dashboard/range-form';
import { StatCard } from '@/components/dashboard/stat-card';
import { Notice } from '@/components/ui/notice';
import { toAppError } from '@/lib/api/with-api';
import { requirePageUser } from '@/lib/auth/page-guard';
import { getDashboardStats, type DashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import type { FieldErrors } from '@/lib/errors';
import { dashboardInputFrom, exportHref, formatRate, periodLabel, quickRanges, refusedRangeValues } from '@/lib/reports/dashboard-page';
import { SEX_LABELS, STATUS_LABELS, dashboardTables } from '@/lib/reports/dashboard-tables';
import { clinicZone } from '@/core/time';

export const metadata: Metadata = { title: 'Dashboard' };

/**
 * The admin dashboard: a date range (default the last 30 clinic days), headline figures, and charts
 * each with its table and CSV download. One `getDashboardStats` call; a refused range shows its field
 * errors in the form instead of the figures.
 */
export default async function AdminDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(['admin'], '/admin');
  const input = dashboardInputFrom(await searchParams);
  let stats: DashboardStats | null = null;
  let errors: FieldErrors = {};
  let message = '';
  try {
    stats = await getDashboardStats({ user, ...input });
  } catch (e) {
    const app = toAppError(e);
    if (app?.code !== 'validation_error') throw e;
    errors = app.fields ?? {};
    message = app.message;
  }
  const values = stats ? stats.range : refusedRangeValues(input);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Clinic dashboard</h1>
      <RangeForm values={values} errors={errors} quick={quickRanges()} timeZone={stats?.range.timeZone ?? clinicZone()} />
      {stats ? <Figures stats={stats} /> : (
        <Notice tone="error">{message} Correct the fields marked above to see the figures.</Notice>
      )}
    </div>
  );
}

function Figures({ stats: s }: { stats: DashboardStats }) {
  const t = dashboardTables(s);
  const href = (id: string) => exportHref(id, s.range);
  const by = s.appointments.byStatus;
  const outcomes = by.completed + by.no_show;
  const allAppointments = Object.values(by).reduce((a, b) => a + b, 0);
  const per = { day: 'day', week: 'week', month: 'month' }[s.range.granularity];
  return (
    <>
      <p className="text-sm text-slate-700" data-testid="range-summary">
        {s.range.from} to {s.range.to}, visits per {per} · clinic time ({s.range.timeZone})
      </p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <StatCard label="Total patients" value={s.patients.total} detail={`registered by ${s.range.to}`} testId="stat-patients" />
        <StatCard label="New patients" value={s.patients.new} detail="registered in the range" testId="stat-new-patients" />
        <StatCard label="Visits" value={s.visits.total} detail={`${s.patientsSeen.total} patients seen`} testId="stat-visits" />
        <StatCard label="No-show rate" value={formatRate(s.appointments.noShowRate)} detail={`${by.no_show} of ${outcomes} with an outcome`} testId="stat-no-show-rate" />
        <StatCard label="Cancellation rate" value={formatRate(s.appointments.cancellationRate)} detail={`${by.cancelled} of ${allAppointments} appointments`} testId="stat-cancellation-rate" />
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <ChartPanel heading={`Visits per ${per}`} table={t.visits} downloadHref={href('visits')} className="lg:col-span-2">
          <BarsChart valueName="Visits" data={s.visits.series.map((b) => ({ label: periodLabel(b.period, s.range.granularity), name: b.period, value: b.visits }))} />
        </ChartPanel>

        <ChartPanel heading="Appointments by status" table={t.appointments} downloadHref={href('appointments')}>
          <BarsChart valueName="Appointments" data={(Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>).map((k) => ({ label: STATUS_LABELS[k], value: by[k] }))} />
        </ChartPanel>

        <ChartPanel heading="No-show and cancellation rates" table={t.rates} downloadHref={href('rates')}>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <div><dt className="text-slate-600">No-show rate</dt><dd className="text-xl font-semibold tabular-nums">{formatRate(s.appointments.noShowRate)}</dd><dd className="text-xs text-slate-600">no-show ÷ (completed + no-show)</dd></div>
            <div><dt className="text-slate-600">Cancellation rate</dt><dd className="text-xl font-semibold tabular-nums">{formatRate(s.appointments.cancellationRate)}</dd><dd className="text-xs text-slate-600">cancelled ÷ all appointments</dd></div>
          </dl>
        </ChartPanel>

        <ChartPanel heading="Most common diagnoses" table={t.diagnoses} rowHeader={3} downloadHref={href('diagnoses')} className="lg:col-span-2">
          {s.topDiagnoses.coded.length === 0 && s.topDiagnoses.freeText.count === 0
            ? <p className="text-sm text-slate-600">No diagnoses were recorded on visits in this range.</p>
            : <BarsChart sideways valueName="Diagnoses" data={[
              ...s.topDiagnoses.coded.map((d) => ({ label: `${d.code} ${d.display}`, name: `${d.system} ${d.code}: ${d.display}`, value: d.count })),
              { label: 'Free text', name: 'Free-text diagnoses (not coded)', value: s.topDiagnoses.freeText.count, muted: true },
            ]} />}
        </ChartPanel>

        <ChartPanel heading="Visits per doctor" table={t.doctors} downloadHref={href('doctors')} className="lg:col-span-2">
          {s.visitsPerDoctor.length === 0
            ? <p className="text-sm text-slate-600">No visits in this range.</p>
            : <BarsChart sideways valueName="Visits" data={s.visitsPerDoctor.map((d) => ({ label: d.name, value: d.visits }))} />}
        </ChartPanel>

        <ChartPanel heading="Patients seen by sex" table={t.sex} downloadHref={href('sex')}>
          <BarsChart valueName="Patients seen" height={180} data={(Object.keys(SEX_LABELS) as Array<keyof typeof SEX_LABELS>).map((k) => ({ label: SEX_LABELS[k], value: s.patientsSeen.bySex[k] ?? 0 }))} />
        </ChartPanel>

        <ChartPanel heading="Patients seen by age" table={t.age} downloadHref={href('age')}>
          <BarsChart valueName="Patients seen" height={180} data={[
            ...s.patientsSeen.byAgeBand.map((b) => ({ label: b.band, value: b.count })),
            { label: 'Unknown', name: 'Unknown (no date of birth)', value: s.patientsSeen.ageUnknown, muted: true },
          ]} />
        </ChartPanel>

        <ChartPanel heading="Patients and visits" table={t.patients} downloadHref={href('patients')} className="lg:col-span-2" open />
      </div>
    </>
  );
}
