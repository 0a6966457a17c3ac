import { countRemindersByStatus, countRetryingReminders, listRemindersForAdmin } from '@/db/repositories/reminders';
import { REMINDER_STATUSES, type ReminderStatus } from '@/core/vocabulary';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';

export type ReminderOutboxItem = Awaited<ReturnType<typeof listRemindersForAdmin>>[number];

/**
 * The reminder outbox for an admin: how many reminders are in each status (and how many pending ones
 * are retrying after a failure), and the latest `limit` rows with the problems first — failed, then
 * unknown (may or may not have reached the patient), then retrying, then the rest. Each row carries its
 * appointment time, patient and doctor names, attempts and last error. Admins only.
 */
export async function listReminderProblems(user: CurrentUser | null, options: { limit?: number } = {}) {
  assertRole(user, ['admin']);
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const [byStatus, retrying, items] = await Promise.all([countRemindersByStatus(), countRetryingReminders(), listRemindersForAdmin(limit)]);
  const counts = Object.fromEntries(REMINDER_STATUSES.map((s) => [s, byStatus[s] ?? 0])) as Record<ReminderStatus, number>;
  return { counts, retrying, problems: counts.failed + counts.unknown + retrying, items };
}
