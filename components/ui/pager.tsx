/**
 * Page links under a list (server component): "Previous · Page N of M · Next". A page past the end
 * never shows "Page N of M" with N > M: it says so and links to the last page (the `href` keeps the
 * list's filters). Shared by the admin lists.
 */
import Link from 'next/link';

const link = 'inline-flex min-h-11 items-center underline';

/** Whether `page` lies past the last of `pages` (an empty list has one, empty, page). */
export function isPastTheEnd(page: number, pages: number): boolean {
  return page > Math.max(1, pages);
}

/** `1 event`, `81 events`; with `verb` (singular, plural) `1 event matches these filters`. */
export function countPhrase(count: number, noun: [string, string], verb?: [string, string]): string {
  const one = count === 1;
  return `${count} ${one ? noun[0] : noun[1]}${verb ? ` ${one ? verb[0] : verb[1]}` : ''}`;
}

export function Pager({ page, pages, href, previousLabel = 'Previous', nextLabel = 'Next' }: {
  page: number; pages: number; href: (page: number) => string; previousLabel?: string; nextLabel?: string;
}) {
  const last = Math.max(1, pages);
  if (isPastTheEnd(page, last)) {
    return (
      <p role="status" className="mt-3 flex flex-wrap items-center gap-x-3 rounded bg-amber-50 px-3 text-amber-950" data-testid="page-past-end">
        <span className="py-2">Page {page} is past the end: there {last === 1 ? 'is 1 page' : `are ${last} pages`}.</span>
        <Link href={href(last)} className={link}>{last === 1 ? 'Go to the first page' : `Go to the last page (${last})`}</Link>
      </p>
    );
  }
  if (last === 1) return null;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-2">
      {page > 1 ? <Link href={href(page - 1)} className={link}>{previousLabel}</Link> : <span />}
      <span className="text-sm text-slate-600">Page {page} of {last}</span>
      {page < last ? <Link href={href(page + 1)} className={link}>{nextLabel}</Link> : <span />}
    </nav>
  );
}
