/**
 * Next.js start-up hook (runs once per server process). Loads the ICD-10 search index in the
 * background so the first search does not wait for it; with REMINDERS=on, the Node.js server also
 * sends due appointment reminders every REMINDERS_INTERVAL_SECONDS (lib/reminders/loop.ts).
 * It also hands the health check's answer to the server (scripts/serve.mjs), which answers the load
 * balancer's or monitor's plain `GET /api/health-check/` with it before Next's router: the probe
 * runs often and must stay cheap; the answer is the route's own (lib/health/health-answer.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { healthAnswer } = await import('./lib/health/health-answer');
  (globalThis as { __ehealthHealthAnswer?: typeof healthAnswer }).__ehealthHealthAnswer = healthAnswer;
  setTimeout(() => {
    import('./lib/records/icd10').then((m) => m.preloadIcd10()).catch(() => { /* loaded on first search instead */ });
  }, 1000).unref();
  if (process.env.REMINDERS === 'on') {
    const { startReminderLoop } = await import('./lib/reminders/loop');
    startReminderLoop();
  }
}
