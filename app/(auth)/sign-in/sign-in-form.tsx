'use client';
import { signIn } from 'next-auth/react';
import { useState } from 'react';

/** Email + password form posting to next-auth's credentials provider; shows the error in words. */
export function SignInForm({ callbackUrl, initialError, defaultEmail, messages }: { callbackUrl?: string; initialError?: string; defaultEmail?: string; messages: Record<string, string> }) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
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
      {error && <p role="alert" className="rounded bg-rose-50 p-3 text-rose-900">{error}</p>}
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="font-medium">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={defaultEmail} className="min-h-11 rounded border border-slate-400 px-3 py-2" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="min-h-11 rounded border border-slate-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={busy} className="min-h-11 rounded bg-teal-700 px-4 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
