/** The actions an admin can filter the activity log by. */
import { listDistinctAuditActions } from '@/db/repositories/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';

/**
 * The distinct actions present in the audit log, sorted (`actions`), and their groups (`prefixes`: the
 * part up to and including the first dot, e.g. `record.`, for groups of more than one action).
 * Admin only: throws `unauthenticated` / `forbidden`.
 */
export async function listAuditActions(user: CurrentUser | null): Promise<{ actions: string[]; prefixes: string[] }> {
  assertRole(user, ['admin']);
  const actions = await listDistinctAuditActions();
  const groups = new Map<string, number>();
  for (const a of actions) {
    const dot = a.indexOf('.');
    if (dot > 0) groups.set(a.slice(0, dot + 1), (groups.get(a.slice(0, dot + 1)) ?? 0) + 1);
  }
  return { actions, prefixes: [...groups].filter(([, n]) => n > 1).map(([p]) => p) };
}
