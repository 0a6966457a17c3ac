/**
 * The route-handler wrapper every API route handler (app/api/.../route.ts) uses, driven by the route's
 * operation (./operation.ts): authenticate (bearer token first, browser session otherwise) → check the
 * role → refuse a user who still has a temporary password (403 `forbidden`, `reason:
 * "password_change_required"`, except on operations that allow it: login and logout) → for
 * data-changing requests authenticated only by the cookie, check that `Origin` is our own → parse the
 * path parameters, query and body by the operation (./request-input.ts) → run → answer the handler's
 * data as JSON with the operation's success status → map errors to `{"error":{"code","message",
 * "fields"?}}` with their status. Unknown errors become a generic 500. Every answer, errors included,
 * carries `Cache-Control: no-store` (patient and account data must stay out of browser and proxy caches).
 */
import crypto from 'node:crypto';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { actorOf, assertRole, getRequestUser, type CurrentUser } from '@/lib/auth/current-user';
import { clientAddressFrom } from '@/lib/auth/client-address';
import type { Actor } from '@/lib/audit/audit';
import { classifyDbError } from '@/db/dialect';
import { AppError, ERROR_STATUS, forbidden, passwordChangeRequired, validationError, zodFieldErrors } from '@/lib/errors';
import { describeError } from '@/lib/log';
import { env } from '@/core/env';
import type { Operation, OperationSpec, PathParam, PathParamNames, ServiceValidated } from './operation';
import { readRequestInput } from './request-input';

/** The typed output of the operation's query part(s). */
type PartOutput<Q> = Q extends ServiceValidated ? Record<never, never> : Q extends z.ZodType ? z.output<Q> : Record<never, never>;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The handler's `params`: each `{name}` as its `PathParam` parsed it (`{id}` → number). */
export type ParamsOf<S> = S extends { params: infer P } ? { [K in keyof P]: P[K] extends PathParam<infer T> ? T : never } : Record<string, never>;
/** The handler's `query`: the parsed query part(s), merged (`{}` without a query). */
export type QueryOf<S> = S extends { query: infer Q }
  ? (Q extends readonly unknown[] ? Intersect<PartOutput<Q[number]>> : PartOutput<Q>) & {}
  : Record<string, never>;
/** The handler's `body`: parsed; a reader when it may be left out; the raw JSON object when the service validates it. */
export type BodyOf<S> = S extends { body: infer B }
  ? B extends ServiceValidated ? Record<string, unknown>
    : B extends z.ZodType ? (S extends { bodyRequired: false } ? () => Promise<z.output<B>> : z.output<B>) : undefined
  : undefined;
/** The handler's `user`: never null where a signed-in caller is required. */
export type UserOf<S> = S extends { auth: 'public' | 'none' } ? CurrentUser | null : CurrentUser;
/** The data a handler may return for the operation's success answer (what its schema accepts). */
export type SuccessDataOf<S> = S extends { success: { schema: infer R extends z.ZodType } } ? z.input<R> : never;

/** What a handler receives: the request, the caller, and the request's parts parsed by the operation. */
export interface ApiContext<S extends OperationSpec> {
  req: Request;
  user: UserOf<S>;
  actor: Actor;
  requestId: string;
  clientAddress: string;
  params: ParamsOf<S>;
  query: QueryOf<S>;
  body: BodyOf<S>;
}

/**
 * A handler: returns the success answer's data (sent as JSON with the operation's status) or a
 * `Response` of its own (another status, headers, another media type).
 */
export type ApiHandler<S extends OperationSpec> = (ctx: ApiContext<S>) => Promise<Response | SuccessDataOf<S>>;

/** The raw path parameters Next passes (`{ id: '12' }`). */
type RawParams<S extends OperationSpec> = [PathParamNames<S['path']>] extends [never] ? Record<string, string> : { [K in PathParamNames<S['path']>]: string };

/**
 * A Next route handler made by `withApi`; `P` are its raw path parameters. It also carries its
 * operation (`operationOf`), left out of the type so that a call's type stays that of a plain function.
 */
export type RouteHandler<P> = (req: Request, ctx?: { params?: Promise<P> | P }) => Promise<Response>;

const HANDLER_OPERATION = Symbol.for('ehealth.routeOperation');

