/**
 * Appointment reminders end to end, on SQLite and MariaDB: queueing (kinds, channels, skipping the past,
 * withdraw, moves), then sending to a real local SMTP server (smtp-server) and a local HTTP SMS gateway
 * stub — delivered, retried with backoff, given up, unknown after a timeout and never resent, withdrawn
 * when cancelled, recovered when stuck, and exactly once with several workers (in one process and in
 * separate processes).
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDatabase, q, tables, withTransaction } from '@/db';
import { createAppointment, updateAppointment } from '@/db/repositories/appointments';
import {
  claimReminder, listAppointmentReminders, settleClaimedReminder, withdrawAppointmentReminders, type ReminderRow,
} from '@/db/repositories/reminders';
import { updateUser } from '@/db/repositories/users';
import type { AppointmentStatus } from '@/core/vocabulary';
import type { CurrentUser } from '@/lib/auth/current-user';
import { resetEnv } from '@/core/env';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import { listReminderProblems } from './list-reminder-problems';
import { queueReminders, withdrawReminders } from './queue-reminders';
import { retryDelayMs, sendDueReminders } from './send-due-reminders';
import { startReminderLoop } from './loop';
import { smsParts } from './sms-encoding';
import { createSmtpEmailTransport } from './transports/email';
import { createHttpSmsGateway } from './transports/sms-http';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ZONE = 'Africa/Nairobi';
const T0 = new Date(Math.floor(Date.now() / MIN) * MIN);
const at = (ms: number) => new Date(T0.getTime() + ms);

// ── the local SMTP server ──────────────────────────────────────────────────────────────────────────
type Mode = 'ok' | 'fail' | 'hang' | 'slow';
let smtpMode: Mode = 'ok';
const mails: Array<{ to: string[]; raw: string }> = [];
const smtpSwallowed: string[] = []; // messages received but never answered (hang mode)
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  closeTimeout: 200,
  onRcptTo(_address, _session, callback) {
    if (smtpMode !== 'fail') return callback();
    callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 450 }));
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (smtpMode === 'hang') {
        smtpSwallowed.push(raw); // the message arrived, the final reply never goes out
        return;
      }
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      setTimeout(() => callback(), smtpMode === 'slow' ? 20 : 0);
    });
  },
});

// ── the local SMS gateway stub ─────────────────────────────────────────────────────────────────────
let smsMode: Mode = 'ok';
const sms: Array<{ to: string; message: string; encoding: string; auth?: string }> = [];
let smsHits = 0;
const gateway = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => { body += c; });
  req.on('end', () => {
    smsHits += 1;
    const json = JSON.parse(body) as { to: string; message: string; encoding: string };
    if (smsMode === 'fail') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"gateway down"}');
      return;
    }
    if (smsMode === 'hang') return; // accepted the request, never answers
    sms.push({ ...json, auth: req.headers.authorization });
    setTimeout(() => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(`{"id":"msg-${smsHits}"}`);
    }, smsMode === 'slow' ? 20 : 0);
  });
});

const listen = (s: { listen: (port: number, host: string, cb: () => void) => unknown }, addr: () => net.AddressInfo | string | null) =>
  new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((addr() as net.AddressInfo).port)));

async function closedPort(): Promise<number> {
  const s = net.createServer();
  const port = await listen(s, () => s.address());
  await new Promise((r) => s.close(r));
  return port;
}

const ENV_KEYS = ['SMTP_URL', 'SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN', 'REMINDER_SEND_TIMEOUT_MS', 'CLINIC_NAME', 'REMINDER_FROM'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let smtpUrl = '';
let gatewayUrl = '';

beforeAll(async () => {
  const smtpPort = await listen(smtp, () => smtp.server.address());
  const gatewayPort = await listen(gateway, () => gateway.address());
  smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  gatewayUrl = `http://127.0.0.1:${gatewayPort}/sms`;
  Object.assign(process.env, {
    SMTP_URL: smtpUrl, SMS_GATEWAY_URL: gatewayUrl, SMS_GATEWAY_TOKEN: 'test-token', REMINDER_SEND_TIMEOUT_MS: '1000',
    CLINIC_NAME: 'E-Health', REMINDER_FROM: 'E-Health <reminders@clinic.test>',
  });
  resetEnv();
});

afterAll(async () => {
  gateway.closeAllConnections();
  await new Promise((r) => gateway.close(r));
  await new Promise((r) => smtp.close(() => r(undefined)));
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  resetEnv();
});

// Each test's leftovers must not be due in the next one.
const created: number[] = [];
afterEach(async () => {
  for (const id of created.splice(0)) await withdrawAppointmentReminders(id, { fromStatuses: ['pending'] });
  smtpMode = 'ok';
  smsMode = 'ok';
  mails.length = 0;
  sms.length = 0;
  smtpSwallowed.length = 0;
  smsHits = 0;
});

// ── helpers ────────────────────────────────────────────────────────────────────────────────────────
let phoneSeq = 0;
async function patient(opts: { email?: boolean; phone?: boolean; name?: string } = {}) {
  const p = await makeUser('patient', { name: opts.name });
  const phone = opts.phone === false ? null : `+2547${String(10_000_000 + ++phoneSeq * 7919).slice(-8)}`;
  await updateUser(p.id, { phone, email: opts.email === false ? null : p.email });
  return { ...p, phone, email: opts.email === false ? null : p.email };
}

/** One after the other: concurrent first allocations of the patient-number counter (db/repositories/sequences.ts) can deadlock on MariaDB. */
async function manyPatients(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await patient());
  return out;
}

