import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintableVisitSheet } from '@/components/records/printable-visit';
import { actorOf } from '@/lib/auth/current-user';
import { orPageError, requirePageUser } from '@/lib/auth/page-guard';
import { getPrintableVisit } from '@/lib/records/get-printable-visit';
import { parsePrintOptions } from '@/lib/records/print-options';

export const metadata: Metadata = { title: 'Print a visit' };

/** The patient prints the summary (A4) or prescription (A4/A5) of one of their own visits (`?doc=&paper=`). */
export default async function PatientPrintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ doc?: string; paper?: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['patient'], `/patient/records/${id}/print`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const { doc, paper } = parsePrintOptions(await searchParams);
  const visit = await orPageError(getPrintableVisit({ user, actor: actorOf(user), recordId: Number(id), doc }));
  return (
    <PrintableVisitSheet visit={visit} doc={doc} paper={paper} basePath={`/patient/records/${visit.record.id}/print`}
      backHref="/patient/records" backLabel="Back to my records" />
  );
}
