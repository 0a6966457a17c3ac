/**
 * The app's buttons, one look for every "do this" control (server-component friendly: no client code).
 * `Button` is a real `<button>` (its `type` is always written out: forms submit with `type="submit"`);
 * `ButtonLink` is a next/link that looks like one. All keep a 44 px tap target (`min-h-11`), a visible
 * keyboard focus and a dimmed disabled state. `buttonClass` gives the same classes to any other element.
 */
import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * `primary`: the page's main action (filled teal). `secondary`: an alternative (teal outline).
 * `subtle`: a minor action beside a form's fields or in a list row, such as "Add a medicine" (teal
 * outline, regular weight). `neutral`: a quiet action such as Cancel or Print (grey outline).
 * `danger`: the confirming step of a destructive action (filled rose). `danger-outline`: a destructive
 * action that first asks (rose outline).
 */
export type ButtonVariant = 'primary' | 'secondary' | 'subtle' | 'neutral' | 'danger' | 'danger-outline';
/** Horizontal padding: `sm` for buttons inside rows and lists, `md` in forms, `lg` on the landing and error pages. */
export type ButtonSize = 'sm' | 'md' | 'lg';

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

const BASE = 'min-h-11 rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:opacity-60';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-teal-700 font-semibold text-white hover:bg-teal-800',
  secondary: 'border border-teal-700 font-semibold text-teal-800 hover:bg-teal-50',
  subtle: 'border border-teal-700 text-teal-900 hover:bg-teal-50',
  neutral: 'border border-slate-400 bg-white font-semibold hover:bg-slate-50',
  danger: 'bg-rose-700 font-semibold text-white hover:bg-rose-800',
  'danger-outline': 'border border-rose-600 font-semibold text-rose-800 hover:bg-rose-50',
};

const SIZES: Record<ButtonSize, string> = { sm: 'px-3', md: 'px-4', lg: 'px-5' };

/** The classes of a button; `link` for an element that is not a `<button>` (it lines its text up the same way). */
export function buttonClass({ variant = 'primary', size = 'md', link = false, className }: ButtonStyle & { link?: boolean; className?: string } = {}): string {
  return [link && 'inline-flex items-center', BASE, VARIANTS[variant], SIZES[size], className].filter(Boolean).join(' ');
}

/** A `<button>`; `type` is required so that no form submits, or fails to, by accident. */
export function Button({ variant, size, className, type, ...rest }: ComponentProps<'button'> & ButtonStyle & { type: 'submit' | 'button' | 'reset' }) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...rest} />;
}

/** A link (next/link) that looks like a button: for going somewhere, where `Button` does something. */
export function ButtonLink({ variant, size, className, ...rest }: ComponentProps<typeof Link> & ButtonStyle) {
  return <Link className={buttonClass({ variant, size, link: true, className })} {...rest} />;
}
