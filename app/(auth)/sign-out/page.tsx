import type { Metadata } from 'next';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { getSessionUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Sign out' };

export default async function SignOutPage() {
  const user = await getSessionUser();
  return (
    <div className="mx-auto max-w-sm rounded-lg bg-teal-800 p-6 text-white">
      <h1 className="mb-3 text-2xl font-bold">Sign out</h1>
      {user ? (<><p className="mb-4">You are signed in as {user.name}.</p><SignOutButton /></>) : <p>You are signed out. <a className="underline" href="/sign-in">Sign in</a></p>}
    </div>
  );
}
