import { withTransaction } from '@/db';
import { appendAppointmentEvent } from '@/db/repositories/appointment-events';
import { createAppointment, findAppointmentById, type AppointmentRow } from '@/db/repositories/appointments';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { queueReminders } from '@/lib/reminders/queue-reminders';
import { withClashAsConflict } from './describe-clash';

/** A new active appointment, as booking and walk-in make it. */
export interface PlaceAppointmentOptions {
  /** Who places it: the history event's actor and whom the 409 speaks to. */
  user: CurrentUser;
  actor: Actor;
  patientId: number;
  doctorId: number;
  /** `[start, end)`, instants. */
  start: Date;
  end: Date;
  status: 'pending' | 'confirmed';
  reason: string | null;
  notes?: string | null;
  /** The first history event's note, e.g. `booked`, `walk-in`. */
  note: string;
  /** The audit action, e.g. `appointment.book`, and its details. */
  auditAction: string;
  auditDetails?: Record<string, unknown>;
  /** Queue its reminders (24 h and 2 h before) in the same transaction. */
  remind?: boolean;
  now: Date;
}

/**
 * Places an active appointment, the step booking and walk-in share: in one transaction the appointment
 * row (the repository writes its occupancy cells), its first history event, its reminders when
 * `remind`, and the audit entry. When the doctor or the patient already holds any of that time, the
 * occupancy constraint refuses it and this throws the 409 of `describeClash` naming who. Checks of who
 * may book what, and of the slot, are the caller's. Returns the appointment row.
 */
export async function placeAppointment(opts: PlaceAppointmentOptions): Promise<AppointmentRow> {
  const { user, actor, patientId, doctorId, start, end, status, now } = opts;
  return withClashAsConflict(user, { doctorId, patientId, start, end }, () => withTransaction(async () => {
    const id = await createAppointment({
      patientId, doctorId, startAt: start, endAt: end, status, reason: opts.reason, notes: opts.notes ?? null,
      createdById: user.id, createdAt: now, updatedAt: now,
    });
    await appendAppointmentEvent({ appointmentId: id, at: now, actorUserId: user.id, toStatus: status, toStartAt: start, note: opts.note });
    if (opts.remind) await queueReminders(id, now);
    await audit(actor, { action: opts.auditAction, entity: 'appointment', entityId: id, patientId, ...(opts.auditDetails ? { details: opts.auditDetails } : {}) });
    return (await findAppointmentById(id))!;
  }));
}
