/**
 * Sends the reminders that are due. Run by `npm run reminders` and by the in-process loop (REMINDERS=on);
 * any number of workers, in any number of processes, may run it at once against one database:
 *
 * 1. rows stuck in `sending` for longer than `stuckAfterMinutes` (a worker died mid-send) → `unknown`;
 * 2. for each pending row whose next attempt time has come: claim it (one conditional UPDATE; a row
 *    another worker claimed first is skipped), read the claimed row back by its token, then send;
 * 3. record the outcome and audit it (actor system, action `reminder.send`) in one transaction:
 *    sent → `sent`; a failure the transport reports → back to `pending` with exponential backoff, or
 *    `failed` after `maxAttempts`; an unknown outcome (may have been accepted) → `unknown`, never resent.
 *
 * Before sending, the appointment is read again: a cancelled one → `withdrawn`; a 24 h reminder whose
 * 2 h successor is already due → `withdrawn` (one reminder, not two at once); an appointment that has
 * already started → `failed` (too late; shown to admins). Without SMTP_URL or SMS_GATEWAY_URL, or when
 * the patient has no address for the channel, the row is `failed` with a clear reason (nothing thrown).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import {
  claimReminder, findClaimedReminders, findReminderMessageData, listDueReminderIds, recoverStuckReminders,
  settleClaimedReminder, type ReminderRow, type ReminderSettlement,
} from '@/db/repositories/reminders';
import { withTransaction } from '@/db';
import { ACTIVE_APPOINTMENT_STATUSES } from '@/core/vocabulary';
import { audit, SYSTEM_ACTOR } from '@/lib/audit/audit';
import { env } from '@/core/env';
import { composeReminderEmail, composeReminderSms } from './compose-message';
import { supersededAt } from './queue-reminders';
import { createSmtpEmailTransport, type EmailTransport } from './transports/email';
import { errorText, type SendOutcome } from './transports/outcome';
import { createHttpSmsGateway, type SmsGateway } from './transports/sms-http';

export interface ReminderTransports {
  /** null: not configured (SMTP_URL unset). */
  email: EmailTransport | null;
  /** null: not configured (SMS_GATEWAY_URL unset). */
  sms: SmsGateway | null;
}

export interface SendDueOptions {
  /** The current time (default: the clock, read afresh at each step). */
  now?: Date;
  /** Names this worker in claim tokens and audit details (default host:pid). */
  workerId?: string;
  /** At most this many reminders per run (default 100). */
  limit?: number;
  /** Default: from the environment (SMTP_URL, REMINDER_FROM, SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, REMINDER_SEND_TIMEOUT_MS). */
  transports?: Partial<ReminderTransports>;
  /** Attempts before a transport failure becomes final (default 5). */
  maxAttempts?: number;
  /** A row in `sending` for longer than this is recovered as unknown (default 10). */
  stuckAfterMinutes?: number;
}

export interface SendDueCounts {
  /** Rows this worker claimed. */
  claimed: number;
  sent: number;
  /** Gave up: `failed` (after the last attempt, or not sendable at all). */
  failed: number;
  /** Transport failures that will be tried again later (back to pending with a backoff). */
  retried: number;
  /** May have been accepted: marked `unknown`, not resent. */
  unknown: number;
  /** Not sent because the appointment was cancelled or a later reminder took over (`withdrawn`). */
  skipped: number;
  /** Rows found stuck in `sending` and marked `unknown`. */
  recovered: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Delay before attempt `attempt + 1` after `attempt` failures: 2, 4, 8, 16… minutes, at most 1 hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(2 * 60_000 * 2 ** Math.max(0, attempt - 1), 60 * 60_000);
}

