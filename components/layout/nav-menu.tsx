'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { useClosingDetails } from './use-closing-details';

/** A portal link: `[href, label]`. */
export type NavLink = [string, string];

/** Whether `href` is the page shown (the portal home only on itself; other links on their pages below too). */
function isCurrent(href: string, pathname: string, home: string): boolean {
  return href === home ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The portal's links (`links[0]` is the portal home). Below 768 px a "Menu" disclosure (`<details>`:
 * Enter or Space opens it, and it works before scripts load; its button says `aria-expanded`) whose
 * panel drops under the header; it closes when a link is followed, on Escape (focus back on the
 * button) and on a click outside. From 768 px the links stand in a row. The page shown is marked
 * `aria-current="page"`.
 */
export function NavMenu({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const { ref, onKeyDown } = useClosingDetails();
  const [open, setOpen] = useState(false);
  const home = links[0]?.[0] ?? '/';
  const items = (className: string) => links.map(([href, label]) => (
    <li key={href}>
      <Link href={href} aria-current={isCurrent(href, pathname, home) ? 'page' : undefined} className={className}>{label}</Link>
    </li>
  ));
  return (
    <nav aria-label="Main" className="flex flex-1 items-center justify-end md:justify-start">
      <details ref={ref} onKeyDown={onKeyDown} onToggle={(e) => setOpen(e.currentTarget.open)} className="md:hidden">
        <summary
          aria-expanded={open}
          className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded border border-white/60 px-3 text-sm hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white [&::-webkit-details-marker]:hidden"
        >
          Menu <span aria-hidden="true">▾</span>
        </summary>
        <ul
          className="absolute inset-x-0 top-full z-20 flex flex-col border-t border-white/30 bg-teal-800 px-4 pb-2 shadow-lg"
          onClick={(e) => { if (ref.current && (e.target as Element).closest('a')) ref.current.open = false; }}
        >
          {items('flex min-h-11 items-center border-b border-white/20 underline-offset-4 hover:underline aria-[current=page]:font-semibold focus-visible:outline-white')}
        </ul>
      </details>
      <ul className="hidden flex-1 flex-wrap items-center gap-x-4 md:flex">
        {items('inline-flex min-h-11 items-center whitespace-nowrap underline-offset-4 hover:underline aria-[current=page]:underline focus-visible:outline-white')}
      </ul>
    </nav>
  );
}
