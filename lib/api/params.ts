/** Path parameters of the API: how an operation documents each `{name}` and how the wrapper reads it. */
import { z } from 'zod';
import { notFound } from '@/lib/errors';
import type { PathParam } from './operation';

/** A positive integer id from a path segment; anything else is a 404 (there is no such resource). */
export function idParam(value: string | undefined, what = 'The resource'): number {
  if (!value || !/^\d{1,15}$/.test(value)) throw notFound(what);
  const n = Number(value);
  if (n < 1) throw notFound(what);
  return n;
}

/** How every `{id}` is documented. */
const ID_SCHEMA = z.coerce.number().int().positive().meta({ description: 'The resource id (a positive integer; anything else is a 404).', example: 1 });

/** `{id}`: a positive integer (`idParam`); anything else is a 404 `<what> was not found.` */
export function idPathParam(what: string): PathParam<number> {
  return { schema: ID_SCHEMA, parse: (raw) => idParam(raw, what) };
}

/** A segment that must be one of `schema`'s values (it documents them); anything else is a 404 `<what> was not found.` */
export function pathParam<S extends z.ZodType<string, string>>(schema: S, what: string): PathParam<z.output<S>> {
  return {
    schema,
    parse(raw) {
      const r = schema.safeParse(raw);
      if (!r.success) throw notFound(what);
      return r.data;
    },
  };
}

/**
 * A segment passed to the handler as text: `schema` documents the values the service accepts (the
 * service answers the rest, e.g. with a 404 that lists them, after checking the query).
 */
export function textPathParam(schema: z.ZodType): PathParam<string> {
  return { schema, parse: (raw) => raw };
}