/** The transports the environment configures (null for a channel that is not). */
export function transportsFromEnv(): ReminderTransports {
  const e = env();
  const smtp = e.SMTP_URL?.trim();
  const gateway = e.SMS_GATEWAY_URL?.trim();
  return {
    email: smtp ? createSmtpEmailTransport({ url: smtp, from: e.REMINDER_FROM, timeoutMs: e.REMINDER_SEND_TIMEOUT_MS }) : null,
    sms: gateway ? createHttpSmsGateway({ url: gateway, token: e.SMS_GATEWAY_TOKEN?.trim() || undefined, timeoutMs: e.REMINDER_SEND_TIMEOUT_MS }) : null,
  };
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** Sends what is due (see the module comment); returns what happened. */
export async function sendDueReminders(options: SendDueOptions = {}): Promise<SendDueCounts> {
  const clock = () => options.now ?? new Date();
  const workerId = (options.workerId ?? `${os.hostname()}:${process.pid}`).slice(0, 64);
  const limit = options.limit ?? 100;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const counts: SendDueCounts = { claimed: 0, sent: 0, failed: 0, retried: 0, unknown: 0, skipped: 0, recovered: 0 };

  const stuckBefore = new Date(clock().getTime() - (options.stuckAfterMinutes ?? 10) * 60_000);
  counts.recovered = await withTransaction(async () => {
    const recovered = await recoverStuckReminders(stuckBefore, clock());
    for (const r of recovered) {
      await audit(SYSTEM_ACTOR, {
        action: 'reminder.send', entity: 'reminder', entityId: r.id, outcome: 'failure',
        details: { appointmentId: r.appointmentId, channel: r.channel, kind: r.kind, attempt: r.attempts, status: 'unknown', reason: 'stuck in sending', workerId },
      });
    }
    return recovered.length;
  });

  let transports: ReminderTransports | undefined;
  const getTransports = () => (transports ??= resolveTransports(options.transports));

  for (const id of await listDueReminderIds(clock(), limit)) {
    const token = `${crypto.randomUUID()}:${workerId}`.slice(0, 64);
    if (!(await claimReminder(id, token, clock()))) continue; // another worker has it, or it is no longer due
    const [row] = await findClaimedReminders(token);
    if (!row) continue;
    counts.claimed += 1;
    const { settlement, outcome, patientId } = await deliver(row, clock, getTransports, maxAttempts);
    const kept = await withTransaction(async () => {
      const ok = await settleClaimedReminder(row.id, token, settlement);
      await audit(SYSTEM_ACTOR, {
        action: 'reminder.send', entity: 'reminder', entityId: row.id, patientId: patientId ?? null,
        outcome: settlement.status === 'sent' ? 'success' : 'failure',
        details: {
          appointmentId: row.appointmentId, channel: row.channel, kind: row.kind, attempt: settlement.attempts, status: settlement.status,
          ...(outcome.status !== 'sent' ? { error: outcome.error } : {}), ...(ok ? {} : { claimLost: true }), workerId,
        },
      });
      return ok;
    });
    if (!kept) continue; // recovered by another worker meanwhile: its status stands
    switch (settlement.status) {
      case 'sent': counts.sent += 1; break;
      case 'pending': counts.retried += 1; break;
      case 'failed': counts.failed += 1; break;
      case 'unknown': counts.unknown += 1; break;
      case 'withdrawn': counts.skipped += 1; break;
    }
  }
  return counts;
}

/** The given transports, the environment's for a channel not given. */
function resolveTransports(given: Partial<ReminderTransports> = {}): ReminderTransports {
  const fromEnv = given.email !== undefined && given.sms !== undefined ? undefined : transportsFromEnv();
  return { email: given.email !== undefined ? given.email : (fromEnv?.email ?? null), sms: given.sms !== undefined ? given.sms : (fromEnv?.sms ?? null) };
}

/** Sends one claimed reminder; returns how to settle it. Never throws. */
async function deliver(
  row: ReminderRow,
  clock: () => Date,
  getTransports: () => ReminderTransports,
  maxAttempts: number,
): Promise<{ settlement: ReminderSettlement; outcome: SendOutcome; patientId?: number }> {
  const attempts = row.attempts + 1;
  const final = (status: 'failed' | 'withdrawn', error: string, patientId?: number) => ({
    settlement: { status, attempts: row.attempts, at: clock(), error } as ReminderSettlement,
    outcome: { status: 'failed', error, retryable: false } as SendOutcome,
    patientId,
  });

  const data = await findReminderMessageData(row.id);
  if (!data) return final('failed', 'The appointment of this reminder was not found.');
  const now = clock();
  if (!(ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(data.appointmentStatus)) {
    return final('withdrawn', `Not sent: the appointment is ${data.appointmentStatus}.`, data.patientId);
  }
  if (now.getTime() >= data.startAt.getTime()) {
    return final('failed', 'Not sent: the appointment had already started when the reminder could go out.', data.patientId);
  }
  if (supersededAt(row.kind, data.startAt, now)) {
    return final('withdrawn', 'Not sent: the 2 h reminder is due instead.', data.patientId);
  }

  let outcome: SendOutcome;
  try {
    const facts = { clinicName: env().CLINIC_NAME, doctorName: data.doctorName, patientName: data.patientName, startAt: data.startAt };
    if (row.channel === 'email') {
      const t = getTransports().email;
      if (!data.email) return final('failed', 'Not sent: the patient has no email address.', data.patientId);
      if (!t) return final('failed', 'Not sent: email is not configured (set SMTP_URL).', data.patientId);
      const m = composeReminderEmail(facts);
      outcome = await safeSend(() => t.send({ to: data.email as string, subject: m.subject, text: m.text }));
    } else {
      const t = getTransports().sms;
      if (!data.phone) return final('failed', 'Not sent: the patient has no phone number.', data.patientId);
      if (!E164.test(data.phone)) return final('failed', `Not sent: the phone number is not in international format (+country…).`, data.patientId);
      if (!t) return final('failed', 'Not sent: SMS is not configured (set SMS_GATEWAY_URL).', data.patientId);
      const m = composeReminderSms(facts);
      outcome = await safeSend(() => t.send(data.phone as string, m.text, m.encoding));
    }
  } catch (e) {
    // Composing failed before anything was handed to a transport.
    return final('failed', `Not sent: ${errorText(e, 200)}`, data.patientId);
  }

  const at = clock();
  let settlement: ReminderSettlement;
  if (outcome.status === 'sent') settlement = { status: 'sent', attempts, at };
  else if (outcome.status === 'unknown') settlement = { status: 'unknown', attempts, at, error: outcome.error };
  else if (outcome.retryable && attempts < maxAttempts) {
    settlement = { status: 'pending', attempts, at, nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts)), error: outcome.error };
  } else {
    settlement = { status: 'failed', attempts, at, error: attempts >= maxAttempts ? `${outcome.error} (gave up after ${attempts} attempts)` : outcome.error };
  }
  return { settlement, outcome, patientId: data.patientId };
}

/** A transport that throws instead of reporting is a bug; its outcome is unknown (it may have sent). */
async function safeSend(send: () => Promise<SendOutcome>): Promise<SendOutcome> {
  try {
    return await send();
  } catch (e) {
    return { status: 'unknown', error: `The transport failed unexpectedly: ${errorText(e, 200)}` };
  }
}
