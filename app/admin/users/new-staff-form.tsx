'use client';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState } from '@/lib/api/action-state';
import { createStaffAction, type StaffCreatedState } from './actions';

const selectClass = 'min-h-11 rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600';

/** New doctor or admin: the temporary password is shown once, right after creation. */
export function NewStaffForm() {
  const [state, formAction, pending] = useActionState(createStaffAction, initialActionState);
  const s = state as StaffCreatedState;
  const [role, setRole] = useState(s.values?.role ?? 'doctor');
  const v = s.ok ? {} : (s.values ?? {});
  const e = s.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      {s.ok && s.temporaryPassword && (
        <Notice tone="warning" as="div">
          <p className="font-semibold">{s.message}</p>
          <p className="mt-1">Temporary password for {s.createdEmail}: <code data-testid="temporary-password" className="select-all rounded bg-white px-2 py-1 font-mono">{s.temporaryPassword}</code></p>
          <p className="mt-1 text-sm">Give it to them privately. It is shown only this once; they must choose their own at first sign-in.</p>
        </Notice>
      )}
      <form action={formAction} key={s.nonce} className="flex flex-col gap-4" noValidate aria-describedby="new-staff-password-note">
        <p id="new-staff-password-note" className="text-sm text-slate-600" data-testid="temporary-password-note">
          No password to choose: a temporary password is generated and shown here once, after you create the account.
          They choose their own at first sign-in.
        </p>
        {s.message && !s.ok && <FormNotice answer={s} tone="error">{s.message}</FormNotice>}
        <Field label="Role" name="role" errors={e.role}>
          <select id="f-role" name="role" value={role} onChange={(ev) => setRole(ev.target.value)} className={selectClass}>
            <option value="doctor">Doctor</option>
            <option value="admin">Admin</option>
          </select>
        </Field>
        <Field label="Email" name="email" type="email" autoComplete="off" defaultValue={v.email} errors={e.email} required />
        <Field label="Full name" name="name" defaultValue={v.name} errors={e.name} hint="Optional: taken from the email when empty." />
        {role === 'doctor' && <Field label="Specialty" name="specialty" defaultValue={v.specialty} errors={e.specialty} hint="Default: General Practice." />}
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create account'}
        </Button>
      </form>
    </div>
  );
}
