import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Notice } from '@/components/ui/notice';
import { getSessionUser } from '@/lib/auth/current-user';
import { afterSignInPath } from '@/lib/auth/after-sign-in';
import { safeLocalPath } from '@/lib/safe-path';
import { env } from '@/core/env';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Invalid email or password.',
  RateLimited: `Too many failed sign-ins. Wait up to ${env().SIGNIN_WINDOW_MINUTES} minutes and try again.`,
  Deactivated: 'This account is deactivated. Ask the clinic administrator.',
  SessionRequired: 'Please sign in to continue.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const user = await getSessionUser();
  const callbackUrl = safeLocalPath(sp.callbackUrl) ?? undefined;
  // Signed in (the form reloads this page): on to the requested page of their own portal, else home.
  if (user) redirect(afterSignInPath(user.role, callbackUrl));
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">Sign in</h1>
      {sp.registered && <Notice tone="success" className="mb-4">Your account is ready. Sign in with your email and password.</Notice>}
      <SignInForm callbackUrl={callbackUrl} initialError={sp.error ? (MESSAGES[sp.error] ?? 'Sign-in failed. Try again.') : undefined} defaultEmail={sp.email} messages={MESSAGES} />
      <p className="mt-6 text-sm">New patient? <a className="text-teal-800 underline" href="/register">Create an account</a></p>
    </div>
  );
}
