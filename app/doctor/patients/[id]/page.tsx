import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { Card, Empty } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/ui/status-badge';
import { actorOf } from '@/lib/auth/current-user';
import { requirePageUser, orPageError } from '@/lib/auth/page-guard';
import { getPatientChart } from '@/lib/records/get-patient-chart';
import { mergedIntoOf } from '@/lib/patients/merged';
import { MergedNotice } from '@/components/patients/merged-notice';
import { formatDate, formatTime, toClinicIso } from '@/core/time';
import { VitalsChart } from '@/components/charts/vitals-chart';
import { VisitSummary } from '@/components/records/visit-summary';
import { contentOf, prescriptionText } from '@/lib/records/record-content';
import { ageAtVisit } from '@/lib/records/serialize';
import { EnteredInErrorForm } from '@/components/records/entered-in-error-form';
import { PrintLinks } from '@/components/records/print-links';
import { PatientIdentityBlock } from '@/components/patients/patient-identity';
import { markEnteredInErrorAction } from '@/app/doctor/records/[id]/actions';

export const metadata: Metadata = { title: 'Patient chart' };

export default async function PatientChartPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; charted?: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['doctor'], `/doctor/patients/${id}`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const sp = await searchParams;
  const page = Number(sp.page ?? 1) || 1;
  let chart: Awaited<ReturnType<typeof getPatientChart>>;
  try {
    chart = await getPatientChart({ user, actor: actorOf(user), patientId: Number(id), page });
  } catch (e) {
    // A record merged into another: a notice linking to the record it went into.
    const survivorId = mergedIntoOf(e);
    if (survivorId === undefined) return orPageError(Promise.reject(e));
    return <MergedNotice href={`/doctor/patients/${survivorId}`} />;
  }
  const { patient: p, visits, appointments } = chart;
  const pages = Math.max(1, Math.ceil(visits.count / visits.pageSize));
  return (
    <div className="flex flex-col gap-4">
      <div className="sticky top-0 z-10 print:static" data-testid="chart-banner">
        <PatientIdentityBlock patient={p} heading>
          <p className="text-slate-700 print:text-black">Blood type {p.bloodType ?? 'unknown'}</p>
          <p className={p.allergies.length ? 'mt-1 font-semibold text-rose-800 print:text-black' : 'mt-1 text-slate-600 print:text-black'} data-testid="allergies">
            {p.allergies.length
              ? <>Allergies: {p.allergies.map((a) => `${a.substance}${a.reaction ? ` (${a.reaction}${a.severity ? `, ${a.severity}` : ''})` : ''}`).join('; ')}</>
              : 'No known allergies'}
          </p>
        </PatientIdentityBlock>
      </div>

      {sp.charted && <Notice tone="success">The visit is saved.</Notice>}
      <div className="flex flex-wrap gap-3 print:hidden">
        <ButtonLink href={`/doctor/patients/${p.id}/chart`}>Chart a visit</ButtonLink>
      </div>
      {chart.vitals.length > 0 && (
        <Card title="Vital signs over time">
          <VitalsChart ageYears={p.age} series={chart.vitals.map((x) => ({ at: toClinicIso(x.at), systolicMmHg: x.systolicMmHg ?? undefined, diastolicMmHg: x.diastolicMmHg ?? undefined, weightKg: x.weightKg ?? undefined, temperatureC: x.temperatureC ?? undefined }))} />
        </Card>
      )}
      <Card title={`Visits (${visits.count})`}>
        {visits.rows.length ? (
          <ol className="divide-y divide-slate-100" data-testid="visits">
            {visits.rows.map((r) => (
              <li key={r.id} className="py-3">
                <p className="font-semibold">{formatDate(r.createdAt)} {formatTime(r.createdAt)} — {r.doctorName}{r.status === 'amended' ? ' · amended' : ''}</p>
                <VisitSummary content={contentOf(r)} ageYears={ageAtVisit(p.dateOfBirth, r.createdAt)} showNotes />
                <PrintLinks basePath={`/doctor/records/${r.id}/print`} visitLabel={`${formatDate(r.createdAt)} ${formatTime(r.createdAt)}`} prescription={prescriptionText(contentOf(r)) !== ''} />
                <div className="flex flex-wrap gap-x-4 text-sm print:hidden">
                  {r.doctorId === user.id && <Link href={`/doctor/records/${r.id}/amend`} className="inline-flex min-h-11 items-center text-teal-800 underline">Amend</Link>}
                  {r.version > 1 && <Link href={`/doctor/records/${r.id}`} className="inline-flex min-h-11 items-center text-teal-800 underline">Earlier versions</Link>}
                </div>
                {r.doctorId === user.id && <div className="print:hidden"><EnteredInErrorForm recordId={r.id} action={markEnteredInErrorAction} /></div>}
              </li>
            ))}
          </ol>
        ) : <Empty>No visits charted yet.</Empty>}
        {pages > 1 && (
          <nav aria-label="Visit pages" className="mt-3 flex items-center gap-3 text-sm print:hidden">
            {visits.page > 1 && <Link className="underline" href={`?page=${visits.page - 1}`}>← Newer</Link>}
            <span>Page {visits.page} of {pages}</span>
            {visits.page < pages && <Link className="underline" href={`?page=${visits.page + 1}`}>Older →</Link>}
          </nav>
        )}
      </Card>

      <Card title="Appointments">
        {appointments.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {appointments.map((a) => <li key={a.id} className="py-1">{formatDate(a.startAt)} {formatTime(a.startAt)} — {a.doctorName} <StatusBadge status={a.status} /></li>)}
          </ul>
        ) : <Empty>No appointments.</Empty>}
      </Card>
    </div>
  );
}
