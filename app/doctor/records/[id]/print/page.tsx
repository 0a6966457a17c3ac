import type { Metadata } from 'next';
import { PrintVisitPage } from '@/components/records/print-visit-page';

export const metadata: Metadata = { title: 'Print a visit' };

/** A visit summary (A4) or prescription (A4/A5) of one record, to print (`?doc=summary|prescription&paper=A4|A5`; audited). */
export default async function DoctorPrintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ doc?: string; paper?: string }> }) {
  return (
    <PrintVisitPage portal="doctor" id={(await params).id} searchParams={await searchParams}
      back={(visit) => ({ href: `/doctor/patients/${visit.patient.id}`, label: 'Back to the chart' })} />
  );
}
