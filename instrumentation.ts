/**
 * Next.js start-up hook (runs once per server process). With REMINDERS=on, the Node.js server also
 * sends due appointment reminders every REMINDERS_INTERVAL_SECONDS (lib/reminders/loop.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.REMINDERS === 'on') {
    const { startReminderLoop } = await import('./lib/reminders/loop');
    startReminderLoop();
  }
}
