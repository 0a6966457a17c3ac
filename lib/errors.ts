/**
 * Typed application errors and their API codes (api-shapes.md). Services throw these; the route and
 * action wrappers map them to `{"error":{"code","message","fields"?}}` with the status below.
 */

export const ERROR_STATUS = {
  validation_error: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: FieldErrors,
    /** Extra members of the error body (e.g. `allowed` alternatives of a conflict). */
    public readonly extra?: Record<string, unknown>,
    /** Seconds until a rate-limited client may retry (sent as Retry-After). */
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** 400 with field errors, e.g. `validationError({ email: ['Enter a valid email'] })`. */
export const validationError = (fields: FieldErrors, message = 'Some fields are not valid.') =>
  new AppError('validation_error', message, fields);
export const unauthenticated = (message = 'Sign in first.') => new AppError('unauthenticated', message);
export const forbidden = (message = 'You do not have access to this.') => new AppError('forbidden', message);
/**
 * 403 `forbidden` for a user who still has a temporary password, with `reason: "password_change_required"`
 * in the error body for clients: they must first choose their own password (`POST /api/auth/password/`,
 * or on the web, /account/password).
 */
export const passwordChangeRequired = (message = 'This account still has its temporary password: choose your own password first (POST /api/auth/password/ with current_password and new_password, or on the web app at /account/password).') =>
  new AppError('forbidden', message, undefined, { reason: 'password_change_required' });
export const notFound = (what = 'The resource') => new AppError('not_found', `${what} was not found.`);
export const conflict = (message: string, extra?: Record<string, unknown>) => new AppError('conflict', message, undefined, extra);
export const rateLimited = (retryAfterSeconds: number, message = 'Too many attempts. Try again later.') =>
  new AppError('rate_limited', message, undefined, undefined, retryAfterSeconds);

/** Field errors from a zod error: `{ "path.to.field": ["message"] }` (`_` for the whole object). */
export function zodFieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = i.path.length ? i.path.map(String).join('.') : '_';
    (out[key] ??= []).push(i.message);
  }
  return out;
}
