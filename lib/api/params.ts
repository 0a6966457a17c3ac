import { notFound } from '@/lib/errors';

/** A positive integer id from a path segment; anything else is a 404 (there is no such resource). */
export function idParam(value: string | undefined, what = 'The resource'): number {
  if (!value || !/^\d{1,15}$/.test(value)) throw notFound(what);
  const n = Number(value);
  if (n < 1) throw notFound(what);
  return n;
}
