/** The button primitives: a real <button> keeps the type it is given; a link looks the same; variants and sizes pick their classes. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button, ButtonLink, buttonClass } from './button';

const classesOf = (html: string) => /class="([^"]*)"/.exec(html)![1].split(' ');

describe('Button', () => {
  it('renders a <button> with the given type, text and attributes', () => {
    const html = renderToStaticMarkup(createElement(Button, { type: 'submit', disabled: true, name: 'action', value: 'confirm' }, 'Save'));
    expect(html).toMatch(/^<button type="submit" [^>]*>Save<\/button>$/);
    for (const attribute of ['disabled=""', 'name="action"', 'value="confirm"']) expect(html).toContain(attribute);
    expect(renderToStaticMarkup(createElement(Button, { type: 'button' }, 'Add'))).toContain('type="button"');
  });

  it('primary and medium by default: a 44 px target, focus ring, dimmed when disabled', () => {
    const c = classesOf(renderToStaticMarkup(createElement(Button, { type: 'submit' }, 'Save')));
    expect(c).toEqual(expect.arrayContaining(['min-h-11', 'rounded', 'font-semibold', 'bg-teal-700', 'text-white', 'hover:bg-teal-800', 'px-4', 'disabled:opacity-60']));
    expect(c.filter((k) => k.startsWith('focus-visible:outline'))).not.toHaveLength(0);
    expect(c).not.toContain('inline-flex');
  });

  it('variants and sizes', () => {
    const c = (variant: Parameters<typeof buttonClass>[0]) => buttonClass(variant).split(' ');
    expect(c({ variant: 'secondary' })).toEqual(expect.arrayContaining(['border', 'border-teal-700', 'text-teal-800', 'font-semibold']));
    expect(c({ variant: 'subtle' })).toEqual(expect.arrayContaining(['border', 'border-teal-700', 'text-teal-900']));
    expect(c({ variant: 'subtle' }).filter((k) => k.startsWith('font-'))).toEqual([]);
    expect(c({ variant: 'neutral' })).toEqual(expect.arrayContaining(['border', 'border-slate-400', 'bg-white']));
    expect(c({ variant: 'danger' })).toEqual(expect.arrayContaining(['bg-rose-700', 'text-white']));
    expect(c({ variant: 'danger-outline' })).toEqual(expect.arrayContaining(['border', 'border-rose-600', 'text-rose-800']));
    expect(c({ variant: 'danger' })).not.toContain('bg-teal-700');
    expect([c({ size: 'sm' }), c({ size: 'md' }), c({ size: 'lg' })].map((k) => k.find((x) => /^px-\d$/.test(x)))).toEqual(['px-3', 'px-4', 'px-5']);
    expect(c({ className: 'self-start' })).toContain('self-start');
    for (const variant of ['primary', 'secondary', 'subtle', 'neutral', 'danger', 'danger-outline'] as const) expect(c({ variant })).toContain('min-h-11');
  });
});

describe('ButtonLink', () => {
  it('renders a link that lines up like a button', () => {
    const html = renderToStaticMarkup(createElement(ButtonLink, { href: '/patient/book', variant: 'secondary', size: 'lg', className: 'self-start' }, 'Book an appointment'));
    expect(html).toMatch(/^<a [^>]*href="\/patient\/book"[^>]*>Book an appointment<\/a>$/);
    expect(classesOf(html)).toEqual(expect.arrayContaining(['inline-flex', 'items-center', 'min-h-11', 'border-teal-700', 'px-5', 'self-start']));
    expect(buttonClass({ link: true }).split(' ')).toEqual(expect.arrayContaining(['inline-flex', 'items-center', 'bg-teal-700']));
  });
});
