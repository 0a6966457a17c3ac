/**
 * The admin's activity log: one page of the audit log, newest first, filtered by actor, action, patient,
 * outcome and clinic dates (admin only). Serves `/admin/activity` and `GET /api/dashboard/recent-activity/`
 * (its API shape: `serializeActivityItem` in ./serialize.ts).
 */
import { DateTime } from 'luxon';
import { findPatientUserIdByNumber, listAuditEventsPage, type AuditEventFilters, type AuditEventListItem } from '@/db/repositories/audit';
import { listUsersPage } from '@/db/repositories/user-admin';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { activityFiltersSchema, type ActivityFilters } from '@/lib/audit/schemas';
import { validationError, zodFieldErrors } from '@/lib/errors';
import { clinicZone } from '@/core/time';
import { foldName } from '@/core/text';

export type ActivityItem = AuditEventListItem;

/** How many users a name/email `actor` filter may match before it must be narrowed. */
export const MAX_ACTOR_MATCHES = 50;

/**
 * Parses the raw filters (query-string values; unknown keys ignored) and resolves them to repository
 * filters: an actor name/email to the matching users' ids, a patient number to its user id, clinic
 * dates to UTC instants (`from` at 00:00, `to` up to the next day's 00:00, in `zone`).
 * Throws `validation_error` with fields `actor` / `action` / `patient` / `outcome` / `from` / `to`:
 * malformed values, `from` after `to`, an actor text matching nobody or more than `MAX_ACTOR_MATCHES`
 * users, a patient number nobody has.
 */
export async function resolveActivityFilters(raw: Record<string, unknown>, zone = clinicZone()): Promise<{ filters: ActivityFilters; query: AuditEventFilters }> {
  const parsed = activityFiltersSchema.safeParse(raw);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error.issues), 'Some filters are not valid.');
  const f = parsed.data;
  const query: AuditEventFilters = {};
  if (f.actor?.kind === 'id') query.actorUserIds = [f.actor.id];
  if (f.actor?.kind === 'text') {
    const t = f.actor.text;
    const words = foldName(t).split(' ').filter(Boolean);
    const { rows } = await listUsersPage({ words, emailFragment: t.toLowerCase(), limit: MAX_ACTOR_MATCHES + 1, offset: 0, includeMerged: true });
    if (rows.length === 0) throw validationError({ actor: [`No user’s name or email matches “${t}”.`] }, 'Some filters are not valid.');
    if (rows.length > MAX_ACTOR_MATCHES) {
      throw validationError({ actor: [`More than ${MAX_ACTOR_MATCHES} users match “${t}”: type more of the name or the email.`] }, 'Some filters are not valid.');
    }
    query.actorUserIds = rows.map((u) => u.id);
  }
  if (f.action) query.action = f.action.kind === 'exact' ? { exact: f.action.exact } : { prefix: f.action.prefix };
  if (f.patient?.kind === 'id') query.patientId = f.patient.id;
  if (f.patient?.kind === 'number') {
    const id = await findPatientUserIdByNumber(f.patient.number);
    if (id === null) throw validationError({ patient: [`No patient has the number ${f.patient.number}.`] }, 'Some filters are not valid.');
    query.patientId = id;
  }
  if (f.outcome) query.outcome = f.outcome;
  if (f.from) query.from = DateTime.fromISO(f.from, { zone }).startOf('day').toJSDate();
  if (f.to) query.to = DateTime.fromISO(f.to, { zone }).startOf('day').plus({ days: 1 }).toJSDate();
  return { filters: f, query };
}

/**
 * One page of the audit log for an admin, newest first (id breaks ties), filtered by `filters` (raw
 * query-string values, see `resolveActivityFilters`): `{ count, rows }` with each event's actor name/email
 * and patient name/number. Throws `unauthenticated` / `forbidden` (not an admin) and `validation_error`.
 */
export async function listRecentActivity(opts: {
  user: CurrentUser | null;
  filters?: Record<string, unknown>;
  page: { limit: number; offset: number };
}): Promise<{ count: number; rows: ActivityItem[] }> {
  assertRole(opts.user, ['admin']);
  const { query } = await resolveActivityFilters(opts.filters ?? {});
  return listAuditEventsPage(query, opts.page);
}

