'use client';
/** "Print" for a printable page: opens the browser's print dialog (hidden when printing). */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="min-h-11 rounded border border-slate-400 bg-white px-4 font-semibold hover:bg-slate-50 print:hidden">
      {label}
    </button>
  );
}
