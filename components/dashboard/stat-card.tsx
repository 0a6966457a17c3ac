/** A headline figure of the dashboard (server component): the value, its label and a short explanation. */
export function StatCard({ label, value, detail, testId }: { label: string; value: string | number; detail?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <div className="text-2xl font-bold tabular-nums sm:text-3xl" data-testid={testId}>{value}</div>
      <div className="text-sm font-medium">{label}</div>
      {detail && <div className="mt-1 text-xs text-slate-600">{detail}</div>}
    </div>
  );
}
