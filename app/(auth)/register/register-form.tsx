'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState } from '@/lib/api/action-state';
import { registerAction } from './actions';

/** The registration form: name, email, password, date of birth, sex, phone; field errors beside fields. */
export function RegisterForm() {
  const [state, formAction, pending] = useActionState(registerAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-4" noValidate>
      {state.message && !state.ok && <FormNotice answer={state} tone="error">{state.message}</FormNotice>}
      <Field label="Full name" name="name" autoComplete="name" defaultValue={v.name} errors={e.name} required />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={v.email} errors={e.email} required />
      <Field label="Password" name="password" type="password" autoComplete="new-password" errors={e.password} hint="At least 8 characters." required />
      <Field label="Date of birth" name="date_of_birth" type="date" defaultValue={v.date_of_birth} errors={e.date_of_birth} required />
      <Field label="Sex" name="gender" errors={e.gender}>
        <select id="f-gender" name="gender" defaultValue={v.gender ?? ''} className="min-h-11 rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600" aria-invalid={e.gender ? true : undefined} aria-describedby={e.gender ? 'f-gender-err' : undefined}>
          <option value="" disabled>Choose…</option>
          <option value="female">Female</option>
          <option value="male">Male</option>
          <option value="other">Other</option>
          <option value="unknown">Prefer not to say</option>
        </select>
      </Field>
      <Field label="Phone" name="phone" type="tel" autoComplete="tel" defaultValue={v.phone} errors={e.phone} hint="e.g. 0712 345 678" required />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
