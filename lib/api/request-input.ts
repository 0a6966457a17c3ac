/**
 * Reads an API request by its operation: the path parameters (each by its `PathParam`), the query
 * string and the JSON body (by their zod schemas). A mismatch is a 400 `validation_error` with the
 * fields (a path parameter's own error, usually a 404, for the path); malformed or oversized JSON too.
 */
import { z } from 'zod';
import { validationError, zodFieldErrors } from '@/lib/errors';
import { isServiceValidated, type OperationSpec, type QueryPart } from './operation';

/** The largest JSON body the API reads (1 MiB). */
const MAX_BODY_BYTES = 1024 * 1024;

/** What the wrapper accepts for a body the service validates: any JSON object. */
const JSON_OBJECT = z.record(z.string(), z.unknown());

/** The parsed request parts handed to a handler (typed per operation by `ApiContext`). */
interface RequestInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError(zodFieldErrors(r.error.issues));
  return r.data;
}

/** The JSON body of `req` parsed with `schema`; no body reads as `{}` (so the fields it lacks are reported). */
async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const tooLarge = () => validationError({ _: ['The request body is too large.'] }, `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw tooLarge();
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw validationError({ _: ['The request body must be valid JSON.'] }, 'Malformed JSON body.');
  }
  return parseWith(schema, raw);
}

/** The query string parsed part by part, in order (the first part that fails answers), merged. */
function parseQuery(query: QueryPart | readonly QueryPart[] | undefined, req: Request): Record<string, unknown> {
  if (query === undefined) return {};
  const raw = Object.fromEntries(new URL(req.url).searchParams);
  const parts = Array.isArray(query) ? (query as readonly QueryPart[]) : [query as QueryPart];
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    if (isServiceValidated(part)) continue; // the handler hands the raw query to its service
    Object.assign(out, parseWith(part, raw));
  }
  return out;
}

/**
 * The request's parts as the operation describes them: path parameters first (a 404 for a resource
 * that cannot exist), then the query, then the body — read now, or on demand through a reader when the
 * operation says the body may be left out.
 */
export async function readRequestInput(op: OperationSpec, req: Request, rawParams: Record<string, string>): Promise<RequestInput> {
  const params: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(op.params ?? {})) params[name] = p.parse(rawParams[name] ?? '');
  const query = parseQuery(op.query, req);
  let body: unknown;
  if (op.body !== undefined) {
    const schema = isServiceValidated(op.body) ? JSON_OBJECT : op.body;
    if (op.bodyRequired === false) {
      let read: Promise<unknown> | undefined;
      body = () => (read ??= readJsonBody(req, schema));
    } else {
      body = await readJsonBody(req, schema);
    }
  }
  return { params, query, body };
}
