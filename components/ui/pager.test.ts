/** The page links of the admin lists: never "Page 14 of 13"; past the end, a way back to the last page. */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Pager, countPhrase, isPastTheEnd } from './pager';

const href = (p: number) => `/admin/users?role=doctor&page=${p}`;
const render = (page: number, pages: number) => renderToString(createElement(Pager, { page, pages, href }))
  .replace(/<!-- -->/g, '').replace(/&amp;/g, '&');

describe('Pager', () => {
  it('inside the list: previous, "Page N of M", next', () => {
    const html = render(2, 3);
    expect(html).toContain('Page 2 of 3');
    expect(html).toContain(`href="${href(1)}"`);
    expect(html).toContain(`href="${href(3)}"`);
    expect(render(1, 1)).toBe('');
  });

  it('past the end: says so and links to the last page, keeping the filters', () => {
    const html = render(14, 13);
    expect(html).toContain('Page 14 is past the end: there are 13 pages.');
    expect(html).toContain(`href="${href(13)}"`);
    expect(html).not.toMatch(/Page \d+ of/);
    expect(html).not.toContain(`href="${href(15)}"`);
    const far = render(100_000, 2);
    expect(far).toContain('Page 100000 is past the end: there are 2 pages.');
    expect(far).toContain(`href="${href(2)}"`);
    expect(far).not.toContain(`href="${href(99_999)}"`);
    const empty = render(3, 1);
    expect(empty).toContain('Page 3 is past the end: there is 1 page.');
    expect(empty).toContain(`href="${href(1)}"`);
  });

  it('isPastTheEnd and countPhrase', () => {
    expect([isPastTheEnd(2, 2), isPastTheEnd(3, 2), isPastTheEnd(1, 0), isPastTheEnd(2, 0)]).toEqual([false, true, false, true]);
    expect(countPhrase(1, ['event', 'events'], ['matches these filters', 'match these filters'])).toBe('1 event matches these filters');
    expect(countPhrase(27, ['event', 'events'], ['matches these filters', 'match these filters'])).toBe('27 events match these filters');
    expect(countPhrase(0, ['user', 'users'])).toBe('0 users');
  });
});