/** The operation a route handler was made with by `withApi` (undefined for any other function). */
export function operationOf(handler: unknown): Operation | undefined {
  return typeof handler === 'function' ? (handler as unknown as Record<symbol, Operation | undefined>)[HANDLER_OPERATION] : undefined;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The Cache-Control value of every API answer: nothing is kept by a browser or proxy cache. */
export const API_CACHE_CONTROL = 'no-store';

/** Sets `Cache-Control: no-store` on `res` (every API answer, errors included) and returns it. */
export function noStore<R extends Response>(res: R): R {
  try {
    res.headers.set('Cache-Control', API_CACHE_CONTROL);
    return res;
  } catch {
    // A response with immutable headers (Response.redirect, a fetched one): copy it.
    const copy = new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
    copy.headers.set('Cache-Control', API_CACHE_CONTROL);
    return copy as R;
  }
}

/** `no-store` unless the handler's own `Response` chose a Cache-Control (public reference data). */
function defaultNoStore(res: Response, own: boolean): Response {
  return own && res.headers.has('Cache-Control') ? res : noStore(res);
}

/** JSON error response in the API's envelope (with `Cache-Control: no-store`). */
export function errorResponse(e: AppError, requestId?: string): NextResponse {
  const body: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.fields) body.fields = e.fields;
  if (e.extra) Object.assign(body, e.extra);
  const headers: Record<string, string> = { 'Cache-Control': API_CACHE_CONTROL };
  if (e.retryAfterSeconds) headers['Retry-After'] = String(e.retryAfterSeconds);
  if (e.code === 'unauthenticated') headers['WWW-Authenticate'] = 'Bearer realm="E-Health"';
  if (e.code === 'method_not_allowed' && Array.isArray(e.extra?.allowed)) headers.Allow = (e.extra.allowed as string[]).join(', ');
  if (requestId) headers['X-Request-Id'] = requestId;
  return NextResponse.json({ error: body }, { status: e.status, headers });
}

/** Maps any thrown value to an AppError, or null for an unexpected error (→ 500). */
export function toAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  // A copy of AppError from another server chunk: rebuild it from its fields.
  if (e && typeof e === 'object' && (e as Error).name === 'AppError' && (e as AppError).code in ERROR_STATUS) {
    const x = e as AppError;
    return new AppError(x.code, x.message, x.fields, x.extra, x.retryAfterSeconds);
  }
  if (e && typeof e === 'object' && 'issues' in e && Array.isArray((e as { issues: unknown }).issues)) {
    return validationError(zodFieldErrors((e as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues));
  }
  const kind = classifyDbError(e);
  if (kind === 'unique') return new AppError('conflict', 'This conflicts with an existing record.');
  if (kind === 'busy' || kind === 'deadlock') return new AppError('conflict', 'The database is busy; try again.');
  return null;
}

function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return false;
  // The forwarded host counts only behind our own proxy; otherwise a client could set it.
  const host = (env().TRUST_PROXY === '1' ? req.headers.get('x-forwarded-host') : null) ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Handlers for the methods a route does not support: 405 in the JSON envelope with an `Allow` header.
 * `export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST'])`.
 */
export function methodsNotAllowed(allowed: string[]) {
  const h = Object.assign(
    async () => errorResponse(new AppError('method_not_allowed', `Use ${allowed.join(' or ')} on this path.`, undefined, { allowed })),
    { [NOT_ALLOWED]: true },
  );
  return { GET: h, POST: h, PUT: h, PATCH: h, DELETE: h };
}

/** Marks the handlers made by `methodsNotAllowed` (the route inventory tells them from real ones). */
export const NOT_ALLOWED = Symbol.for('ehealth.methodNotAllowed');

/** True for a handler made by `methodsNotAllowed`. */
export function isMethodNotAllowedHandler(h: unknown): boolean {
  return typeof h === 'function' && (h as unknown as Record<symbol, unknown>)[NOT_ALLOWED] === true;
}

/**
 * Wraps a route handler with its operation (see the module comment). The returned function carries the
 * operation (`operationOf`), so the route inventory and the OpenAPI document can be compared.
 */
export function withApi<const S extends OperationSpec>(operation: Operation<S>, handler: NoInfer<ApiHandler<S>>): RouteHandler<RawParams<S>> {
  const op: OperationSpec = operation;
  const auth = op.auth ?? 'required';
  const run = async (req: Request, ctx?: { params?: Promise<RawParams<S>> | RawParams<S> }): Promise<Response> => {
    const requestId = crypto.randomUUID();
    const clientAddress = clientAddressFrom(req.headers);
    try {
      const user = auth === 'none' ? null : await getRequestUser(req);
      if (auth === 'required') assertRole(user, op.roles ?? []);
      if (user?.mustChangePassword && !op.allowTemporaryPassword) throw passwordChangeRequired();
      if (user?.via === 'session' && MUTATING.has(req.method) && !sameOrigin(req)) {
        throw forbidden('Cross-site request refused: the Origin header must be this site.');
      }
      const input = await readRequestInput(op, req, ((await ctx?.params) ?? {}) as Record<string, string>);
      const context = {
        req, user, requestId, clientAddress, ...input,
        actor: actorOf(user, { clientAddress, requestId }),
      } as ApiContext<S>;
      const out = await handler(context);
      const own = out instanceof Response;
      const res = out instanceof Response ? out : NextResponse.json(out, { status: op.success.status });
      res.headers.set('X-Request-Id', requestId);
      return defaultNoStore(res, own);
    } catch (e) {
      const app = toAppError(e);
      if (app) return errorResponse(app, requestId);
      console.error(`[api] ${req.method} ${new URL(req.url).pathname} request ${requestId} failed: ${describeError(e)}`);
      return NextResponse.json({ error: { code: 'internal_error', message: 'Something went wrong on our side. It has been logged.' } }, { status: 500, headers: { 'X-Request-Id': requestId, 'Cache-Control': API_CACHE_CONTROL } });
    }
  };
  return Object.assign(run, { [HANDLER_OPERATION]: operation as Operation }) as RouteHandler<RawParams<S>>;
}
