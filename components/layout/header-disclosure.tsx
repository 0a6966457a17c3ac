'use client';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A header menu built on `<details>`: `summary` is its button (Enter or Space opens it, and it works
 * before scripts load; `aria-expanded` says whether it is open), `children` the panel, rendered on the
 * server. It closes when a link inside is followed or the page changes, on a click outside it, and on
 * Escape (focus back on its button). The only script of the header.
 */
export function HeaderDisclosure({ summary, summaryLabel, summaryClassName, className, children }: {
  summary: ReactNode;
  summaryLabel?: string;
  summaryClassName: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  // Opened before the scripts ran: say so.
  useEffect(() => { setOpen(!!ref.current?.open); }, []);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);
  return (
    <details
      ref={ref}
      className={className}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onClick={(e) => { if (ref.current && (e.target as Element).closest('a')) ref.current.open = false; }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary aria-expanded={open} aria-label={summaryLabel} className={`${summaryClassName} [&::-webkit-details-marker]:hidden`}>{summary}</summary>
      {children}
    </details>
  );
}
