'use server';
import { redirect } from 'next/navigation';
import { action } from '@/lib/api/action';
import { assertRole } from '@/lib/auth/current-user';
import { homeOf } from '@/lib/auth/page-guard';
import { changePassword } from '@/lib/users/change-password';
import { changePasswordSchema } from '@/lib/users/schemas';

/** Password form → the new password saved (temporary-password flag cleared), then the user's home page. */
export const changePasswordAction = action(changePasswordSchema, async (input, { user, actor }) => {
  const me = assertRole(user);
  await changePassword({ user: me, actor, input });
  redirect(`${homeOf(me.role)}?password=changed`);
}, { allowTemporaryPassword: true });
