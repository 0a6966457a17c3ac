/** The API's list pagination: clear messages for a bad page, and links that never lead past the end. */
import { describe, expect, it } from 'vitest';
import { MAX_PAGE, paginated, paginationSchema } from './pagination';

const messages = (q: Record<string, string>) => {
  const r = paginationSchema.safeParse(q);
  return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('paginationSchema', () => {
  it('says which pages exist instead of zod internals', () => {
    const page = `page must be a whole number from 1 to ${MAX_PAGE}.`;
    expect(messages({ page: '99999999999999999999' })).toEqual({ page });
    expect(messages({ page: String(MAX_PAGE + 1) })).toEqual({ page });
    expect(messages({ page: '0' })).toEqual({ page });
    expect(messages({ page: '1.5' })).toEqual({ page });
    expect(messages({ page: 'abc' })).toEqual({ page });
    expect(messages({ page_size: '101' })).toEqual({ page_size: 'page_size must be a whole number from 1 to 100.' });
    expect(messages({ page_size: 'x' })).toEqual({ page_size: 'page_size must be a whole number from 1 to 100.' });
    expect(paginationSchema.parse({ page: String(MAX_PAGE) })).toEqual({ page: MAX_PAGE, page_size: 20 });
    expect(paginationSchema.parse({})).toEqual({ page: 1, page_size: 20 });
  });
});

describe('paginated', () => {
  const req = new Request('http://127.0.0.1:3000/api/things/?q=x&page=999999', { headers: { host: 'clinic.example:3000' } });
  const page = (u: string | null) => (u ? new URL(u).searchParams.get('page') : null);

  it('links the neighbouring pages inside the list', () => {
    const env = paginated(req, { page: 2, page_size: 20 }, 81, []);
    expect(page(env.previous)).toBe('1');
    expect(page(env.next)).toBe('3');
    expect(new URL(env.next!).host).toBe('clinic.example:3000');
    expect(new URL(env.next!).searchParams.get('q')).toBe('x');
  });

  it('past the end, `previous` is the last page (not page - 1) and `next` is null', () => {
    const env = paginated(req, { page: 999_999, page_size: 20 }, 81, []);
    expect(page(env.previous)).toBe('5');
    expect(env.next).toBeNull();
    expect(page(paginated(req, { page: 6, page_size: 20 }, 81, []).previous)).toBe('5');
    expect(page(paginated(req, { page: 7, page_size: 20 }, 0, []).previous)).toBe('1');
    expect(paginated(req, { page: 1, page_size: 20 }, 0, []).previous).toBeNull();
  });
});
