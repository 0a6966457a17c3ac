'use client';
/**
 * The message a form shows after it submits (saved, refused, "correct the fields marked below"). When it
 * appears, and again on every new answer (`answer`, e.g. the action state or its `nonce`), it is scrolled to
 * the middle of the screen and receives focus (`tabIndex={-1}`), so a person on a phone or a screen reader
 * meets it at once instead of it sitting above the screen. Otherwise it is a `Notice`.
 */
import { useEffect, useRef, type ComponentProps } from 'react';
import { Notice } from './notice';

export function FormNotice({ answer, ...props }: Omit<ComponentProps<typeof Notice>, 'ref' | 'tabIndex'> & { answer?: unknown }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [answer]);
  return <Notice {...props} ref={ref} tabIndex={-1} className={['scroll-mt-4 focus:outline-2 focus:outline-offset-2 focus:outline-slate-700', props.className].filter(Boolean).join(' ')} />;
}
