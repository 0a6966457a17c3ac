import Link from 'next/link';
import { getSessionUser } from '@/lib/auth/current-user';
import { Suspense } from 'react';
import { AccountMenu } from './account-menu';
import { PasswordChangedNotice } from './password-changed-notice';

const NAV: Record<string, Array<[string, string]>> = {
  patient: [['/patient', 'Home'], ['/patient/book', 'Book'], ['/patient/appointments', 'My appointments'], ['/patient/records', 'My records'], ['/patient/profile', 'My profile']],
  doctor: [['/doctor', 'Today'], ['/doctor/upcoming', 'Upcoming'], ['/doctor/patients', 'Patients'], ['/doctor/availability', 'Availability']],
  admin: [['/admin', 'Dashboard'], ['/admin/users', 'Users'], ['/admin/activity', 'Activity'], ['/admin/doctors', 'Doctors'], ['/admin/reminders', 'Reminders'], ['/admin/reports', 'Reports'], ['/admin/diagnoses', 'Diagnoses']],
};

/**
 * The top bar: the clinic name, the signed-in user's portal links and their account menu (change
 * password, sign out); below it, the notice that a password was just changed.
 */
export async function SiteHeader() {
  const user = await getSessionUser().catch(() => null);
  return (
    <>
    <header className="bg-teal-800 text-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link href="/" className="py-2 text-lg font-semibold">E-Health</Link>
        <nav aria-label="Main" className="order-last flex w-full flex-wrap items-center gap-x-3 sm:order-none sm:w-auto sm:flex-1">
          {user && NAV[user.role]?.map(([href, label]) => (
            <Link key={href} href={href} className="inline-flex min-h-11 items-center whitespace-nowrap underline-offset-4 hover:underline">{label}</Link>
          ))}
        </nav>
        {user ? (
          <AccountMenu name={user.name} role={user.role} />
        ) : (
          <div className="flex gap-3 text-sm">
            <Link href="/sign-in" className="inline-flex min-h-11 items-center underline-offset-4 hover:underline">Sign in</Link>
            <Link href="/register" className="inline-flex min-h-11 items-center underline-offset-4 hover:underline">Register</Link>
          </div>
        )}
      </div>
    </header>
    {user && <Suspense fallback={null}><PasswordChangedNotice /></Suspense>}
    </>
  );
}
