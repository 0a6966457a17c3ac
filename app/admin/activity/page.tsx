import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, Empty } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { Pager, countPhrase, isPastTheEnd } from '@/components/ui/pager';
import type { AuditOutcome } from '@/core/vocabulary';
import { MAX_PAGE } from '@/lib/api/pagination';
import { toAppError } from '@/lib/api/with-api';
import { listAuditActions } from '@/lib/audit/list-audit-actions';
import { ACTIVITY_FILTER_KEYS, type ActivityFilterParams } from '@/lib/audit/schemas';
import { requirePageUser } from '@/lib/auth/page-guard';
import { listRecentActivity, type ActivityItem } from '@/lib/dashboard/list-recent-activity';
import type { FieldErrors } from '@/lib/errors';
import { clinicZone, formatDate, formatTime, toClinicIso, zoneAbbrev } from '@/core/time';

export const metadata: Metadata = { title: 'Activity' };

const PAGE_SIZE = 50;
const control = 'min-h-11 w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600';

const OUTCOME: Record<AuditOutcome, { label: string; style: string }> = {
  success: { label: 'Success', style: 'bg-emerald-100 text-emerald-900' },
  failure: { label: 'Failure', style: 'bg-rose-100 text-rose-900' },
  denied: { label: 'Denied', style: 'bg-amber-100 text-amber-900' },
};

/** `/admin/activity?…` with the filters in `params`, and `page` when past the first. */
function hrefWith(params: ActivityFilterParams, page = 1): string {
  const qs = new URLSearchParams();
  for (const k of ACTIVITY_FILTER_KEYS) if (params[k]) qs.set(k, params[k] as string);
  if (page > 1) qs.set('page', String(page));
  const s = qs.toString();
  return s ? `/admin/activity?${s}` : '/admin/activity';
}

/**
 * The audit log for admins: who did what, to which record and patient, newest first; filters by actor,
 * action, patient, outcome and clinic dates (a GET form, so a filtered view is a link); bad filters
 * are shown next to their field instead of the list.
 */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(['admin'], '/admin/activity');
  const sp = await searchParams;
  const params: ActivityFilterParams = {};
  for (const k of ACTIVITY_FILTER_KEYS) {
    const v = typeof sp[k] === 'string' ? (sp[k] as string).trim().slice(0, 200) : '';
    if (v) params[k] = v;
  }
  const page = Math.max(1, Math.min(MAX_PAGE, Number.parseInt(typeof sp.page === 'string' ? sp.page : '', 10) || 1));

  let result: { count: number; rows: ActivityItem[] } | null = null;
  let errors: FieldErrors = {};
  try {
    result = await listRecentActivity({ user, filters: params, page: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } });
  } catch (e) {
    const app = toAppError(e);
    if (app?.code !== 'validation_error') throw e;
    errors = app.fields ?? {};
  }
  const { actions, prefixes } = await listAuditActions(user);
  const filtered = ACTIVITY_FILTER_KEYS.some((k) => params[k]);
  const pages = result ? Math.max(1, Math.ceil(result.count / PAGE_SIZE)) : 1;
  const pastEnd = isPastTheEnd(page, pages);
  const zone = clinicZone();
  const err = (k: string) => errors[k];
  const aria = (k: string) => (errors[k]?.length ? { 'aria-invalid': true, 'aria-describedby': `f-${k}-err` } : {});

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Activity</h1>
      <p className="text-sm text-slate-600">
        The audit log: every sign-in, chart view and change, newest first. Times are clinic time ({zoneAbbrev()}, {zone}).
      </p>

      <Card title="Filters">
        <form method="get" action="/admin/activity" role="search" aria-label="Filter the activity" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Actor" name="actor" defaultValue={params.actor} errors={err('actor')} hint="User id, or part of a name or email." />
          <Field label="Action" name="action" errors={err('action')}>
            <select id="f-action" name="action" defaultValue={params.action ?? ''} className={control} {...aria('action')}>
              <option value="">Any action</option>
              {params.action && !actions.includes(params.action) && !prefixes.includes(params.action) && (
                <option value={params.action}>{params.action}</option>
              )}
              {prefixes.length > 0 && (
                <optgroup label="Groups">
                  {prefixes.map((p) => <option key={p} value={p}>{p}* (all)</option>)}
                </optgroup>
              )}
              <optgroup label="Actions">
                {actions.map((a) => <option key={a} value={a}>{a}</option>)}
              </optgroup>
            </select>
          </Field>
          <Field label="Patient" name="patient" defaultValue={params.patient} errors={err('patient')} hint="Patient number (EH-000123) or id." />
          <Field label="Outcome" name="outcome" errors={err('outcome')}>
            <select id="f-outcome" name="outcome" defaultValue={params.outcome ?? ''} className={control} {...aria('outcome')}>
              <option value="">Any outcome</option>
              <option value="success">Success</option>
              <option value="failure">Failure</option>
              <option value="denied">Denied</option>
            </select>
          </Field>
          <Field label="From" name="from" type="date" defaultValue={params.from} errors={err('from')} />
          <Field label="To" name="to" type="date" defaultValue={params.to} errors={err('to')} />
          <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
            <Button type="submit">Filter</Button>
            {filtered && <Link href="/admin/activity" className="inline-flex min-h-11 items-center underline">Clear filters</Link>}
          </div>
        </form>
      </Card>

      {!result ? (
        <Notice tone="error">Some filters are not valid. Correct the fields marked above to see the activity.</Notice>
      ) : (
        <Card title="Events">
          <p className="mb-2 text-sm text-slate-600" data-testid="activity-count">
            {countPhrase(result.count, ['event', 'events'], filtered ? ['matches these filters', 'match these filters'] : undefined)}
          </p>
          {pastEnd ? null : result.rows.length === 0 ? (
            <Empty>
              {filtered
                ? 'No event matches these filters. Widen the dates or clear a filter.'
                : 'Nothing has been recorded yet. Sign-ins, bookings, chart views and changes appear here as they happen.'}
            </Empty>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="hidden border-b border-slate-200 md:table-header-group">
                <tr>
                  <th scope="col" className="py-2 pr-3">Time ({zoneAbbrev()})</th>
                  <th scope="col" className="py-2 pr-3">Actor</th>
                  <th scope="col" className="py-2 pr-3">Action</th>
                  <th scope="col" className="py-2 pr-3">Record</th>
                  <th scope="col" className="py-2 pr-3">Patient</th>
                  <th scope="col" className="py-2">Outcome</th>
                </tr>
              </thead>
              <tbody data-testid="activity-list">
                {result.rows.map((e) => <Row key={e.id} e={e} params={params} />)}
              </tbody>
            </table>
          )}
          <Pager page={page} pages={pages} href={(p) => hrefWith(params, p)} previousLabel="Newer" nextLabel="Older" />
        </Card>
      )}
    </div>
  );
}

