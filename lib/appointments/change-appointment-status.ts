import { withTransaction } from '@/db';
import { appendAppointmentEvent } from '@/db/repositories/appointment-events';
import { findAppointmentById, updateAppointmentIfStatus, type AppointmentRow } from '@/db/repositories/appointments';
import type { AppointmentStatus } from '@/core/vocabulary';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCanManageAppointment } from '@/lib/auth/policy';
import { conflict, notFound, validationError } from '@/lib/errors';
import { queueReminders, withdrawReminders } from '@/lib/reminders/queue-reminders';
import { clinicToday, formatDate } from '@/core/time';
import { ACTION_TARGET, allowedActions, assertTransition, isActive } from './transitions';

export type StatusAction = keyof typeof ACTION_TARGET;

/**
 * Applies `action` (confirm, complete, cancel, no-show) to appointment `appointmentId`.
 * Who: its doctor or an admin; its patient may only cancel. Refused with 409 listing the allowed
 * actions when the workflow does not allow it (see transitions.ts); completing only from the
 * appointment's clinic day on (a patient may come early that day, not a day early); a no-show only after
 * the start time; cancel needs a reason. Completing a pending appointment records the confirm, then the complete.
 * Leaving the active states frees the slot (the repository drops its occupancy cells) and withdraws the reminders; confirming
 * (re)queues them. History event and audit entry in the same transaction. Returns the updated row.
 */
export async function changeAppointmentStatus(opts: { user: CurrentUser; actor: Actor; appointmentId: number; action: StatusAction; reason?: string; now?: Date }): Promise<AppointmentRow> {
  const { user, actor, appointmentId, action } = opts;
  const now = opts.now ?? new Date();
  const a = await findAppointmentById(appointmentId);
  if (!a) throw notFound('The appointment');
  assertCanManageAppointment(user, a, action);
  assertTransition(a.status, action);
  const reason = opts.reason?.trim();
  if (action === 'cancel' && !reason) throw validationError({ reason: ['Give a reason for the cancellation.'] });
  if (action === 'complete' && clinicToday(a.startAt) > clinicToday(now)) {
    throw conflict(`This appointment is on ${formatDate(a.startAt)}: it can be completed from that day on.`, { allowed: allowedActions(a.status).filter((x) => x !== 'complete') });
  }
  if (action === 'no-show' && now.getTime() < a.startAt.getTime()) {
    throw conflict('A patient can be marked as a no-show only after the appointment\'s start time.', { allowed: allowedActions(a.status).filter((x) => x !== 'no-show') });
  }
  const to: AppointmentStatus = ACTION_TARGET[action];
  return withTransaction(async () => {
    const changed = await updateAppointmentIfStatus(a.id, a.status, {
      status: to,
      ...(action === 'cancel' ? { cancellationReason: reason } : {}),
    });
    if (!changed) throw conflict('This appointment was changed by someone else just now. Reload it and try again.');
    const steps: Array<[AppointmentStatus, AppointmentStatus]> = action === 'complete' && a.status === 'pending'
      ? [['pending', 'confirmed'], ['confirmed', 'completed']]
      : [[a.status, to]];
    for (const [from, next] of steps) {
      await appendAppointmentEvent({ appointmentId: a.id, at: now, actorUserId: user.id, fromStatus: from, toStatus: next, note: action === 'cancel' ? reason : null });
    }
    if (!isActive(to)) {
      await withdrawReminders(a.id);
    } else if (action === 'confirm') {
      await queueReminders(a.id, now);
    }
    await audit(actor, { action: `appointment.${action}`, entity: 'appointment', entityId: a.id, patientId: a.patientId, details: { from: a.status, to, ...(reason ? { reason } : {}) } });
    return (await findAppointmentById(a.id))!;
  });
}
