import type { Metadata } from 'next';
import { Card, Empty } from '@/components/ui/card';
import type { ReminderStatus } from '@/core/vocabulary';
import { requirePageUser } from '@/lib/auth/page-guard';
import { listReminderProblems, type ReminderOutboxItem } from '@/lib/reminders/list-reminder-problems';
import { describeReminderChannels } from '@/lib/reminders/reminder-channels';
import { formatDate, formatTime } from '@/core/time';

export const metadata: Metadata = { title: 'Reminders' };

const STATUS: Record<ReminderStatus, { label: string; style: string }> = {
  failed: { label: 'Failed', style: 'bg-rose-100 text-rose-900' },
  unknown: { label: 'Unknown', style: 'bg-amber-100 text-amber-900' },
  pending: { label: 'Waiting', style: 'bg-sky-100 text-sky-900' },
  sending: { label: 'Sending', style: 'bg-indigo-100 text-indigo-900' },
  sent: { label: 'Sent', style: 'bg-emerald-100 text-emerald-900' },
  withdrawn: { label: 'Withdrawn', style: 'bg-slate-200 text-slate-700' },
};

function Badge({ item }: { item: Pick<ReminderOutboxItem, 'status' | 'attempts'> }) {
  const retrying = item.status === 'pending' && item.attempts > 0;
  const s = retrying ? { label: 'Retrying', style: 'bg-orange-100 text-orange-900' } : STATUS[item.status];
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${s.style}`}>{s.label}</span>;
}

const at = (d: Date) => `${formatDate(d)} ${formatTime(d)}`;

/** The reminder outbox: failures and unknown outcomes first, so an admin can call those patients. */
export default async function AdminReminders() {
  const user = await requirePageUser(['admin'], '/admin/reminders');
  const { counts, retrying, problems, items } = await listReminderProblems(user, { limit: 200 });
  const channels = describeReminderChannels();
  const summary: Array<[string, number]> = [
    ['Failed', counts.failed], ['Unknown', counts.unknown], ['Retrying', retrying],
    ['Waiting', counts.pending - retrying], ['Sent', counts.sent], ['Withdrawn', counts.withdrawn],
  ];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Appointment reminders</h1>
      <p className="text-sm text-slate-600">
        Emails and text messages sent 24 hours and 2 hours before each appointment.{' '}
        {problems > 0
          ? <strong className="text-rose-800">{problems} need attention.</strong>
          : 'Nothing needs attention.'}
      </p>
      <Card title="Channels">
        <ul className="flex flex-col gap-2" data-testid="reminder-channels">
          {channels.map((c) => (
            <li key={c.key} data-configured={c.configured} className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
              <span className="font-medium sm:w-52 sm:shrink-0">
                {c.label}:{' '}
                <span className={c.configured ? 'text-emerald-800' : 'text-rose-800'}>{c.configured ? (c.key === 'in_server' ? 'on' : 'configured') : (c.key === 'in_server' ? 'off' : 'not configured')}</span>
              </span>
              <span className="text-sm text-slate-700">{c.detail}</span>
            </li>
          ))}
        </ul>
      </Card>
      <dl className="grid grid-cols-3 gap-2 sm:grid-cols-6" data-testid="reminder-counts">
        {summary.map(([label, n]) => (
          <div key={label} className="flex flex-col-reverse rounded-lg border border-slate-200 bg-white p-2 text-center shadow-sm">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-xl font-bold tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      <Card title="Outbox">
        {items.length === 0 ? (
          <Empty>No reminders yet. They are queued when an appointment is booked or confirmed.</Empty>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="reminder-outbox">
            {items.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:gap-4">
                <div className="flex items-center gap-2 sm:w-40 sm:shrink-0 sm:flex-col sm:items-start">
                  <Badge item={r} />
                  <span className="text-xs text-slate-600">{r.channel === 'sms' ? 'SMS' : 'Email'}, {r.kind === '24h' ? '24 h' : '2 h'} before</span>
                </div>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{r.patientName} <span className="font-normal text-slate-600">with {r.doctorName}</span></p>
                  <p className="text-sm text-slate-600">Appointment {at(r.startAt)}</p>
                  <p className="text-sm text-slate-600">
                    {r.status === 'sent' && r.sentAt ? `Sent ${at(r.sentAt)}`
                      : r.status === 'pending' ? `${r.attempts > 0 ? 'Next try' : 'Due'} ${at(r.nextAttemptAt)}`
                      : `Updated ${at(r.updatedAt)}`}
                    {r.attempts > 0 && ` · ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`}
                  </p>
                  {r.lastError && r.status !== 'sent' && <p className="mt-1 break-words text-sm text-rose-800">{r.lastError}</p>}
                  {r.status === 'unknown' && (
                    <p className="mt-1 text-sm text-amber-900">It may have reached the patient: it will not be resent automatically.</p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
