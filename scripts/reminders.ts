/**
 * `npm run reminders`: sends the appointment reminders that are due, once, and prints what happened.
 * Safe beside the web server's loop (REMINDERS=on) and other runs: each reminder is claimed before it
 * is sent. Configuration: DATABASE_URL, SMTP_URL, REMINDER_FROM, SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN,
 * REMINDER_SEND_TIMEOUT_MS, CLINIC_NAME, CLINIC_TIME_ZONE. Exits 1 when the run itself fails.
 */
import { closeDatabase, getDatabase } from '@/db';
import { sendDueReminders } from '@/lib/reminders/send-due-reminders';

async function main() {
  const db = await getDatabase();
  const c = await sendDueReminders({ workerId: `cli:${process.pid}` });
  console.log(`Reminders (${db.describe}): claimed ${c.claimed}, sent ${c.sent}, retrying ${c.retried}, failed ${c.failed}, unknown ${c.unknown}, skipped ${c.skipped}, recovered ${c.recovered}.`);
  await closeDatabase();
}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.message : e);
  await closeDatabase();
  process.exit(1);
});
