import { describe, expect, it } from 'vitest';
import { describeReminderChannels } from './reminder-channels';

const none = { SMTP_URL: undefined, SMS_GATEWAY_URL: undefined, REMINDERS: 'off' as const, REMINDERS_INTERVAL_SECONDS: 60 };

describe('describeReminderChannels', () => {
  it('says what to set when nothing is configured', () => {
    expect(describeReminderChannels(none)).toEqual([
      { key: 'email', label: 'Email', configured: false, detail: 'Set SMTP_URL to send reminder emails.' },
      { key: 'sms', label: 'SMS', configured: false, detail: 'Set SMS_GATEWAY_URL to send text messages.' },
      { key: 'in_server', label: 'Sending from the server', configured: false, detail: 'Run `npm run reminders` every minute (e.g. from cron), or set REMINDERS=on.' },
    ]);
  });
  it('names the hosts it sends through, never the credentials', () => {
    const channels = describeReminderChannels({ SMTP_URL: 'smtp://clinic:s3cret@mail.example.org:587', SMS_GATEWAY_URL: 'https://sms.example.org/send?key=abc', REMINDERS: 'on', REMINDERS_INTERVAL_SECONDS: 30 });
    expect(channels.map((c) => [c.key, c.configured, c.detail])).toEqual([
      ['email', true, 'Sent through the mail server mail.example.org:587.'],
      ['sms', true, 'Sent through the SMS gateway sms.example.org.'],
      ['in_server', true, 'The server sends due reminders every 30 seconds.'],
    ]);
    expect(JSON.stringify(channels)).not.toMatch(/s3cret|clinic:|key=abc/);
  });
  it('treats a blank or unparsable URL as not configured, saying why', () => {
    const [email, sms] = describeReminderChannels({ ...none, SMTP_URL: 'not a url', SMS_GATEWAY_URL: '   ' });
    expect(email).toMatchObject({ configured: false, detail: 'SMTP_URL is not a valid URL.' });
    expect(sms).toMatchObject({ configured: false, detail: 'Set SMS_GATEWAY_URL to send text messages.' });
  });
});
