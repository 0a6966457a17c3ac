/**
 * Database errors by kind, for both dialects (no imports of the client, so db/index.ts can use it).
 */
import { GateTimeoutError } from './sqlite-gate';

/** A Drizzle query error (by shape: `query`, `params`, `cause`), from any copy of drizzle-orm. */
export function isDrizzleQueryError(e: unknown): e is Error & { query: string; params: unknown[]; cause: unknown } {
  return !!e && typeof e === 'object' && 'query' in e && 'params' in e && 'cause' in e && (e as { cause: unknown }).cause != null;
}

export type DbErrorKind = 'unique' | 'foreign_key' | 'not_null' | 'busy' | 'deadlock' | null;

/**
 * Classifies a database error (after unwrapping Drizzle's `DrizzleQueryError.cause`):
 * MySQL errno 1062 → unique, 1451/1452 → foreign_key, 1048 → not_null, 1213/1205/1305 → deadlock;
 * SQLite `SQLITE_CONSTRAINT_UNIQUE`/`_PRIMARYKEY` → unique, `_FOREIGNKEY` → foreign_key,
 * `_NOTNULL` → not_null, `SQLITE_BUSY*` or a gate timeout → busy. Anything else → null.
 */
export function classifyDbError(e: unknown): DbErrorKind {
  // Duck-typed, not instanceof: the built app may hold several copies of drizzle-orm in its chunks.
  let err = e as { name?: string; cause?: unknown; errno?: number; code?: string } | undefined;
  for (let i = 0; i < 5 && isDrizzleQueryError(err); i++) err = (err as { cause: typeof err }).cause;
  if (!err || typeof err !== 'object') return null;
  if (err instanceof GateTimeoutError || err.name === 'GateTimeoutError') return 'busy';
  switch (err.errno) {
    case 1062: return 'unique';
    case 1451: case 1452: return 'foreign_key';
    case 1048: return 'not_null';
    // 1305 "SAVEPOINT … does not exist": the server already rolled the whole transaction back (a
    // deadlock inside a nested transaction), and this is the error that surfaces instead.
    case 1213: case 1205: case 1305: return 'deadlock';
  }
  const code = String(err.code ?? '');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign_key';
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return 'not_null';
  if (code.startsWith('SQLITE_BUSY')) return 'busy';
  return null;
}

/**
 * The message of a database error's root cause: Drizzle wraps driver errors with the full SQL and its
 * parameters (which may hold patient data); the driver's own message names the problem without them.
 */
export function rootCauseMessage(e: unknown): string {
  let err = e;
  for (let i = 0; i < 5 && isDrizzleQueryError(err); i++) err = (err as { cause: unknown }).cause;
  return err instanceof Error ? err.message : String(err);
}
