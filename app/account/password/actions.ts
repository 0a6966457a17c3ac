'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/api/action';
import { afterPasswordChangePath } from '@/lib/auth/after-sign-in';
import { changePassword } from '@/lib/users/change-password';
import { changePasswordSchema } from '@/lib/users/schemas';

/** The password form, plus the page a temporary-password user first asked for (`next`, kept only when safe). */
const formSchema = z.intersection(changePasswordSchema, z.object({ next: z.string().max(512).optional() }));

/**
 * Password form → the new password saved (temporary-password flag cleared), then the page the user
 * first asked for (`next`) or else their home page, with `password=changed` in the query either way.
 */
export const changePasswordAction = action(formSchema, async ({ next, ...input }, { user, actor }) => {
  await changePassword({ user, actor, input });
  redirect(afterPasswordChangePath(user.role, next));
}, { allowTemporaryPassword: true });
