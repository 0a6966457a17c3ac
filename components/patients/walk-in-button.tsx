'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/** "Start walk-in visit" (or `label`) for one patient; says why when it cannot start now. `variant` `primary` for the page's main next step. */
export function WalkInButton({ patientId, action, label = 'Start walk-in visit', variant = 'subtle' }: {
  patientId: number;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  label?: string;
  variant?: 'subtle' | 'primary';
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="patient_id" value={patientId} />
      <Button type="submit" variant={variant} size={variant === 'primary' ? 'md' : 'sm'} disabled={pending} className={variant === 'primary' ? 'self-start' : 'text-sm font-medium'}>{pending ? 'Starting…' : label}</Button>
      {state.message && !state.ok && <FormNotice answer={state} tone="error" compact>{state.message}</FormNotice>}
    </form>
  );
}
