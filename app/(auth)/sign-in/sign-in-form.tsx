'use client';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';

/**
 * Email + password form posting to next-auth's credentials provider; shows the error in words, brought
 * into view and focused after every failed attempt.
 */
export function SignInForm({ callbackUrl, initialError, defaultEmail, messages }: { callbackUrl?: string; initialError?: string; defaultEmail?: string; messages: Record<string, string> }) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setAttempt((n) => n + 1);
    const form = new FormData(e.currentTarget);
    if (!String(form.get('email') ?? '').trim() || !String(form.get('password') ?? '')) {
      setBusy(false);
      setError('Enter your email and your password.');
      return;
    }
    const res = await signIn('credentials', { email: String(form.get('email')), password: String(form.get('password')), redirect: false });
    if (!res || res.error || !res.ok) {
      setBusy(false);
      setError(messages[res?.error ?? ''] ?? (res?.status === 429 ? messages.RateLimited : 'Sign-in failed. Try again.'));
      return;
    }
    // The server sends a signed-in visitor on to their portal (or to callbackUrl).
    window.location.assign(`/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`);
  }

  return (
    <form onSubmit={onSubmit} method="post" className="flex flex-col gap-4" noValidate>
      {error && <FormNotice tone="error" answer={attempt}>{error}</FormNotice>}
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="font-medium">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={defaultEmail} className="min-h-11 rounded border border-slate-400 px-3 py-2" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="min-h-11 rounded border border-slate-400 px-3 py-2" />
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
