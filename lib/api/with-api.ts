/**
 * The route-handler wrapper every API route handler (app/api/.../route.ts) uses:
 * authenticate (bearer token first, browser session otherwise) → check the role → refuse a user who
 * still has a temporary password (403 `forbidden`, `reason: "password_change_required"`, except on
 * routes that allow it: login and logout) → for data-changing
 * requests authenticated only by the cookie, check that `Origin` is our own → run → map errors to
 * `{"error":{"code","message","fields"?}}` with their status. Unknown errors become a generic 500.
 */
import crypto from 'node:crypto';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import type { Role } from '@/core/vocabulary';
import { actorOf, assertRole, getRequestUser, type CurrentUser } from '@/lib/auth/current-user';
import { clientAddressFrom } from '@/lib/auth/client-address';
import type { Actor } from '@/lib/audit/audit';
import { classifyDbError } from '@/db/dialect';
import { AppError, ERROR_STATUS, forbidden, passwordChangeRequired, validationError, zodFieldErrors } from '@/lib/errors';
import { describeError } from '@/lib/log';
import { env } from '@/core/env';

export interface ApiContext<P = Record<string, string>> {
  req: Request;
  params: P;
  /** Null only on routes declared `{ auth: 'public' }`. */
  user: CurrentUser | null;
  actor: Actor;
  requestId: string;
  clientAddress: string;
  /** Parses the JSON body with `schema`; malformed JSON or a mismatch is a 400 validation_error. */
  body<S extends z.ZodType>(schema: S): Promise<z.infer<S>>;
  /** Parses the query string with `schema` (400 on mismatch). */
  query<S extends z.ZodType>(schema: S): z.infer<S>;
}

export interface ApiOptions {
  /**
   * 'required' (default): a signed-in user. 'public': no user needed (the handler still sees one if
   * present). 'none': the caller is not even looked up (probes such as the health check).
   */
  auth?: 'public' | 'required' | 'none';
  /** Roles allowed (any signed-in role when omitted). */
  roles?: readonly Role[];
  /**
   * Lets a user who must change their temporary password call this route (default false: they get a
   * 403 `forbidden` with `reason: "password_change_required"` on every route, whatever the auth mode, until the password is changed).
   */
  allowTemporaryPassword?: boolean;
}

type Handler<P> = (ctx: ApiContext<P>) => Promise<Response | unknown>;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The largest JSON body the API reads (1 MiB). */
const MAX_BODY_BYTES = 1024 * 1024;

/** JSON error response in the API's envelope. */
export function errorResponse(e: AppError, requestId?: string): NextResponse {
  const body: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.fields) body.fields = e.fields;
  if (e.extra) Object.assign(body, e.extra);
  const headers: Record<string, string> = {};
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

/** Wraps a route handler (see the module comment). The handler returns a Response or JSON-able data (200). */
export function withApi<P = Record<string, string>>(handler: Handler<P>, options: ApiOptions = {}) {
  return async (req: Request, ctx?: { params?: Promise<P> | P }): Promise<Response> => {
    const requestId = crypto.randomUUID();
    const clientAddress = clientAddressFrom(req.headers);
    try {
      const user = options.auth === 'none' ? null : await getRequestUser(req);
      if (options.auth === undefined || options.auth === 'required') assertRole(user, options.roles ?? []);
      if (user?.mustChangePassword && !options.allowTemporaryPassword) throw passwordChangeRequired();
      if (user?.via === 'session' && MUTATING.has(req.method) && !sameOrigin(req)) {
        throw forbidden('Cross-site request refused: the Origin header must be this site.');
      }
      const params = ((await ctx?.params) ?? {}) as P;
      const context: ApiContext<P> = {
        req, params, user, requestId, clientAddress,
        actor: actorOf(user, { clientAddress, requestId }),
        async body(schema) {
          let raw: unknown;
          const tooLarge = () => validationError({ _: ['The request body is too large.'] }, `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
          if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
          const text = await req.text();
          if (text.length > MAX_BODY_BYTES) throw tooLarge();
          try {
            raw = text.trim() === '' ? {} : JSON.parse(text); // no body: the fields it lacks are reported
          } catch {
            throw validationError({ _: ['The request body must be valid JSON.'] }, 'Malformed JSON body.');
          }
          const r = schema.safeParse(raw);
          if (!r.success) throw validationError(zodFieldErrors(r.error.issues));
          return r.data;
        },
        query(schema) {
          const r = schema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
          if (!r.success) throw validationError(zodFieldErrors(r.error.issues));
          return r.data;
        },
      };
      const out = await handler(context);
      const res = out instanceof Response ? out : NextResponse.json(out);
      res.headers.set('X-Request-Id', requestId);
      return res;
    } catch (e) {
      const app = toAppError(e);
      if (app) return errorResponse(app, requestId);
      console.error(`[api] ${req.method} ${new URL(req.url).pathname} request ${requestId} failed: ${describeError(e)}`);
      return NextResponse.json({ error: { code: 'internal_error', message: 'Something went wrong on our side. It has been logged.' } }, { status: 500, headers: { 'X-Request-Id': requestId } });
    }
  };
}
