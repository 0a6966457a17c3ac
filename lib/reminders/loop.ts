/**
 * The in-process reminder sender: started by instrumentation.ts when REMINDERS=on. Runs
 * `sendDueReminders` every REMINDERS_INTERVAL_SECONDS (default 60); the next run is scheduled only when
 * the previous one has finished, so runs never overlap. The timer is unref'd: it never keeps the process
 * alive. Other workers (`npm run reminders`, other server instances) may run at the same time: claiming
 * keeps each reminder to one sender.
 */
import os from 'node:os';
import { env } from '@/core/env';
import { sendDueReminders, type SendDueCounts } from './send-due-reminders';

export interface ReminderLoop {
  /** Stops scheduling; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

const G = globalThis as unknown as { __ehealthReminderLoop?: ReminderLoop };

/** Starts the loop (once per process: a second call returns the running loop). */
export function startReminderLoop(options: { intervalSeconds?: number; firstRunAfterMs?: number; onRun?: (c: SendDueCounts) => void } = {}): ReminderLoop {
  if (G.__ehealthReminderLoop) return G.__ehealthReminderLoop;
  const intervalMs = (options.intervalSeconds ?? env().REMINDERS_INTERVAL_SECONDS) * 1000;
  const workerId = `${os.hostname()}:${process.pid}:loop`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  function tick() {
    running = (async () => {
      try {
        const c = await sendDueReminders({ workerId });
        options.onRun?.(c);
        if (c.claimed || c.recovered) {
          console.log(`[reminders] claimed ${c.claimed}: sent ${c.sent}, retrying ${c.retried}, failed ${c.failed}, unknown ${c.unknown}, skipped ${c.skipped}; recovered ${c.recovered}`);
        }
      } catch (e) {
        console.error('[reminders] run failed:', e instanceof Error ? e.message : e);
      } finally {
        running = undefined;
        schedule(intervalMs);
      }
    })();
  }

  const loop: ReminderLoop = {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (G.__ehealthReminderLoop === loop) G.__ehealthReminderLoop = undefined;
    },
  };
  G.__ehealthReminderLoop = loop;
  console.log(`[reminders] sending due reminders every ${intervalMs / 1000} s`);
  schedule(options.firstRunAfterMs ?? Math.min(intervalMs, 5000));
  return loop;
}
