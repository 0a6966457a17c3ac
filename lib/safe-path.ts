/**
 * A redirect target from user input, kept on this site: a plain absolute path (`/doctor`, `/patient?x=1`)
 * or null. Refuses scheme-relative (`//evil`), backslash (`/\evil`), encoded or control-character tricks
 * that browsers would turn into another host.
 */
export function safeLocalPath(input: string | null | undefined): string | null {
  if (!input || input.length > 512) return null;
  if (!input.startsWith('/') || input.startsWith('//')) return null;
  if (/[\\\u0000-\u001f\u007f\s]/.test(input)) return null;
  let decoded = input;
  try {
    decoded = decodeURIComponent(input);
  } catch {
    return null;
  }
  if (decoded.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(decoded)) return null;
  const base = 'http://ehealth.invalid';
  const u = new URL(input, base);
  if (u.origin !== base) return null;
  return u.pathname + u.search + u.hash;
}
