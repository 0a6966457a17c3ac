'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/** "Start walk-in visit" for one patient; says why when it cannot start now. */
export function WalkInButton({ patientId, action }: { patientId: number; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="patient_id" value={patientId} />
      <Button type="submit" variant="subtle" size="sm" disabled={pending} className="text-sm font-medium">{pending ? 'Starting…' : 'Start walk-in visit'}</Button>
      {state.message && !state.ok && <FormNotice answer={state} tone="error" compact>{state.message}</FormNotice>}
    </form>
  );
}
