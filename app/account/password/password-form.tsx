'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState } from '@/lib/api/action-state';
import { changePasswordAction } from './actions';

/** Current (or temporary) password, then the new one twice; `next` is the page to go on to afterwards. */
export function PasswordForm({ temporary, next }: { temporary: boolean; next?: string }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, initialActionState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-4" noValidate>
      {state.message && !state.ok && <FormNotice answer={state} tone="error">{state.message}</FormNotice>}
      {next && <input type="hidden" name="next" value={next} />}
      <Field label={temporary ? 'Temporary password' : 'Current password'} name="current_password" type="password" autoComplete="current-password" errors={e.current_password} required />
      <Field label="New password" name="new_password" type="password" autoComplete="new-password" errors={e.new_password} hint="At least 8 characters." required />
      <Field label="New password again" name="confirm_password" type="password" autoComplete="new-password" errors={e.confirm_password} required />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save new password'}
      </Button>
    </form>
  );
}
