/**
 * Reminder emails over SMTP with nodemailer (`SMTP_URL`, e.g. `smtp://user:pass@mail.example.org:587`
 * or `smtps://…:465`; nodemailer's URL query options such as `?requireTLS=true` apply).
 *
 * Outcome classification (see outcome.ts): the server's 4xx/5xx reply at any stage → failed (nothing was
 * accepted); a refused or broken connection or a timeout BEFORE the server's 354 answer to DATA → failed
 * (the message had not been handed over); a timeout or a dropped connection AFTER the 354 (the message
 * was being or had been transmitted, and the final reply never came) → unknown. The phase is followed
 * through nodemailer's transaction log, which reports every server reply to a logger we pass in.
 */
import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { errorText, type SendOutcome } from './outcome';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface EmailTransport {
  send(message: EmailMessage): Promise<SendOutcome>;
}

export interface SmtpOptions {
  /** SMTP URL (`smtp://` or `smtps://`). */
  url: string;
  /** The From header, e.g. `E-Health <no-reply@clinic.example>`. */
  from: string;
  /** Connection, greeting and inactivity timeout, in ms. */
  timeoutMs: number;
}

/** An email transport over SMTP. One connection per message (reminders are few; nothing to pool). */
export function createSmtpEmailTransport(opts: SmtpOptions): EmailTransport {
  return {
    async send(message) {
      // nodemailer's transaction log passes every server reply to logger.debug({ tnx: 'server' }, reply):
      // a 354 is the server's go-ahead for the message itself.
      let dataStarted = false;
      const noop = () => {};
      const logger = {
        level: noop, trace: noop, info: noop, warn: noop, error: noop, fatal: noop,
        debug: (entry: { tnx?: string } | undefined, reply?: unknown) => {
          if (entry?.tnx === 'server' && typeof reply === 'string' && /^354\b/.test(reply)) dataStarted = true;
        },
      };
      const transport = nodemailer.createTransport(new SMTPTransport({
        url: opts.url,
        logger,
        transactionLog: true,
        connectionTimeout: opts.timeoutMs,
        greetingTimeout: opts.timeoutMs,
        socketTimeout: opts.timeoutMs,
        dnsTimeout: opts.timeoutMs,
      }));
      try {
        const info = await transport.sendMail({ from: opts.from, to: message.to, subject: message.subject, text: message.text });
        return { status: 'sent', detail: String(info.response ?? '').slice(0, 200) };
      } catch (e) {
        return classifySmtpError(e, dataStarted);
      } finally {
        transport.close();
      }
    },
  };
}

/** The outcome of a nodemailer error, given whether the server had answered DATA with 354. */
export function classifySmtpError(e: unknown, dataStarted: boolean): SendOutcome {
  const err = (e ?? {}) as { responseCode?: number; response?: string; code?: string };
  if (typeof err.responseCode === 'number' && err.responseCode >= 400) {
    return { status: 'failed', error: `SMTP ${err.responseCode}: ${errorText(err.response ?? e, 300)}`, retryable: true };
  }
  if (dataStarted) {
    return { status: 'unknown', error: `No final SMTP reply after the message was sent (${err.code ?? 'error'}: ${errorText(e, 200)}); it may have been delivered.` };
  }
  return { status: 'failed', error: `SMTP ${err.code ?? 'error'}: ${errorText(e, 300)}`, retryable: true };
}
