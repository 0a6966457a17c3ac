import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EnteredInErrorForm } from '@/components/records/entered-in-error-form';
import { VisitSummary } from '@/components/records/visit-summary';
import { PrintLinks } from '@/components/records/print-links';
import { PatientIdentityBlock } from '@/components/patients/patient-identity';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { actorOf } from '@/lib/auth/current-user';
import { requirePageUser, orPageError } from '@/lib/auth/page-guard';
import { getMedicalRecord } from '@/lib/records/get-medical-record';
import { canChangeRecord } from '@/lib/records/record-access';
import { prescriptionText } from '@/lib/records/record-content';
import { ageAtVisit } from '@/lib/records/serialize';
import { formatDate, formatTime } from '@/core/time';
import { markEnteredInErrorAction } from './actions';

export const metadata: Metadata = { title: 'Medical record' };

const STATUS_WORDS = { final: 'Final', amended: 'Amended', 'entered-in-error': 'Entered in error' } as const;

/** One record: the current version, then every earlier version with who wrote it and when (audited). */
export default async function RecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ amended?: string; unchanged?: string; marked?: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['doctor'], `/doctor/records/${id}`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const sp = await searchParams;
  const data = await orPageError(getMedicalRecord({ user, actor: actorOf(user), recordId: Number(id) }));
  const { record: r, patient, versions, enteredInError } = data;
  const age = ageAtVisit(r.patientDateOfBirth, r.createdAt);
  const mayChange = canChangeRecord(user, r) && r.status !== 'entered-in-error';
  const [current, ...earlier] = [...versions].reverse();
  return (
    <div className="flex flex-col gap-4">
      {patient && <PatientIdentityBlock patient={patient} />}
      <div>
        <h1 className="text-2xl font-bold">Visit of {formatDate(r.createdAt)} {formatTime(r.createdAt)}</h1>
        <p className="text-slate-700">{r.patientName} · seen by {r.doctorName} · {STATUS_WORDS[r.status]}, version {r.version}</p>
        <Link href={`/doctor/patients/${r.patientId}`} className="inline-flex min-h-11 items-center text-teal-800 underline print:hidden">← Back to the chart</Link>
        {r.status !== 'entered-in-error' && <PrintLinks basePath={`/doctor/records/${r.id}/print`} visitLabel={`${formatDate(r.createdAt)} ${formatTime(r.createdAt)}`} prescription={prescriptionText(current.content) !== ''} />}
      </div>
      {sp.amended && <Notice tone="success">The amendment is saved as version {r.version}. The earlier version stays below.</Notice>}
      {sp.unchanged && <Notice tone="info">Nothing was changed, so no new version was written.</Notice>}
      {sp.marked && <Notice tone="success">The record is marked entered in error. It is hidden from the chart and the statistics, and kept here.</Notice>}
      {enteredInError && (
        <p className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900" data-testid="entered-in-error">
          <span className="font-semibold">Entered in error</span> on {formatDate(enteredInError.at)} {formatTime(enteredInError.at)}
          {enteredInError.by.name ? ` by ${enteredInError.by.name}` : ''}: {enteredInError.reason ?? 'no reason recorded'}.
        </p>
      )}
      <Card title={`Current version (${current.version})`}>
        <p className="mb-2 text-sm text-slate-600">
          Written by {current.writtenBy.name ?? 'an unknown user'} on {formatDate(current.writtenAt)} {formatTime(current.writtenAt)}
          {current.reason ? ` — reason: ${current.reason}` : ''}
        </p>
        <VisitSummary content={current.content} ageYears={age} showNotes />
        {mayChange && (
          <div className="mt-3 flex flex-col gap-1 print:hidden">
            <ButtonLink href={`/doctor/records/${r.id}/amend`} className="self-start">Amend</ButtonLink>
            <EnteredInErrorForm recordId={r.id} action={markEnteredInErrorAction} />
          </div>
        )}
      </Card>
      <Card title="Earlier versions">
        {earlier.length ? (
          <ol className="divide-y divide-slate-100" data-testid="earlier-versions">
            {earlier.map((v) => (
              <li key={v.version} className="py-3">
                <h3 className="font-semibold">Version {v.version}</h3>
                <p className="mb-1 text-sm text-slate-600">
                  Written by {v.writtenBy.name ?? 'an unknown user'} on {formatDate(v.writtenAt)} {formatTime(v.writtenAt)}{v.reason ? ` — reason: ${v.reason}` : ''}
                </p>
                <VisitSummary content={v.content} ageYears={age} showNotes />
              </li>
            ))}
          </ol>
        ) : <p className="text-slate-600">This record has not been amended.</p>}
      </Card>
    </div>
  );
}