const cell = 'flex gap-2 py-0.5 md:table-cell md:py-2 md:pr-3 md:align-top';
const label = 'w-20 shrink-0 text-slate-600 md:hidden';

/** One event: a table row on wide screens, a stacked block with labels on a phone. */
function Row({ e, params }: { e: ActivityItem; params: ActivityFilterParams }) {
  const o = OUTCOME[e.outcome] ?? { label: e.outcome, style: 'bg-slate-200 text-slate-800' };
  const actor = e.actorUserId === null
    ? <span>{e.actorKind === 'import' ? 'Import' : 'System'}</span>
    : (
      <span className="min-w-0">
        <Link href={hrefWith({ ...params, actor: String(e.actorUserId) })} title="Only this person's activity" className="underline decoration-slate-300 underline-offset-2 hover:decoration-current">{e.actorName ?? `User ${e.actorUserId}`}</Link>
        {e.actorKind === 'token' && <span className="text-slate-600"> (API)</span>}
        {e.actorEmail && <span className="block break-all text-xs text-slate-600">{e.actorEmail}</span>}
      </span>
    );
  return (
    <tr className="block border-b border-slate-100 py-2 md:table-row md:py-0" data-testid="activity-row">
      <td className={cell}>
        <span className={label}>Time</span>
        <time dateTime={toClinicIso(e.at)} className="tabular-nums">{formatDate(e.at)} {formatTime(e.at)}</time>
      </td>
      <td className={cell}><span className={label}>Actor</span>{actor}</td>
      <td className={cell}>
        <span className={label}>Action</span>
        <code className="break-all" data-testid="activity-action">{e.action}</code>
      </td>
      <td className={cell}>
        <span className={label}>Record</span>
        <span className="break-all">{e.entity ? `${e.entity.replace(/_/g, ' ')}${e.entityId !== null ? ` #${e.entityId}` : ''}` : '—'}</span>
      </td>
      <td className={cell}>
        <span className={label}>Patient</span>
        {e.patientId === null ? <span>—</span> : (
          <span>
            <Link href={hrefWith({ ...params, patient: e.patientNumber ?? String(e.patientId) })} title="Only activity about this patient" className="underline decoration-slate-300 underline-offset-2 hover:decoration-current">
              {e.patientName ?? `Patient ${e.patientId}`}
            </Link>
            {e.patientNumber && <span className="block text-xs text-slate-600">{e.patientNumber}</span>}
          </span>
        )}
      </td>
      <td className={cell}>
        <span className={label}>Outcome</span>
        <span><span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${o.style}`}>{o.label}</span></span>
      </td>
    </tr>
  );
}
