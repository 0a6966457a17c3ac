/**
 * The server-action wrapper, the twin of `withApi` for forms: who is asking (the browser session, via
 * the same helper), role check, zod validation of the form, typed errors → `{ ok, message, fieldErrors,
 * values }` for `useActionState`. Typed values are echoed back so the form keeps what was typed,
 * except passwords. Next.js itself refuses server actions whose Origin is not this site.
 */
import { headers } from 'next/headers';
import type { z } from 'zod';
import type { Role } from '@/core/vocabulary';
import { actorOf, assertRole, getSessionUser, type CurrentUser } from '@/lib/auth/current-user';
import { clientAddressFrom } from '@/lib/auth/client-address';
import type { Actor } from '@/lib/audit/audit';
import { passwordChangeRequired, zodFieldErrors } from '@/lib/errors';
import { describeError } from '@/lib/log';
import type { ActionState } from './action-state';
import { toAppError } from './with-api';

export type { ActionState } from './action-state';

function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !/password/i.test(k) && !k.startsWith('$')) out[k] = v;
  return out;
}

type ActionOptions = { roles?: readonly Role[]; allowTemporaryPassword?: boolean };
type ActionFn<S extends z.ZodType, U> = (input: z.infer<S>, ctx: { user: U; actor: Actor }) => Promise<ActionState | void>;
type FormAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Wraps `fn(input, { user, actor })` as a server action over a form. `fn` may call `redirect()` on
 * success (it propagates). Unexpected errors become a generic message (logged, never shown). A user
 * who still has a temporary password is refused (as by the API) unless `allowTemporaryPassword`
 * (the password change itself): pages redirect them, and a hand-made POST must not get further.
 * Sign-in is required (and `roles`, when given, checked here) unless `auth: 'public'`; `fn` then
 * receives a non-null `user`.
 */
export function action<S extends z.ZodType>(schema: S, fn: ActionFn<S, CurrentUser>, options?: ActionOptions & { auth?: 'required' }): FormAction;
export function action<S extends z.ZodType>(schema: S, fn: ActionFn<S, CurrentUser | null>, options: ActionOptions & { auth: 'public' }): FormAction;
export function action<S extends z.ZodType>(
  schema: S,
  fn: ActionFn<S, CurrentUser> | ActionFn<S, CurrentUser | null>,
  options: ActionOptions & { auth?: 'public' | 'required' } = {},
): FormAction {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => ({ ...(await run(form)), nonce: crypto.randomUUID() });
  async function run(form: FormData): Promise<ActionState> {
    const values = echo(form);
    let result: ActionState | void;
    try {
      const session = await getSessionUser();
      const user = options.auth === 'public' ? session : assertRole(session, options.roles ?? []);
      if (user?.mustChangePassword && !options.allowTemporaryPassword) throw passwordChangeRequired('Choose your own password first (Account → Password).');
      const parsed = schema.safeParse(Object.fromEntries(form.entries()));
      if (!parsed.success) return { ok: false, message: 'Please correct the fields marked below.', fieldErrors: zodFieldErrors(parsed.error.issues), values };
      const h = await headers();
      result = await (fn as ActionFn<S, CurrentUser | null>)(parsed.data, { user, actor: actorOf(user, { clientAddress: clientAddressFrom(h) }) });
    } catch (e) {
      const app = toAppError(e);
      if (app) return { ok: false, message: app.message, fieldErrors: app.fields, values, ...(app.extra ? { extra: app.extra } : {}) };
      // redirect() and notFound() throw control-flow errors that Next handles: let them through.
      if (e && typeof e === 'object' && 'digest' in e) throw e;
      console.error(`[action] failed: ${describeError(e)}`);
      return { ok: false, message: 'Something went wrong on our side. Please try again.', values };
    }
    return result ?? { ok: true };
  }
}
