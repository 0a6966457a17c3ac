import Link from 'next/link';
import { getSessionUser } from '@/lib/auth/current-user';
import { Suspense } from 'react';
import { AccountMenu } from './account-menu';
import { PortalNav, type NavLink } from './portal-nav';
import { PasswordChangedNotice } from './password-changed-notice';

const NAV: Record<string, NavLink[]> = {
  patient: [['/patient', 'Home'], ['/patient/book', 'Book'], ['/patient/appointments', 'My appointments'], ['/patient/records', 'My records'], ['/patient/profile', 'My profile']],
  doctor: [['/doctor', 'Today'], ['/doctor/upcoming', 'Upcoming'], ['/doctor/patients', 'Patients'], ['/doctor/availability', 'Availability']],
  admin: [['/admin', 'Dashboard'], ['/admin/users', 'Users'], ['/admin/activity', 'Activity'], ['/admin/doctors', 'Doctors'], ['/admin/reminders', 'Reminders'], ['/admin/reports', 'Reports'], ['/admin/diagnoses', 'Diagnoses']],
};

/**
 * The top bar: the clinic name, the signed-in user's portal links (a "Menu" button below 768 px, so the
 * bar stays one 60 px row on a phone) and their account menu (change password, sign out); below it, the
 * notice that a password was just changed.
 */
export async function SiteHeader() {
  const user = await getSessionUser().catch(() => null);
  const links = user ? NAV[user.role] : undefined;
  return (
    <>
    <header className="relative bg-teal-800 text-white print:hidden">
      <div className="mx-auto flex max-w-5xl items-center gap-x-3 px-4 py-2 md:gap-x-4">
        <Link href="/" className="inline-flex min-h-11 shrink-0 items-center text-lg font-semibold focus-visible:outline-white">E-Health</Link>
        {links ? <PortalNav links={links} /> : <div className="flex-1" />}
        {user ? (
          <AccountMenu name={user.name} role={user.role} />
        ) : (
          <div className="flex gap-3 text-sm">
            <Link href="/sign-in" className="inline-flex min-h-11 items-center underline-offset-4 hover:underline focus-visible:outline-white">Sign in</Link>
            <Link href="/register" className="inline-flex min-h-11 items-center underline-offset-4 hover:underline focus-visible:outline-white">Register</Link>
          </div>
        )}
      </div>
    </header>
    {user && <Suspense fallback={null}><PasswordChangedNotice /></Suspense>}
    </>
  );
}
