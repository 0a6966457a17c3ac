/**
 * Guards for pages and server components: a signed-out visitor is sent to sign in; a user without the
 * role gets the 403 page (app/forbidden.tsx). Both go through `getSessionUser` and `assertRole`.
 */
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import type { Role } from '@/core/vocabulary';
import { assertRole, getSessionUser, type CurrentUser } from './current-user';
import { AppError } from '@/lib/errors';
import { safeLocalPath } from '@/lib/safe-path';
import { homeOf } from './after-sign-in';

export { homeOf };

/**
 * The path and query the browser asked for (`/admin/reports?month=2026-11`), as proxy.ts passes it in the
 * `x-ehealth-path` request header; null outside a request or when it is not a safe local path.
 */
async function requestedPath(): Promise<string | null> {
  try {
    return safeLocalPath((await headers()).get('x-ehealth-path'));
  } catch {
    return null;
  }
}

/** The page where a user with a temporary password must choose their own first. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * The signed-in user with one of `roles` (any role when empty); redirects or renders 403 otherwise.
 * A signed-out visitor goes to `/sign-in?callbackUrl=<the requested path and query>` (falling back to
 * `returnTo` when the request's path is unknown), so they come back to the same page after signing in.
 * A user who must change their (temporary) password is sent to `/account/password?next=<that path>`
 * first (no `next` for their home page), except on that page itself (`options.passwordChangePage`, or `returnTo` being that path).
 */
export async function requirePageUser(roles: readonly Role[] = [], returnTo?: string, options: { passwordChangePage?: boolean } = {}): Promise<CurrentUser> {
  const user = await getSessionUser();
  let allowed: CurrentUser;
  try {
    allowed = assertRole(user, roles);
  } catch (e) {
    if (e instanceof AppError && e.code === 'unauthenticated') {
      const back = (await requestedPath()) ?? returnTo;
      redirect(`/sign-in${back ? `?callbackUrl=${encodeURIComponent(back)}` : ''}`);
    }
    forbidden();
  }
  if (allowed.mustChangePassword && !options.passwordChangePage && returnTo !== CHANGE_PASSWORD_PATH) {
    const next = (await requestedPath()) ?? returnTo;
    redirect(next && next !== homeOf(allowed.role) && !next.startsWith(CHANGE_PASSWORD_PATH) ? `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}` : CHANGE_PASSWORD_PATH);
  }
  return allowed;
}

/**
 * Awaits a service call for a page, turning its `not_found` into the 404 page and its `forbidden`
 * into the 403 page; any other error propagates (to app/error.tsx).
 */
export async function orPageError<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    if (e instanceof AppError && e.code === 'forbidden') forbidden();
    throw e;
  }
}
