import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintableVisitSheet } from '@/components/records/printable-visit';
import { actorOf } from '@/lib/auth/current-user';
import { orPageError, requirePageUser } from '@/lib/auth/page-guard';
import { getPrintableVisit } from '@/lib/records/get-printable-visit';
import { parsePrintOptions } from '@/lib/records/print-options';

export const metadata: Metadata = { title: 'Print a visit' };

/** A visit summary (A4) or prescription (A4/A5) of one record, to print (`?doc=summary|prescription&paper=A4|A5`; audited). */
export default async function DoctorPrintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ doc?: string; paper?: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['doctor'], `/doctor/records/${id}/print`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const { doc, paper } = parsePrintOptions(await searchParams);
  const visit = await orPageError(getPrintableVisit({ user, actor: actorOf(user), recordId: Number(id), doc }));
  return (
    <PrintableVisitSheet visit={visit} doc={doc} paper={paper} basePath={`/doctor/records/${visit.record.id}/print`}
      backHref={`/doctor/patients/${visit.patient.id}`} backLabel="Back to the chart" />
  );
}
