/**
 * Links to a visit's print views (server component): the summary on A4, and the prescription on A4 and
 * A5 when the visit has one (`prescription`). Hidden when the page itself is printed. `basePath` is the portal's print route of the record
 * (`/doctor/records/12/print`, `/patient/records/12/print`).
 */
import Link from 'next/link';
import { printQuery } from '@/lib/records/print-options';

const link = 'inline-flex min-h-11 items-center text-teal-800 underline';

export function PrintLinks({ basePath, visitLabel, prescription }: { basePath: string; visitLabel: string; prescription: boolean }) {
  return (
    <nav aria-label={`Print the visit of ${visitLabel}`} className="flex flex-wrap gap-x-4 text-sm print:hidden" data-testid="print-links">
      <Link href={`${basePath}${printQuery('summary')}`} className={link}>Print summary</Link>
      {prescription && <Link href={`${basePath}${printQuery('prescription', 'A4')}`} className={link}>Print prescription (A4)</Link>}
      {prescription && <Link href={`${basePath}${printQuery('prescription', 'A5')}`} className={link}>Print prescription (A5)</Link>}
    </nav>
  );
}
