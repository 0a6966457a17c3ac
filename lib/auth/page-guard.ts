/**
 * Guards for pages and server components: a signed-out visitor is sent to sign in; a user without the
 * role gets the 403 page (app/forbidden.tsx). Both go through `getSessionUser` and `assertRole`.
 */
import { forbidden, redirect } from 'next/navigation';
import type { Role } from '@/db/schema/types';
import { assertRole, getSessionUser, type CurrentUser } from './current-user';
import { AppError } from '@/lib/errors';

/** The signed-in user with one of `roles` (any role when empty); redirects or renders 403 otherwise. */
export async function requirePageUser(roles: readonly Role[] = [], returnTo?: string): Promise<CurrentUser> {
  const user = await getSessionUser();
  try {
    return assertRole(user, roles);
  } catch (e) {
    if (e instanceof AppError && e.code === 'unauthenticated') {
      redirect(`/sign-in${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ''}`);
    }
    forbidden();
  }
}

/** The home page of a role. */
export function homeOf(role: Role): string {
  return role === 'admin' ? '/admin' : role === 'doctor' ? '/doctor' : '/patient';
}
