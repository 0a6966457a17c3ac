/**
 * Logging that never writes health data: database errors carry the statement's parameters (names,
 * phones, password hashes) in their message, so only their kind and driver code are logged.
 */

/** A one-line description of `e` safe for the server log. */
export function describeError(e: unknown): string {
  if (!e || typeof e !== 'object') return String(e);
  const err = e as { name?: string; message?: string; cause?: { code?: string; errno?: number; name?: string } };
  if ('query' in err || 'params' in err || (typeof err.message === 'string' && err.message.startsWith('Failed query'))) {
    const c = err.cause;
    return `database error ${c?.code ?? ''}${c?.errno ? ` errno ${c.errno}` : ''}`.replace(/\s+/g, ' ').trim();
  }
  const first = (err.message ?? '').split('\n')[0].slice(0, 200);
  return `${err.name ?? 'Error'}: ${first}`;
}
