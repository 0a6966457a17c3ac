/** List pagination of the API: `?page=&page_size=` (≤ 100) → `{count, next, previous, results}`. */
import { z } from 'zod';

/** The highest page a list answers (far beyond any real list; keeps offsets small and exact). */
export const MAX_PAGE = 1_000_000;
/** The largest `page_size`. */
export const MAX_PAGE_SIZE = 100;

/** A whole number from 1 to `max`, with one plain message for anything else (text, fractions, 0, too big). */
const wholeNumber = (name: string, max: number) => {
  const message = `${name} must be a whole number from 1 to ${max}.`;
  return z.coerce.number({ error: message }).int({ error: message }).min(1, { error: message }).max(max, { error: message });
};

export const paginationSchema = z.object({
  page: wholeNumber('page', MAX_PAGE).default(1),
  page_size: wholeNumber('page_size', MAX_PAGE_SIZE).default(20),
});
export type Pagination = z.infer<typeof paginationSchema>;

/** `{ limit, offset }` for a page. */
export function pageWindow(p: Pagination) {
  return { limit: p.page_size, offset: (p.page - 1) * p.page_size };
}

/**
 * The list envelope; `next`/`previous` are absolute URLs of the neighbouring pages or null. Past the
 * end, `previous` is the last page (page 1 for an empty list), so following it leads back to results.
 */
export function paginated<T>(req: Request, p: Pagination, count: number, results: T[]) {
  const link = (page: number) => {
    const u = new URL(req.url);
    // The server may see its bind address (0.0.0.0) in req.url: answer on the host the client used.
    const host = req.headers.get('host');
    if (host && /^[\w.:[\]-]+$/.test(host)) u.host = host;
    u.searchParams.set('page', String(page));
    u.searchParams.set('page_size', String(p.page_size));
    return u.toString();
  };
  return {
    count,
    next: p.page * p.page_size < count ? link(p.page + 1) : null,
    previous: p.page > 1 ? link(Math.min(p.page - 1, Math.max(1, Math.ceil(count / p.page_size)))) : null,
    results,
  };
}

/**
 * The schema of `paginated`'s envelope around `item`, named `name` in the OpenAPI document (`UserList`).
 * Make one per list and share it: the document registers each name once.
 */
export function paginatedSchema<T extends z.ZodType>(item: T, name: string) {
  return z.object({
    count: z.number().int().nonnegative().meta({ description: 'Items in the whole list.' }),
    next: z.url().nullable().meta({ description: 'Absolute URL of the next page, or null.' }),
    previous: z.url().nullable().meta({ description: 'Absolute URL of the previous page, or null.' }),
    results: z.array(item),
  }).meta({ id: name, description: `A page of ${name.replace(/List$/, '')} items, stable order (id as the last tie-breaker).` });
}
