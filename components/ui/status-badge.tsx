import type { AppointmentStatus } from '@/core/vocabulary';

const STYLE: Record<AppointmentStatus, string> = {
  pending: 'bg-amber-100 text-amber-900',
  confirmed: 'bg-sky-100 text-sky-900',
  completed: 'bg-emerald-100 text-emerald-900',
  cancelled: 'bg-slate-200 text-slate-700',
  'no-show': 'bg-rose-100 text-rose-900',
};

/** An appointment status in words (never colour alone). */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}>{status === 'no-show' ? 'No-show' : status[0].toUpperCase() + status.slice(1)}</span>;
}
