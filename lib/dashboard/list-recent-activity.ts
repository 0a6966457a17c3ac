/** The admin dashboard's recent activity: one page of the audit log, newest first (admin only). */
import { listAuditEventsPage } from '@/db/repositories/stats';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { toClinicIso } from '@/lib/time';

/** One page of audit events in the API shape (`{ id, at, actor_id, actor_kind, action, entity, entity_id, patient_id, outcome }`) and the count. */
export async function listRecentActivity(opts: { user: CurrentUser | null; page: { limit: number; offset: number } }) {
  assertRole(opts.user, ['admin']);
  const { count, rows } = await listAuditEventsPage(opts.page);
  return {
    count,
    rows: rows.map((e) => ({
      id: e.id, at: toClinicIso(e.at), actor_id: e.actorUserId, actor_kind: e.actorKind, action: e.action,
      entity: e.entity, entity_id: e.entityId, patient_id: e.patientId, outcome: e.outcome,
    })),
  };
}