/**
 * A doctor per appointment, all named Dr Amina Njoroge: many tests book at the same hour, and one
 * doctor's active appointments at the same time would clash on the occupancy cells.
 */
async function doctor(): Promise<number> {
  return (await makeUser('doctor', { name: 'Amina Njoroge' })).id;
}

async function book(patientId: number, startAt: Date, status: AppointmentStatus = 'confirmed'): Promise<number> {
  const now = new Date();
  const id = await createAppointment({
    patientId, doctorId: await doctor(), startAt, endAt: new Date(startAt.getTime() + 20 * MIN), status, createdAt: now, updatedAt: now,
  });
  created.push(id);
  return id;
}

const shape = (rows: ReminderRow[]) => rows.map((r) => ({ channel: r.channel, kind: r.kind, dueAt: r.dueAt.toISOString(), status: r.status }));
const byKey = (rows: ReminderRow[]) => Object.fromEntries(rows.map((r) => [`${r.channel}:${r.kind}`, r]));

/** The text of a raw email (quoted-printable soft breaks and escapes decoded). */
function mailText(raw: string): string {
  const soft = raw.replace(/=\r?\n/g, '');
  return Buffer.from(soft.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

async function auditFor(ids: number[]) {
  const db = await q();
  const a = tables.auditEvents;
  return db.select().from(a).where(and(eq(a.action, 'reminder.send'), eq(a.entity, 'reminder'), inArray(a.entityId, ids)));
}

const admin: CurrentUser = { id: 1, name: 'Admin', email: 'admin@clinic.test', role: 'admin', via: 'session', mustChangePassword: false };

// ── queueing ───────────────────────────────────────────────────────────────────────────────────────
describe('queueReminders', () => {
  it('queues 24 h and 2 h reminders by email and SMS for an appointment 3 days ahead, inside the caller transaction, once', async () => {
    const p = await patient();
    const start = at(72 * HOUR);
    const id = await book(p.id, start);
    await withTransaction(() => queueReminders(id, T0));
    const rows = await listAppointmentReminders(id);
    expect(shape(rows)).toEqual([
      { channel: 'email', kind: '24h', dueAt: at(48 * HOUR).toISOString(), status: 'pending' },
      { channel: 'email', kind: '2h', dueAt: at(70 * HOUR).toISOString(), status: 'pending' },
      { channel: 'sms', kind: '24h', dueAt: at(48 * HOUR).toISOString(), status: 'pending' },
      { channel: 'sms', kind: '2h', dueAt: at(70 * HOUR).toISOString(), status: 'pending' },
    ]);
    expect(rows.every((r) => r.attempts === 0 && r.nextAttemptAt.getTime() === r.dueAt.getTime())).toBe(true);

    await queueReminders(id, at(MIN)); // confirmed later: nothing new, nothing moved
    expect(await listAppointmentReminders(id)).toEqual(rows);
  });

  it('queues only the 2 h reminder 5 hours ahead, none for the past, and only the channels the patient has', async () => {
    const p = await patient();
    const soon = await book(p.id, at(5 * HOUR));
    await queueReminders(soon, T0);
    expect(shape(await listAppointmentReminders(soon))).toEqual([
      { channel: 'email', kind: '2h', dueAt: at(3 * HOUR).toISOString(), status: 'pending' },
      { channel: 'sms', kind: '2h', dueAt: at(3 * HOUR).toISOString(), status: 'pending' },
    ]);

    const past = await book(p.id, at(-HOUR));
    await queueReminders(past, T0);
    const inNinety = await book(p.id, at(90 * MIN)); // even the 2 h reminder is past
    await queueReminders(inNinety, T0);
    expect(await listAppointmentReminders(past)).toEqual([]);
    expect(await listAppointmentReminders(inNinety)).toEqual([]);

    const emailOnly = await patient({ phone: false });
    const smsOnly = await patient({ email: false });
    const a = await book(emailOnly.id, at(72 * HOUR));
    const b = await book(smsOnly.id, at(72 * HOUR));
    await queueReminders(a, T0);
    await queueReminders(b, T0);
    expect((await listAppointmentReminders(a)).map((r) => r.channel)).toEqual(['email', 'email']);
    expect((await listAppointmentReminders(b)).map((r) => r.channel)).toEqual(['sms', 'sms']);
  });

  it('withdraws the not-yet-sent reminders of a cancelled appointment, and a cancelled appointment queues nothing', async () => {
    const p = await patient();
    const id = await book(p.id, at(72 * HOUR));
    await queueReminders(id, T0);
    await withdrawReminders(id);
    expect((await listAppointmentReminders(id)).map((r) => r.status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn', 'withdrawn']);

    const cancelled = await book(p.id, at(72 * HOUR), 'cancelled');
    await queueReminders(cancelled, T0);
    expect(await listAppointmentReminders(cancelled)).toEqual([]);
  });

  it('moves pending reminders with a rescheduled appointment, revives withdrawn ones and never touches a sent one', async () => {
    const p = await patient();
    const id = await book(p.id, at(72 * HOUR));
    await queueReminders(id, T0);
    const before = byKey(await listAppointmentReminders(id));
    // The 24 h email went out; the SMS reminders were withdrawn (e.g. the booking was cancelled for a while).
    expect(await claimReminder(before['email:24h'].id, 'tok-1', at(48 * HOUR))).toBe(true);
    expect(await settleClaimedReminder(before['email:24h'].id, 'tok-1', { status: 'sent', attempts: 1, at: at(48 * HOUR) })).toBe(true);
    await withdrawAppointmentReminders(id, { fromStatuses: ['pending'], ids: [before['sms:24h'].id, before['sms:2h'].id] });

    await updateAppointment(id, { startAt: at(120 * HOUR), endAt: at(120 * HOUR + 20 * MIN) });
    await queueReminders(id, at(48 * HOUR + MIN));
    const after = byKey(await listAppointmentReminders(id));
    expect(Object.keys(after)).toHaveLength(4);
    for (const k of Object.keys(before)) expect(after[k].id).toBe(before[k].id); // moved, not duplicated
    expect(after['email:24h']).toMatchObject({ status: 'sent', dueAt: at(48 * HOUR) });
    expect(after['email:2h']).toMatchObject({ status: 'pending', dueAt: at(118 * HOUR), nextAttemptAt: at(118 * HOUR) });
    expect(after['sms:24h']).toMatchObject({ status: 'pending', dueAt: at(96 * HOUR), attempts: 0 });
    expect(after['sms:2h']).toMatchObject({ status: 'pending', dueAt: at(118 * HOUR) });

    // Moved to 5 hours from now: the pending 24 h SMS would be due in the past, so it is withdrawn.
    await updateAppointment(id, { startAt: at(53 * HOUR + MIN) });
    await queueReminders(id, at(48 * HOUR + MIN));
    const soon = byKey(await listAppointmentReminders(id));
    expect(soon['sms:24h'].status).toBe('withdrawn');
    expect(soon['sms:2h']).toMatchObject({ status: 'pending', dueAt: at(51 * HOUR + MIN) });
    expect(soon['email:24h'].status).toBe('sent');
  });
});

// ── sending ────────────────────────────────────────────────────────────────────────────────────────
describe('sendDueReminders', () => {
  it('delivers the email to the SMTP server and the SMS to the gateway, once, and audits both', async () => {
    const p = await patient({ name: 'Wanjiru Kamau' });
    const start = at(72 * HOUR);
    const id = await book(p.id, start);
    await queueReminders(id, T0);

    expect(await sendDueReminders({ now: at(47 * HOUR) })).toMatchObject({ claimed: 0 }); // not due yet
    const c = await sendDueReminders({ now: at(48 * HOUR + MIN), workerId: 'test' });
    expect(c).toEqual({ claimed: 2, sent: 2, failed: 0, retried: 0, unknown: 0, skipped: 0, recovered: 0 });

    const local = DateTime.fromJSDate(start, { zone: ZONE }).setLocale('en-GB');
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([p.email]);
    const text = mailText(mails[0].raw);
    expect(text).toMatch(/^From: "?E-Health"? <reminders@clinic\.test>/m);
    expect(text).toContain(`Subject: Reminder: your appointment on ${local.toFormat('ccc d LLL yyyy')} at ${local.toFormat('HH:mm')}`);
    expect(text).toContain('Dear Wanjiru Kamau,');
    expect(text).toContain(`with Dr Amina Njoroge at E-Health on ${local.toFormat('ccc d LLL yyyy')} at ${local.toFormat('HH:mm')}`);

    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ to: p.phone, encoding: 'GSM-7', auth: 'Bearer test-token' });
    expect(sms[0].message).toBe(`E-Health: reminder of your appointment with Dr Amina Njoroge on ${local.toFormat('ccc d LLL')} at ${local.toFormat('HH:mm')}. Reply or call the clinic to cancel.`);
    expect(smsParts(sms[0].message)).toMatchObject({ encoding: 'GSM-7', parts: [sms[0].message] });
    expect(sms[0].message.length).toBeLessThanOrEqual(160);

    const rows = byKey(await listAppointmentReminders(id));
    expect(rows['email:24h']).toMatchObject({ status: 'sent', attempts: 1, sentAt: at(48 * HOUR + MIN), claimToken: null, lastError: null });
    expect(rows['sms:24h']).toMatchObject({ status: 'sent', attempts: 1 });
    expect(rows['email:2h'].status).toBe('pending');
    const events = await auditFor([rows['email:24h'].id, rows['sms:24h'].id]);
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.actorKind === 'system' && e.outcome === 'success' && e.patientId === p.id)).toBe(true);

    expect(await sendDueReminders({ now: at(48 * HOUR + 2 * MIN) })).toMatchObject({ claimed: 0 }); // nothing twice
    expect(await sendDueReminders({ now: at(70 * HOUR + MIN) })).toMatchObject({ claimed: 2, sent: 2 });
    expect(mails).toHaveLength(2);
    expect(sms).toHaveLength(2);
  });

  it('retries a gateway failure (HTTP 500) with growing backoff, then gives up after 5 attempts and shows it to admins first', async () => {
    smsMode = 'fail';
    const p = await patient({ email: false });
    const id = await book(p.id, at(72 * HOUR));
    await queueReminders(id, T0);
    const rowOf = async () => byKey(await listAppointmentReminders(id))['sms:24h'];

    let now = at(48 * HOUR);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await sendDueReminders({ now })).toMatchObject({ claimed: 1, retried: 1, sent: 0, failed: 0 });
      const r = await rowOf();
      expect(r).toMatchObject({ status: 'pending', attempts: attempt, claimToken: null });
      expect(r.lastError).toContain('HTTP 500');
      expect(r.nextAttemptAt.getTime() - now.getTime()).toBe(retryDelayMs(attempt));
      expect(await sendDueReminders({ now: new Date(r.nextAttemptAt.getTime() - 1) })).toMatchObject({ claimed: 0 }); // waits out the backoff
      now = r.nextAttemptAt;
    }
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2 * MIN, 4 * MIN, 8 * MIN, 16 * MIN]);
    expect(await sendDueReminders({ now })).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    const failed = await rowOf();
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed.lastError).toMatch(/HTTP 500.*gave up after 5 attempts/);
    expect(smsHits).toBe(5);
    expect(await sendDueReminders({ now: at(69 * HOUR) })).toMatchObject({ claimed: 0 });
    expect(smsHits).toBe(5);

    const events = await auditFor([failed.id]);
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.outcome === 'failure')).toBe(true);

    const list = await listReminderProblems(admin);
    expect(list.items[0]).toMatchObject({ id: failed.id, status: 'failed', patientName: p.name, doctorName: 'Amina Njoroge' });
    expect(list.counts.failed).toBeGreaterThanOrEqual(1);
    const asPatient = { ...admin, role: 'patient' as const };
    await expect(listReminderProblems(asPatient)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listReminderProblems(null)).rejects.toBeInstanceOf(AppError);
  });

  it('marks an SMS the gateway took but never answered as unknown, and never resends it', async () => {
    smsMode = 'hang';
    const p = await patient({ email: false });
    const id = await book(p.id, at(72 * HOUR));
    await queueReminders(id, T0);
    expect(await sendDueReminders({ now: at(48 * HOUR) })).toMatchObject({ claimed: 1, unknown: 1, retried: 0, failed: 0 });
    expect(smsHits).toBe(1);
    const r = byKey(await listAppointmentReminders(id))['sms:24h'];
    expect(r).toMatchObject({ status: 'unknown', attempts: 1, claimToken: null });
    expect(r.lastError).toMatch(/may have been accepted/);

    smsMode = 'ok';
    expect(await sendDueReminders({ now: at(49 * HOUR) })).toMatchObject({ claimed: 0 });
    await queueReminders(id, at(49 * HOUR)); // re-confirming the same time does not revive it
    expect(await sendDueReminders({ now: at(50 * HOUR) })).toMatchObject({ claimed: 0 });
    expect(smsHits).toBe(1);
    expect(sms).toHaveLength(0);
    expect((await listReminderProblems(admin)).items.find((i) => i.id === r.id)?.status).toBe('unknown');
  });

  it('classifies SMTP outcomes: a 450 reply is retried, no reply after DATA is unknown, a refused connection is retried', async () => {
    const p = await patient({ phone: false });
    const id = await book(p.id, at(72 * HOUR));
    await queueReminders(id, T0);
    const rowOf = async (k: string) => byKey(await listAppointmentReminders(id))[k];

    smtpMode = 'fail';
    expect(await sendDueReminders({ now: at(48 * HOUR) })).toMatchObject({ claimed: 1, retried: 1 });
    expect(await rowOf('email:24h')).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await rowOf('email:24h')).lastError).toMatch(/^SMTP 450/);

    smtpMode = 'hang';
    expect(await sendDueReminders({ now: at(48 * HOUR + 2 * MIN) })).toMatchObject({ claimed: 1, unknown: 1 });
    expect(smtpSwallowed).toHaveLength(1); // the server had the whole message
    expect(mailText(smtpSwallowed[0])).toContain('Dear ');
    expect(await rowOf('email:24h')).toMatchObject({ status: 'unknown', attempts: 2 });
    smtpMode = 'ok';
    expect(await sendDueReminders({ now: at(49 * HOUR) })).toMatchObject({ claimed: 0 });
    expect(mails).toHaveLength(0);

    const refused = createSmtpEmailTransport({ url: `smtp://127.0.0.1:${await closedPort()}`, from: 'x@clinic.test', timeoutMs: 1000 });
    expect(await sendDueReminders({ now: at(70 * HOUR), transports: { email: refused } })).toMatchObject({ claimed: 1, retried: 1 });
    expect(await rowOf('email:2h')).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await rowOf('email:2h')).lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    const gatewayRefused = createHttpSmsGateway({ url: `http://127.0.0.1:${await closedPort()}/sms`, timeoutMs: 1000 });
    expect(await gatewayRefused.send('+254700000001', 'hi', 'GSM-7')).toMatchObject({ status: 'failed', retryable: true });
  });

  it('marks channels without configuration failed with a clear reason instead of throwing', async () => {
    const p = await patient();
    const id = await book(p.id, at(72 * HOUR));
    await queueReminders(id, T0);
    delete process.env.SMTP_URL;
    delete process.env.SMS_GATEWAY_URL;
    resetEnv();
    try {
      expect(await sendDueReminders({ now: at(48 * HOUR) })).toMatchObject({ claimed: 2, failed: 2 });
    } finally {
      Object.assign(process.env, { SMTP_URL: smtpUrl, SMS_GATEWAY_URL: gatewayUrl });
      resetEnv();
    }
    const rows = byKey(await listAppointmentReminders(id));
    expect(rows['email:24h']).toMatchObject({ status: 'failed', lastError: 'Not sent: email is not configured (set SMTP_URL).' });
    expect(rows['sms:24h']).toMatchObject({ status: 'failed', lastError: 'Not sent: SMS is not configured (set SMS_GATEWAY_URL).' });
  });

  it('does not send for an appointment cancelled since, nor a 24 h reminder once the 2 h one is due', async () => {
    const p = await patient();
    const cancelled = await book(p.id, at(72 * HOUR));
    await queueReminders(cancelled, T0);
    await updateAppointment(cancelled, { status: 'cancelled' }); // withdrawReminders not called (defence in depth)
    expect(await sendDueReminders({ now: at(48 * HOUR) })).toMatchObject({ claimed: 2, skipped: 2, sent: 0 });
    expect((await listAppointmentReminders(cancelled)).filter((r) => r.kind === '24h').map((r) => r.status)).toEqual(['withdrawn', 'withdrawn']);
    await withdrawReminders(cancelled);

    const late = await book(p.id, at(72 * HOUR));
    await queueReminders(late, T0);
    // The sender was down for two days: both reminders are due; only the 2 h one goes out, per channel.
    expect(await sendDueReminders({ now: at(71 * HOUR) })).toMatchObject({ claimed: 4, sent: 2, skipped: 2 });
    expect(mails).toHaveLength(1);
    expect(sms).toHaveLength(1);
    const rows = byKey(await listAppointmentReminders(late));
    expect(rows['email:24h'].status).toBe('withdrawn');
    expect(rows['email:2h'].status).toBe('sent');
  });

  it('recovers a reminder stuck in sending (a worker died) as unknown, without resending it', async () => {
    const p = await patient({ email: false });
    const id = await book(p.id, at(72 * HOUR));
    await queueReminders(id, T0);
    const row = byKey(await listAppointmentReminders(id))['sms:24h'];
    expect(await claimReminder(row.id, 'dead-worker', at(48 * HOUR))).toBe(true);
    expect(await claimReminder(row.id, 'other-worker', at(48 * HOUR))).toBe(false);

    expect(await sendDueReminders({ now: at(48 * HOUR + 5 * MIN) })).toMatchObject({ claimed: 0, recovered: 0 });
    expect(await sendDueReminders({ now: at(48 * HOUR + 11 * MIN) })).toMatchObject({ claimed: 0, recovered: 1 });
    const after = byKey(await listAppointmentReminders(id))['sms:24h'];
    expect(after).toMatchObject({ status: 'unknown', claimToken: null });
    expect(smsHits).toBe(0);
    // The dead worker's late report cannot overwrite the recovered row.
    expect(await settleClaimedReminder(row.id, 'dead-worker', { status: 'sent', attempts: 1, at: at(48 * HOUR + 12 * MIN) })).toBe(false);
  });

  it('delivers each reminder exactly once with three workers running at once', async () => {
    smtpMode = 'slow';
    smsMode = 'slow';
    const patients = await manyPatients(12);
    for (const p of patients) await queueReminders(await book(p.id, at(72 * HOUR)), T0);
    const now = at(48 * HOUR + MIN);
    const runs = await Promise.all(['a', 'b', 'c'].map((w) => sendDueReminders({ now, workerId: `worker-${w}` })));
    expect(runs.reduce((n, c) => n + c.claimed, 0)).toBe(24);
    expect(runs.reduce((n, c) => n + c.sent, 0)).toBe(24);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(patients.map((p) => p.email).sort());
    expect(sms.map((m) => m.to).sort()).toEqual(patients.map((p) => p.phone).sort());
  });

  it('delivers each reminder exactly once with `npm run reminders` in two other processes at the same time', async () => {
    smtpMode = 'slow';
    smsMode = 'slow';
    const realNow = new Date();
    const patients = await manyPatients(15);
    // Appointments in an hour, queued three hours ago: their 2 h reminders are due now.
    for (const p of patients) await queueReminders(await book(p.id, new Date(realNow.getTime() + HOUR)), new Date(realNow.getTime() - 3 * HOUR));

    const d = await getDatabase();
    const databaseUrl = d.dialect === 'sqlite'
      ? `file:${d.describe.slice('sqlite:'.length)}`
      : Object.assign(new URL(process.env.TEST_MYSQL_URL as string), { pathname: new URL(d.describe).pathname }).toString();
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const child = () => new Promise<{ code: number | null; out: string }>((resolve) => {
      const c = spawn(tsx, ['scripts/reminders.ts'], { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: databaseUrl } });
      let out = '';
      c.stdout.on('data', (b: Buffer) => { out += b.toString(); });
      c.stderr.on('data', (b: Buffer) => { out += b.toString(); });
      c.on('close', (code) => resolve({ code, out }));
    });
    const [one, two, here] = await Promise.all([child(), child(), sendDueReminders({ workerId: 'in-process' })]);
    expect(one.code, one.out).toBe(0);
    expect(two.code, two.out).toBe(0);
    expect(one.out).toMatch(/^Reminders \(.*\): claimed \d+, sent \d+/m);
    const claimedElsewhere = [one, two].map((r) => Number(/claimed (\d+)/.exec(r.out)?.[1]));
    expect(here.claimed + claimedElsewhere[0] + claimedElsewhere[1]).toBe(30);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(patients.map((p) => p.email).sort());
    expect(sms.map((m) => m.to).sort()).toEqual(patients.map((p) => p.phone).sort());
  });

  it('runs in-process on an interval (REMINDERS=on) until stopped, one loop per process', async () => {
    const p = await patient({ email: false });
    const realNow = new Date();
    await queueReminders(await book(p.id, new Date(realNow.getTime() + HOUR)), new Date(realNow.getTime() - 3 * HOUR));
    let sentByLoop!: () => void;
    const firstSend = new Promise<void>((resolve) => { sentByLoop = resolve; });
    const loop = startReminderLoop({ intervalSeconds: 3600, firstRunAfterMs: 0, onRun: (c) => { if (c.sent > 0) sentByLoop(); } });
    try {
      expect(startReminderLoop()).toBe(loop);
      await firstSend;
      expect(sms.map((m) => m.to)).toEqual([p.phone]);
    } finally {
      await loop.stop();
    }
    expect(startReminderLoop({ intervalSeconds: 3600, firstRunAfterMs: 3_600_000 })).not.toBe(loop);
    await startReminderLoop().stop();
  });
});
