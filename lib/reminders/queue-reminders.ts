/**
 * Reminder outbox maintenance, called by the appointment services inside their transactions (every
 * statement goes through `q()`, so it joins the caller's transaction). The sender is send-due-reminders.ts.
 */
import {
  findAppointmentForReminders, insertPendingReminder, listAppointmentReminders, requeueReminder,
  withdrawAppointmentReminders, type ReminderRow,
} from '@/db/repositories/reminders';
import { ACTIVE_APPOINTMENT_STATUSES, type ReminderChannel, type ReminderStatus } from '@/core/vocabulary';

/** The reminder kinds and how long before the start each is due. */
export const REMINDER_KINDS = [
  { kind: '24h', beforeMs: 24 * 60 * 60 * 1000 },
  { kind: '2h', beforeMs: 2 * 60 * 60 * 1000 },
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number]['kind'];

const HOUR_MS = 60 * 60 * 1000;

/**
 * Queues the reminders of appointment `appointmentId` — 24 h and 2 h before its start, by email when the
 * patient has an email and by SMS when they have a phone — skipping those already past at `now`.
 * Idempotent: existing pending rows for the appointment are moved to the new times instead of duplicated.
 *
 * For each channel and kind:
 * - due time still ahead: no row → a pending row; a pending row → moved to the new time (its retry state
 *   reset) when the time changed, untouched otherwise; a withdrawn row → pending again at the new time;
 *   a failed or unknown row → pending again only when the time changed (a rescheduled appointment gets
 *   new reminders; an unknown outcome for the same time is never resent); sending and sent rows are left alone.
 * - due time already past: a pending row (still due at the old time of a moved appointment) is withdrawn.
 * Pending rows of a channel the patient no longer has (email or phone removed) are withdrawn. An
 * appointment that is not pending or confirmed has its reminders withdrawn instead. No-op when the
 * appointment does not exist.
 */
export async function queueReminders(appointmentId: number, now: Date = new Date()): Promise<void> {
  const appt = await findAppointmentForReminders(appointmentId);
  if (!appt) return;
  if (!(ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(appt.status)) {
    await withdrawReminders(appointmentId);
    return;
  }
  const channels: ReminderChannel[] = [];
  if (appt.email) channels.push('email');
  if (appt.phone) channels.push('sms');

  const existing = await listAppointmentReminders(appointmentId);
  const find = (channel: string, kind: string) => existing.find((r) => r.channel === channel && r.kind === kind);
  const toWithdraw: number[] = [];

  for (const channel of channels) {
    for (const { kind, beforeMs } of REMINDER_KINDS) {
      const dueAt = new Date(appt.startAt.getTime() - beforeMs);
      let row: ReminderRow | undefined = find(channel, kind);
      if (dueAt.getTime() <= now.getTime()) {
        if (row?.status === 'pending') toWithdraw.push(row.id);
        continue;
      }
      if (!row) {
        const id = await insertPendingReminder({ appointmentId, channel, kind, dueAt, now });
        if (id !== null) continue;
        // Another call inserted it first: treat it as existing.
        row = (await listAppointmentReminders(appointmentId)).find((r) => r.channel === channel && r.kind === kind);
        if (!row) continue;
      }
      const moved = row.dueAt.getTime() !== dueAt.getTime();
      const from: ReminderStatus[] = moved ? ['pending', 'withdrawn', 'failed', 'unknown'] : ['withdrawn'];
      if (from.includes(row.status)) await requeueReminder(row.id, from, dueAt, now);
    }
  }
  for (const r of existing) {
    if (r.status === 'pending' && !channels.includes(r.channel)) toWithdraw.push(r.id);
  }
  await withdrawAppointmentReminders(appointmentId, { fromStatuses: ['pending'], ids: toWithdraw, reason: null, now });
}

/** Withdraws every not-yet-sent reminder of appointment `appointmentId` (status → withdrawn). */
export async function withdrawReminders(appointmentId: number): Promise<void> {
  // Pending and failed rows were certainly not delivered. A row being sent right now, one whose outcome
  // is unknown and one already sent are history and stay as they are.
  await withdrawAppointmentReminders(appointmentId, { fromStatuses: ['pending', 'failed'] });
}

/** Whether a reminder of `kind` due for an appointment at `startAt` is pointless at `now` (the 2 h one has taken over). */
export function supersededAt(kind: string, startAt: Date, now: Date): boolean {
  return kind === '24h' && now.getTime() >= startAt.getTime() - 2 * HOUR_MS;
}
