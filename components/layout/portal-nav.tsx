import Link from 'next/link';
import { HeaderDisclosure } from './header-disclosure';

/** A portal link: `[href, label]`. */
export type NavLink = [string, string];

/**
 * The portal's links, rendered on the server. Below 768 px they fold into a "Menu" button (a
 * `HeaderDisclosure`) whose panel drops under the header, so the header stays one 60 px row on a phone;
 * from 768 px they stand in a row. The header must be `position: relative` (the panel spans it).
 */
export function PortalNav({ links }: { links: NavLink[] }) {
  const items = (className: string) => links.map(([href, label]) => (
    <li key={href}><Link href={href} className={className}>{label}</Link></li>
  ));
  return (
    <nav aria-label="Main" className="flex flex-1 items-center justify-end md:justify-start">
      <HeaderDisclosure
        className="md:hidden"
        summaryClassName="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded border border-white/60 px-3 text-sm hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        summary={<>Menu <span aria-hidden="true">▾</span></>}
      >
        <ul className="absolute inset-x-0 top-full z-20 flex flex-col border-t border-white/30 bg-teal-800 px-4 pb-2 shadow-lg">
          {items('flex min-h-11 items-center border-b border-white/20 underline-offset-4 hover:underline focus-visible:outline-white')}
        </ul>
      </HeaderDisclosure>
      <ul className="hidden flex-1 flex-wrap items-center gap-x-4 md:flex">
        {items('inline-flex min-h-11 items-center whitespace-nowrap underline-offset-4 hover:underline focus-visible:outline-white')}
      </ul>
    </nav>
  );
}
