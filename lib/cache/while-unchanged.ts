/**
 * Reuses a computed read for as long as the database's data is unchanged (SQLite: `changeStamp()`,
 * which moves on any commit by another process and on any row this process changes). Never stale: a
 * value is only served under the exact stamp it was computed under. On MySQL (no stamp) every call
 * computes. For reads that are costly to build and asked for often between writes, such as the
 * dashboard's statistics.
 */
import { getDatabase } from '@/db';

const MAX_ENTRIES = 64;

/** One named cache: `get(key, compute)` answers the value computed for `key` under the current stamp, computing it when needed. */
export function cacheWhileUnchanged<T>() {
  const entries = new Map<string, { stamp: string; value: Promise<T> }>();
  return {
    async get(key: string, compute: () => Promise<T>): Promise<T> {
      const stamp = (await getDatabase()).changeStamp();
      if (stamp === null) return compute();
      const hit = entries.get(key);
      if (hit && hit.stamp === stamp) {
        entries.delete(key);
        entries.set(key, hit); // most recently used last
        return hit.value;
      }
      const value = compute();
      entries.delete(key);
      entries.set(key, { stamp, value });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    /** Forgets every value (tests). */
    clear() {
      entries.clear();
    },
  };
}
