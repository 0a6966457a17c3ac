import Link from 'next/link';
import { HeaderDisclosure } from './header-disclosure';
import { SignOutButton } from './sign-out-button';

/**
 * The signed-in user's account menu in the header (a `HeaderDisclosure`) holding "Change password" and
 * "Sign out". Fits a 360 px screen beside the clinic name and the portal menu: the name truncates, the
 * role shows from 640 px; the button's name always says both.
 */
export function AccountMenu({ name, role }: { name: string; role: string }) {
  return (
    <HeaderDisclosure
      className="relative min-w-0 text-sm"
      summaryLabel={`Signed in as ${name} (${role}): account menu`}
      summaryClassName="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded border border-white/60 px-3 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
      summary={<>
        <span className="max-w-[6.5rem] truncate sm:max-w-[10rem]">{name}</span>
        <span className="hidden opacity-80 sm:inline">({role})</span>
        <span aria-hidden="true">▾</span>
      </>}
    >
      <div className="absolute right-0 z-20 mt-1 flex w-56 max-w-[calc(100vw-2rem)] flex-col gap-2 rounded border border-slate-300 bg-white p-2 text-slate-900 shadow-lg">
        <Link href="/account/password" className="flex min-h-11 items-center rounded px-3 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-700">
          Change password
        </Link>
        <SignOutButton className="min-h-11 rounded border border-slate-400 px-3 text-left font-semibold hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700" />
      </div>
    </HeaderDisclosure>
  );
}
