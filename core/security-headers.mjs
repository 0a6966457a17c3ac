// The headers every answer carries (plain JavaScript: read by next.config.ts for Next's answers and by
// scripts/serve.mjs for the health probe it answers itself). Patient pages must not be framed by
// another site (clickjacking), nor sniffed, nor leak their URL.
/** @type {ReadonlyArray<{ key: string, value: string }>} */
export const SECURITY_HEADERS = Object.freeze([
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
]);
