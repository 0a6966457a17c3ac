/**
 * The audit log (FHIR AuditEvent, reduced): who did what to which record, from where. Services call
 * `audit()` inside the same transaction as the change it records; reads of a chart are audited too.
 */
import { appendAuditEvent, appendAuditEvents } from '@/db/repositories/audit';
import type { ActorKind, AuditOutcome } from '@/core/vocabulary';

/** Who is acting: a signed-in user (browser session), an API token's user, the system, or an import. */
export interface Actor {
  userId: number | null;
  kind: ActorKind;
  clientAddress?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, kind: 'system' };

export interface AuditEntry {
  action: string;
  entity?: string;
  entityId?: number | null;
  patientId?: number | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

/** The audit_events row for `entry` by `actor` at `at`. */
function auditRow(actor: Actor, entry: AuditEntry, at: Date) {
  return {
    at,
    actorUserId: actor.userId,
    actorKind: actor.kind,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    patientId: entry.patientId ?? null,
    outcome: entry.outcome ?? 'success',
    clientAddress: actor.clientAddress?.slice(0, 64) ?? null,
    requestId: actor.requestId ?? null,
    details: entry.details ?? null,
  } as const;
}

/** Appends one audit event for `actor` (outcome defaults to success). Never throws on a missing detail. */
export async function audit(actor: Actor, entry: AuditEntry): Promise<void> {
  await appendAuditEvent(auditRow(actor, entry, new Date()));
}

/**
 * Appends several audit events for `actor` in one statement (all or none, no transaction of its own;
 * joins the caller's when there is one). Resolves once they are written: a caller that answers after
 * it never answers for a read whose audit entry could still be lost.
 */
export async function auditMany(actor: Actor, entries: AuditEntry[]): Promise<void> {
  const at = new Date();
  await appendAuditEvents(entries.map((e) => auditRow(actor, e, at)));
}
