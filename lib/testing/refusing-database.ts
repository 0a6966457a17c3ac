/**
 * A stand-in for the process-wide database that fails at the first use with `message` (a test that
 * reached a database it must not use), instead of anything quietly opening `data/ehealth.sqlite`.
 */
import type { Database } from '@/db';

/** The stand-in (see the module comment); install it with `useDatabase`. */
export function refusingDatabase(message: string): Database {
  return new Proxy({} as Database, {
    get(_target, key) {
      // Symbols are asked by inspection (util.inspect, pretty-format), not by database use.
      if (typeof key === 'symbol') return undefined;
      // `tables` picks a schema from the dialect: answer as if no database were installed.
      if (key === 'dialect') return undefined;
      throw new Error(message);
    },
  });
}
