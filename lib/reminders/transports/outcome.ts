/**
 * What a transport reports about one send. The distinction that matters is whether the message may
 * have been accepted:
 * - `sent`: the server or gateway accepted it (SMTP 250 after DATA, HTTP 2xx);
 * - `failed`: it certainly did not (a 4xx/5xx answer, a refused connection, a timeout before the message
 *   was handed over) — safe to retry; `retryable: false` when retrying cannot help (no address, no
 *   transport configured);
 * - `unknown`: the message was handed over and no answer came (a timeout or a reset after the SMTP DATA
 *   or the HTTP request body was sent) — it may have been accepted, so it is never resent blindly.
 */
export type SendOutcome =
  | { status: 'sent'; detail?: string }
  | { status: 'failed'; error: string; retryable: boolean }
  | { status: 'unknown'; error: string };

/** A short, single-line error text for storage and display. */
export function errorText(e: unknown, max = 500): string {
  const s = e instanceof Error ? e.message : typeof e === 'string' ? e : JSON.stringify(e);
  return String(s).replace(/\s+/g, ' ').trim().slice(0, max) || 'unknown error';
}
