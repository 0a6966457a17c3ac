/**
 * A message after something happened: a form saved or refused, a filter that cannot apply (server-component
 * friendly). Errors are `role="alert"` (read out at once); the others `role="status"` with
 * `aria-live="polite"` (read out when the reader is free). The words carry the meaning; the colour only
 * repeats it.
 */
import type { HTMLAttributes, Ref } from 'react';

/** `success`: it worked. `error`: it did not, and what to do. `info`: nothing happened, and why. `warning`: worked, but read this. */
export type NoticeTone = 'success' | 'error' | 'info' | 'warning';

const PANEL: Record<NoticeTone, string> = {
  success: 'rounded bg-emerald-50 p-3 text-emerald-900',
  error: 'rounded bg-rose-50 p-3 text-rose-900',
  info: 'rounded bg-slate-100 p-3 text-slate-800',
  warning: 'rounded border border-amber-300 bg-amber-50 p-3 text-amber-950',
};

/** Compact: small coloured text without a panel, for a message beside a small control (a row's action). */
const COMPACT: Record<NoticeTone, string> = {
  success: 'text-sm text-emerald-800',
  error: 'text-sm text-rose-800',
  info: 'text-sm text-slate-700',
  warning: 'text-sm text-amber-900',
};

/** The role (and live setting) that goes with a tone. */
export function noticeRole(tone: NoticeTone): { role: 'alert' } | { role: 'status'; 'aria-live': 'polite' } {
  return tone === 'error' ? { role: 'alert' } : { role: 'status', 'aria-live': 'polite' };
}

/** One message in a panel (or, `compact`, as small text); `as="div"` when it holds several paragraphs.
 * After a form submits use `FormNotice` (`./form-notice`), which also brings the message into view and focuses it. */
export function Notice({ tone, compact = false, as: Tag = 'p', className, children, ref, ...rest }: Omit<HTMLAttributes<HTMLElement>, 'role'> & {
  tone: NoticeTone; compact?: boolean; as?: 'p' | 'div'; 'data-testid'?: string; ref?: Ref<HTMLElement>;
}) {
  const classes = [(compact ? COMPACT : PANEL)[tone], className].filter(Boolean).join(' ');
  // One element type or the other; a ref to either is a ref to an HTMLElement.
  return <Tag {...rest} ref={ref as Ref<HTMLParagraphElement & HTMLDivElement>} {...noticeRole(tone)} className={classes}>{children}</Tag>;
}
