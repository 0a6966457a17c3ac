/** List pagination of the API: `?page=&page_size=` (≤ 100) → `{count, next, previous, results}`. */
import { z } from 'zod';

export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  page_size: z.coerce.number().int().min(1).max(100, 'page_size is at most 100').default(20),
});
export type Pagination = z.infer<typeof paginationSchema>;

/** `{ limit, offset }` for a page. */
export function pageWindow(p: Pagination) {
  return { limit: p.page_size, offset: (p.page - 1) * p.page_size };
}

/** The list envelope; `next`/`previous` are absolute URLs of the neighbouring pages or null. */
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
    previous: p.page > 1 ? link(p.page - 1) : null,
    results,
  };
}
