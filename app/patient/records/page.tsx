import type { Metadata } from 'next';
import Link from 'next/link';
import { VisitSummary } from '@/components/records/visit-summary';
import { PrintLinks } from '@/components/records/print-links';
import { PatientIdentityBlock } from '@/components/patients/patient-identity';
import { Card, Empty } from '@/components/ui/card';
import { actorOf } from '@/lib/auth/current-user';
import { requirePageUser } from '@/lib/auth/page-guard';
import { HISTORY_PAGE_SIZE, getPatientHistory } from '@/lib/records/get-patient-history';
import { contentOf, prescriptionText } from '@/lib/records/record-content';
import { ageAtVisit } from '@/lib/records/serialize';
import { formatDate, formatTime } from '@/core/time';

export const metadata: Metadata = { title: 'My records' };

/** The patient's own visits, newest first, read-only, 20 per page (one indexed query per page). */
export default async function MyRecords({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser(['patient'], '/patient/records');
  const sp = await searchParams;
  const requested = /^\d{1,6}$/.test(sp.page ?? '') ? Math.max(1, Number(sp.page)) : 1;
  const history = await getPatientHistory({
    user, actor: actorOf(user), patientId: user.id, page: { limit: HISTORY_PAGE_SIZE, offset: (requested - 1) * HISTORY_PAGE_SIZE },
  });
  const pages = Math.max(1, Math.ceil(history.count / HISTORY_PAGE_SIZE));
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">My records</h1>
        <p className="text-slate-700 print:hidden">Your visits, newest first: what the doctor found, the medicines prescribed and your measurements. Each visit&apos;s summary and prescription can be printed.</p>
      </div>
      <PatientIdentityBlock patient={history.patient} />
      <Card title={`Visits (${history.count})`}>
        {history.rows.length ? (
          <ol className="divide-y divide-slate-100" data-testid="my-records">
            {history.rows.map((r) => (
              <li key={r.id} className="py-3">
                <h3 className="font-semibold">{formatDate(r.createdAt)} {formatTime(r.createdAt)} — {r.doctorName}</h3>
                {r.version > 1 && <p className="text-sm text-slate-600">Corrected by the clinic on {formatDate(r.updatedAt)}.</p>}
                <VisitSummary content={contentOf(r)} ageYears={ageAtVisit(r.patientDateOfBirth, r.createdAt)} />
                <PrintLinks basePath={`/patient/records/${r.id}/print`} visitLabel={`${formatDate(r.createdAt)} ${formatTime(r.createdAt)}`} prescription={prescriptionText(contentOf(r)) !== ''} />
              </li>
            ))}
          </ol>
        ) : history.count > 0 ? (
          <Empty>There is no page {requested}. <Link href="/patient/records" className="underline">Go to your latest visits</Link>.</Empty>
        ) : (
          <Empty>No visits recorded yet. After a visit, the doctor&apos;s findings appear here. <Link href="/patient/book" className="underline">Book an appointment</Link>.</Empty>
        )}
        {pages > 1 && (
          <nav aria-label="Visit pages" className="mt-3 flex flex-wrap items-center gap-3 text-sm print:hidden">
            {requested > 1 && <Link className="inline-flex min-h-11 items-center underline" href={`/patient/records?page=${Math.min(requested - 1, pages)}`}>← Newer</Link>}
            <span>Page {requested} of {pages}</span>
            {requested < pages && <Link className="inline-flex min-h-11 items-center underline" href={`/patient/records?page=${requested + 1}`}>Older →</Link>}
          </nav>
        )}
      </Card>
    </div>
  );
}
