/**
 * Guards for pages and server components: a signed-out visitor is sent to sign in; a user without the
 * role gets the 403 page (app/forbidden.tsx). Both go through `getSessionUser` and `assertRole`.
 */
import { forbidden, notFound, redirect } from 'next/navigation';
import type { Role } from '@/core/vocabulary';
import { assertRole, getSessionUser, type CurrentUser } from './current-user';
import { AppError } from '@/lib/errors';

/** The page where a user with a temporary password must choose their own first. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * The signed-in user with one of `roles` (any role when empty); redirects or renders 403 otherwise.
 * A user who must change their (temporary) password is sent to `/account/password` first, except on
 * that page itself (`options.passwordChangePage`, or `returnTo` being that path).
 */
export async function requirePageUser(roles: readonly Role[] = [], returnTo?: string, options: { passwordChangePage?: boolean } = {}): Promise<CurrentUser> {
  const user = await getSessionUser();
  let allowed: CurrentUser;
  try {
    allowed = assertRole(user, roles);
  } catch (e) {
    if (e instanceof AppError && e.code === 'unauthenticated') {
      redirect(`/sign-in${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ''}`);
    }
    forbidden();
  }
  if (allowed.mustChangePassword && !options.passwordChangePage && returnTo !== CHANGE_PASSWORD_PATH) redirect(CHANGE_PASSWORD_PATH);
  return allowed;
}

/** The home page of a role. */
export function homeOf(role: Role): string {
  return role === 'admin' ? '/admin' : role === 'doctor' ? '/doctor' : '/patient';
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
