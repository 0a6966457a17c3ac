import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/page-guard';
import { safeLocalPath } from '@/lib/safe-path';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Change password' };

/** Any signed-in user changes their password here; a user with a temporary password is sent here first. */
export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const user = await requirePageUser([], '/account/password', { passwordChangePage: true });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-bold">{user.mustChangePassword ? 'Choose your own password' : 'Change your password'}</h1>
      {user.mustChangePassword && (
        <p className="mb-4 text-slate-600">Your account was created with a temporary password. Choose a new one to continue.</p>
      )}
      <PasswordForm temporary={user.mustChangePassword} next={safeLocalPath(next) ?? undefined} />
    </div>
  );
}
