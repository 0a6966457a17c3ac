import type { Role } from '@/core/vocabulary';
import { safeLocalPath } from '@/lib/safe-path';

/** The home page of a role: `/admin`, `/doctor` or `/patient`. */
export function homeOf(role: Role): string {
  return role === 'admin' ? '/admin' : role === 'doctor' ? '/doctor' : '/patient';
}

const PORTALS: readonly Role[] = ['admin', 'doctor', 'patient'];

/**
 * Where a user of `role` lands after signing in (or choosing their own password), given the requested
 * `callbackUrl`: that path with its query when it is a safe local path (see `safeLocalPath`) and not in
 * another role's portal; otherwise the role's home. A path of another role's portal (a patient sent to
 * `/admin/reports`) goes to the user's own home rather than the 403 page; the sign-in and register pages
 * go home too (no loop).
 */
export function afterSignInPath(role: Role, callbackUrl: string | null | undefined): string {
  const safe = safeLocalPath(callbackUrl);
  if (!safe) return homeOf(role);
  const first = safe.split(/[/?#]/)[1] ?? '';
  if ((PORTALS as readonly string[]).includes(first) && first !== role) return homeOf(role);
  if (first === 'sign-in' || first === 'register' || first === 'api') return homeOf(role);
  return safe;
}

/**
 * Where a user goes after changing their password: the same page as `afterSignInPath` (the page a
 * temporary-password user first asked for, or home), carrying `password=changed` in its query so the
 * header's notice confirms the change wherever they land (`/admin/reports?month=2026-11` →
 * `/admin/reports?month=2026-11&password=changed`; a `#fragment` stays last). The password page itself
 * is never the destination (home instead).
 */
export function afterPasswordChangePath(role: Role, next: string | null | undefined): string {
  const to = afterSignInPath(role, next);
  const url = new URL(to.startsWith('/account/password') ? homeOf(role) : to, 'http://local.invalid');
  url.searchParams.set('password', 'changed');
  return `${url.pathname}${url.search}${url.hash}`;
}
