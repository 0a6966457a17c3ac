'use client';
import { signOut } from 'next-auth/react';

/** Signs the browser session out and returns to the sign-in page. */
export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/sign-in' })} className="min-h-11 rounded border border-white/60 px-3 hover:bg-white/10">
      Sign out
    </button>
  );
}
