'use server';
import { redirect } from 'next/navigation';
import { action } from '@/lib/api/action';
import { homeOf } from '@/lib/auth/page-guard';
import { changePassword } from '@/lib/users/change-password';
import { changePasswordSchema } from '@/lib/users/schemas';

/** Password form → the new password saved (temporary-password flag cleared), then the user's home page. */
export const changePasswordAction = action(changePasswordSchema, async (input, { user, actor }) => {
  await changePassword({ user, actor, input });
  redirect(`${homeOf(user.role)}?password=changed`);
}, { allowTemporaryPassword: true });
