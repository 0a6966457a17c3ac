import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, Empty } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { actorOf } from '@/lib/auth/current-user';
import { orPageError, requirePageUser } from '@/lib/auth/page-guard';
import { getMergePreview } from '@/lib/patients/get-merge-preview';
import { mergedIntoOf } from '@/lib/patients/merged';
import { MERGE_FIELDS } from '@/lib/patients/merge-schemas';
import { searchPatientsForStaff } from '@/lib/patients/search-patients';
import { MergedNotice } from '@/components/patients/merged-notice';
import { MergeForm } from './merge-form';

export const metadata: Metadata = { title: 'Merge patient records' };

const input = 'min-h-11 rounded border border-slate-400 bg-white px-3 py-2';

/**
 * Merge two records of one person (admin): `/admin/patients/{userId}/merge` keeps patient `userId`.
 * Step 1 (`?q=`): find the other record by name, phone or clinic number; step 2 (`?from=<userId>`):
 * both side by side, a choice per field, confirm; after (`?merged=<userId>`): what happened. A record
 * that was itself merged away shows a notice linking to the record it went into.
 */
export default async function MergePatientPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const user = await requirePageUser(['admin'], `/admin/patients/${id}/merge`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string) : '');
  const q = one('q').trim().slice(0, 100);
  const fromRaw = one('from');
  const from = /^\d{1,15}$/.test(fromRaw) ? Number(fromRaw) : undefined;
  const mergedId = /^\d{1,15}$/.test(one('merged')) ? Number(one('merged')) : undefined;

  let preview: Awaited<ReturnType<typeof getMergePreview>>;
  try {
    preview = await getMergePreview({ user, actor: actorOf(user), intoUserId: Number(id), fromUserId: from });
  } catch (e) {
    const survivorId = mergedIntoOf(e);
    if (survivorId === undefined) return orPageError(Promise.reject(e)); // 404 / 403 pages
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">Merge patient records</h1>
        <MergedNotice href={`/admin/patients/${survivorId}/merge`} />
      </div>
    );
  }
  const { survivor, merged, choices, fromProblem } = preview;
  const results = !merged && q.length >= 2 ? (await searchPatientsForStaff(user, q, 20)).filter((r) => r.userId !== survivor.userId) : [];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Merge patient records</h1>
      {mergedId !== undefined && (
        <Notice tone="success" data-testid="merge-done">
          Merged: record {mergedId} now points to {survivor.name} ({survivor.patientNumber}), which holds its appointments and records.
        </Notice>
      )}
      <Card title="The record that stays">
        <p className="font-semibold" data-testid="survivor">{survivor.name} · {survivor.patientNumber}</p>
        <p className="text-sm text-slate-600">{survivor.values.date_of_birth ?? 'date of birth unknown'} · {survivor.values.phone ?? 'no phone'} · {survivor.appointments} appointment(s), {survivor.records} record(s){survivor.isActive ? '' : ' · deactivated'}</p>
      </Card>
      {merged && choices ? (
        <Card title={`Merge ${merged.name} · ${merged.patientNumber} into it`}>
          <p className="mb-3 text-sm text-slate-700">Choose for each field which value the record keeps. Only do this when both records are the same person.</p>
          <MergeForm survivor={survivor} merged={merged} choices={choices} fields={MERGE_FIELDS} />
          <p className="mt-3"><Link className="inline-flex min-h-11 items-center underline" href={`/admin/patients/${survivor.userId}/merge`}>Choose another record</Link></p>
        </Card>
      ) : (
        <Card title="Find the other record of this person">
          {fromProblem && <Notice tone="error" className="mb-3">{fromProblem}</Notice>}
          <form method="get" role="search" className="mb-3 flex flex-col gap-2 sm:flex-row">
            <label htmlFor="merge-q" className="sr-only">Name, phone or patient number</label>
            <input id="merge-q" name="q" type="search" defaultValue={q || survivor.name} placeholder="Name, phone or patient number" className={`${input} flex-1`} />
            <Button type="submit">Search</Button>
          </form>
          {q.length >= 2 && (results.length ? (
            <ul className="divide-y divide-slate-100" data-testid="merge-candidates">
              {results.map((r) => (
                <li key={r.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <span><span className="font-medium">{r.name}</span> · {r.patientNumber}<span className="block text-sm text-slate-600">{r.dateOfBirth ?? 'date of birth unknown'} · {r.phone ?? 'no phone'}{r.isActive ? '' : ' · deactivated'}</span></span>
                  <ButtonLink variant="secondary" href={`/admin/patients/${survivor.userId}/merge?from=${r.userId}`} aria-label={`Compare ${r.name} ${r.patientNumber}`}>Compare</ButtonLink>
                </li>
              ))}
            </ul>
          ) : <Empty>No other patient matches. Try part of the name, the phone or the patient number.</Empty>)}
        </Card>
      )}
    </div>
  );
}
