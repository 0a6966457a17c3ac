/**
 * Which reminder channels this server has (for the admin's reminders page): email through SMTP, SMS
 * through the HTTP gateway, and whether the server sends due reminders itself. Addresses are shown by
 * host only, never with a user name, password or token.
 */
import { env, type Env } from '@/core/env';

export interface ReminderChannel {
  key: 'email' | 'sms' | 'in_server';
  label: string;
  configured: boolean;
  /** One sentence: where it sends, or what to set to turn it on. */
  detail: string;
}

/** The host (and port) of a URL setting, or null when it does not parse. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/**
 * `[email, sms, in_server]` from the environment `e` (the validated environment by default). A URL that
 * does not parse counts as not configured, with the reason.
 */
export function describeReminderChannels(e: Pick<Env, 'SMTP_URL' | 'SMS_GATEWAY_URL' | 'REMINDERS' | 'REMINDERS_INTERVAL_SECONDS'> = env()): ReminderChannel[] {
  const smtp = e.SMTP_URL?.trim() ? hostOf(e.SMTP_URL.trim()) : undefined;
  const gateway = e.SMS_GATEWAY_URL?.trim() ? hostOf(e.SMS_GATEWAY_URL.trim()) : undefined;
  return [
    {
      key: 'email', label: 'Email', configured: Boolean(smtp),
      detail: smtp ? `Sent through the mail server ${smtp}.`
        : smtp === null ? 'SMTP_URL is not a valid URL.' : 'Set SMTP_URL to send reminder emails.',
    },
    {
      key: 'sms', label: 'SMS', configured: Boolean(gateway),
      detail: gateway ? `Sent through the SMS gateway ${gateway}.`
        : gateway === null ? 'SMS_GATEWAY_URL is not a valid URL.' : 'Set SMS_GATEWAY_URL to send text messages.',
    },
    {
      key: 'in_server', label: 'Sending from the server', configured: e.REMINDERS === 'on',
      detail: e.REMINDERS === 'on' ? `The server sends due reminders every ${e.REMINDERS_INTERVAL_SECONDS} seconds.`
        : 'Run `npm run reminders` every minute (e.g. from cron), or set REMINDERS=on.',
    },
  ];
}
