'use client';
import { signOut } from 'next-auth/react';

/** Ends the browser session (on the server too) and returns to this site's sign-in page, whatever NEXTAUTH_URL says. */
export function SignOutButton({ className = 'min-h-11 rounded border border-white/60 px-3 hover:bg-white/10' }: { className?: string }) {
  return (
    <button type="button" onClick={async () => { await signOut({ redirect: false }); window.location.assign('/sign-in'); }} className={className}>
      Sign out
    </button>
  );
}
