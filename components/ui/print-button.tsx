'use client';
import { Button } from '@/components/ui/button';

/** "Print" for a printable page: opens the browser's print dialog (hidden when printing). */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button type="button" variant="neutral" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
