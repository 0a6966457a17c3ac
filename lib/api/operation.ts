/**
 * One REST API operation, described once: its method and path, summary, tag, who may call it, the zod
 * schemas of its path parameters, query and body, its success answer and the errors it documents.
 * Both readers take it from here: the route wrapper (`withApi`, ./with-api.ts) authenticates, checks
 * roles and parses the request by it, and the OpenAPI document (./openapi/document.ts) is generated
 * from it. Each domain defines its operations in `lib/<domain>/operations.ts`; a route file only pairs
 * one with its handler: `export const POST = withApi(bookAppointmentOperation, async ({ user, body }) => …)`.
 */
import type { z } from 'zod';
import type { Role } from '@/core/vocabulary';
import type { ErrorCode } from '@/lib/errors';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * 'required' (the default): a signed-in user. 'public': no user needed (the handler still sees one if
 * present). 'none': the caller is not even looked up (probes and the documentation).
 */
export type AuthMode = 'required' | 'public' | 'none';

/** The names of a path template's `{name}` segments: `'/api/users/{id}/'` → `'id'`. */
export type PathParamNames<P extends string> = P extends `${string}{${infer N}}${infer R}` ? N | PathParamNames<R> : never;

/**
 * A path parameter: `schema` documents it; `parse` turns the raw segment into the value the handler
 * receives, throwing the route's error (a 404: there is no such resource) when it cannot.
 * Made by the helpers in ./params.ts.
 */
export interface PathParam<T = unknown> {
  readonly schema: z.ZodType;
  parse(raw: string): T;
}

/**
 * A request part whose rules depend on more than its shape (who asks, which other filters resolve),
 * so the service validates it: the document shows `schema`, the wrapper passes the part on unparsed.
 */
export interface ServiceValidated<S extends z.ZodType = z.ZodType> {
  readonly serviceValidated: S;
}

/** Marks a query part or a body as validated by the service (see `ServiceValidated`). */
export function validatedByService<S extends z.ZodType>(schema: S): ServiceValidated<S> {
  return { serviceValidated: schema };
}

/** True for a part made by `validatedByService`. */
export function isServiceValidated(part: unknown): part is ServiceValidated {
  return typeof part === 'object' && part !== null && 'serviceValidated' in part;
}

/** One schema of the query string (zod-openapi renders each member of an object as one parameter). */
export type QueryPart = z.ZodType | ServiceValidated;

export interface SuccessSpec {
  status: 200 | 201;
  description: string;
  /** JSON body schema: the handler's returned data must fit it (`z.input`). */
  schema?: z.ZodType;
  /** A media type other than JSON (the handler returns a `Response`; documented as a string body). */
  contentType?: string;
  /** Other media types the same answer may take (e.g. `text/csv` with `?format=csv`), as text. */
  alsoAs?: readonly string[];
  headers?: z.ZodObject;
}

export interface OperationSpec {
  method: ApiMethod;
  /** The route's template with its trailing slash, e.g. `/api/users/{id}/` (as `listApiRoutes()` spells it). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth?: AuthMode;
  /** Roles let in (any signed-in role when omitted); only with auth 'required'. */
  roles?: readonly Role[];
  /**
   * Lets a user who must change their temporary password call this operation (default false: they get
   * a 403 `forbidden` with `reason: "password_change_required"`, whatever the auth mode).
   */
  allowTemporaryPassword?: boolean;
  /** One entry per `{name}` of the path. */
  params?: Readonly<Record<string, PathParam>>;
  /** The query schema, or several parsed one after the other (pagination, then filters) and merged. */
  query?: QueryPart | readonly QueryPart[];
  body?: z.ZodType | ServiceValidated;
  /**
   * False when the body may be left out (default: required when there is one). The handler then gets
   * a reader, `body()`, and reads the body only when it needs it (e.g. the reason was not in the query).
   */
  bodyRequired?: boolean;
  success: SuccessSpec;
  /** Other non-error answers, e.g. the health check's 503. */
  otherResponses?: Readonly<Record<number, { description: string; schema: z.ZodType }>>;
  /**
   * Error answers besides those implied: 400 with a query or body, 401 when a caller is required,
   * 403 with roles, on data-changing methods (a cookie-only request from another origin) and on one
   * resource (`{id}`: not the caller's), 404 with an `{id}`.
   */
  errors?: readonly ErrorCode[];
  /** Implied errors this operation never gives. */
  noErrors?: readonly ErrorCode[];
}

const OPERATION = Symbol.for('ehealth.apiOperation');

/** An operation made by `defineOperation`, its literal type kept for the handler's context. */
export type Operation<S extends OperationSpec = OperationSpec> = S & { readonly [OPERATION]: true };

/** True for a value made by `defineOperation`. */
export function isOperation(value: unknown): value is Operation {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[OPERATION] === true;
}

type ParamsOfPath<P extends string> = [PathParamNames<P>] extends [never]
  ? { params?: undefined }
  : { params: { readonly [K in PathParamNames<P>]: PathParam } };

/**
 * Defines an operation (see the module comment). Throws when its `params` do not name exactly the
 * path's `{name}` segments (the types say so too).
 */
export function defineOperation<const S extends OperationSpec>(spec: S & ParamsOfPath<S['path']>): Operation<S> {
  const inPath = [...spec.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
  const declared = Object.keys(spec.params ?? {}).sort();
  if (inPath.join() !== declared.join()) {
    throw new Error(`${spec.method} ${spec.path}: params [${declared}] must name the path's segments [${inPath}]`);
  }
  return Object.freeze({ ...spec, [OPERATION]: true as const });
}

/** `schema` named `id` in the OpenAPI document (listed once under `components.schemas`); parses as `schema`. */
export function named<S extends z.ZodType>(schema: S, id: string, description?: string): S {
  return schema.meta({ id, ...(description ? { description } : {}) });
}
