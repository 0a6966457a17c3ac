/** The message primitive: errors are alerts, the rest polite statuses; the text is kept exactly; tones pick colours. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Notice, noticeRole } from './notice';

const render = (props: Parameters<typeof Notice>[0]) => renderToStaticMarkup(createElement(Notice, props));

describe('Notice', () => {
  it('an error is role="alert", without a polite live setting', () => {
    const html = render({ tone: 'error', children: 'Invalid email or password.' });
    expect(html).toBe('<p role="alert" class="rounded bg-rose-50 p-3 text-rose-900">Invalid email or password.</p>');
  });

  it('success, info and warning are role="status" with aria-live="polite"', () => {
    expect(render({ tone: 'success', children: 'Your profile is saved.' }))
      .toBe('<p role="status" aria-live="polite" class="rounded bg-emerald-50 p-3 text-emerald-900">Your profile is saved.</p>');
    expect(render({ tone: 'info', children: 'Nothing was changed.' })).toContain('role="status" aria-live="polite" class="rounded bg-slate-100 p-3 text-slate-800"');
    expect(render({ tone: 'warning', children: 'x' })).toContain('border-amber-300 bg-amber-50');
    expect(noticeRole('warning')).toEqual({ role: 'status', 'aria-live': 'polite' });
    expect(noticeRole('error')).toEqual({ role: 'alert' });
  });

  it('compact: small text without a panel; extra classes, id and test id pass through', () => {
    expect(render({ tone: 'error', compact: true, className: 'w-full', children: 'Not allowed.' }))
      .toBe('<p role="alert" class="text-sm text-rose-800 w-full">Not allowed.</p>');
    expect(render({ tone: 'success', compact: true, children: 'Cancelled.' })).toBe('<p role="status" aria-live="polite" class="text-sm text-emerald-800">Cancelled.</p>');
    const html = render({ tone: 'error', id: 'users-role-err', children: 'Role: bad.' });
    expect(html).toMatch(/^<p id="users-role-err" role="alert"/);
  });

  it('as="div" holds several paragraphs', () => {
    const html = render({ tone: 'success', as: 'div', 'data-testid': 'patient-created', children: [createElement('p', { key: 1 }, 'One'), createElement('p', { key: 2 }, 'Two')] });
    expect(html).toBe('<div data-testid="patient-created" role="status" aria-live="polite" class="rounded bg-emerald-50 p-3 text-emerald-900"><p>One</p><p>Two</p></div>');
  });
});
