/**
 * The client's address for rate limits and the audit log, read from the first `X-Forwarded-For` hop.
 * The app's server (scripts/serve.mjs) removes any client-sent `X-Forwarded-For` unless
 * `TRUST_PROXY=1`, so Next.js then fills it with the socket's address; behind our own reverse proxy
 * (`TRUST_PROXY=1`) the proxy's header is used.
 */
type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(h: HeaderBag, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** The client address (at most 64 characters), or 'unknown'. */
export function clientAddressFrom(headers: HeaderBag): string {
  const xff = header(headers, 'x-forwarded-for');
  const first = xff?.split(',')[0]?.trim();
  return first ? first.slice(0, 64) : 'unknown';
}
