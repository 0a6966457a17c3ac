/** A titled panel. */
export function Card({ title, children, className = '' }: { title?: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      {title && <h2 className="mb-3 text-lg font-semibold">{title}</h2>}
      {children}
    </section>
  );
}

/** A big number with its label. */
export function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="text-3xl font-bold tabular-nums" data-testid={`stat-${label.toLowerCase().replace(/\W+/g, '-')}`}>{value}</div>
      <div className="text-sm text-slate-600">{label}</div>
    </div>
  );
}

/** What an empty list says, and what to do next. */
export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded border border-dashed border-slate-300 p-4 text-slate-600">{children}</p>;
}
