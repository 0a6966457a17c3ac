import type { Metadata } from 'next';
import { PrintVisitPage } from '@/components/records/print-visit-page';

export const metadata: Metadata = { title: 'Print a visit' };

/** The patient prints the summary (A4) or prescription (A4/A5) of one of their own visits (`?doc=&paper=`). */
export default async function PatientPrintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ doc?: string; paper?: string }> }) {
  return (
    <PrintVisitPage portal="patient" id={(await params).id} searchParams={await searchParams}
      back={() => ({ href: '/patient/records', label: 'Back to my records' })} />
  );
}
