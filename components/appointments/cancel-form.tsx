'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/**
 * "Cancel" behind a disclosure: says what will happen, asks for a reason, confirms once.
 * `action` is a server action taking `appointment_id` and `reason`.
 */
export function CancelForm({ appointmentId, action, label = 'Cancel this appointment' }: { appointmentId: number; action: (s: ActionState, f: FormData) => Promise<ActionState>; label?: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  if (state.ok) return <FormNotice answer={state} tone="success" compact>{state.message ?? 'Cancelled.'}</FormNotice>;
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-rose-800 underline">{label}</summary>
      <form action={formAction} className="mt-2 flex flex-col gap-2 rounded border border-rose-200 bg-rose-50 p-3">
        <p className="text-sm">The appointment will be cancelled and its time given to someone else. This cannot be undone.</p>
        {state.message && <FormNotice answer={state} tone="error" compact>{state.fieldErrors?.reason?.[0] ?? state.message}</FormNotice>}
        <input type="hidden" name="appointment_id" value={appointmentId} />
        <label htmlFor={`reason-${appointmentId}`} className="text-sm font-medium">Reason</label>
        <input id={`reason-${appointmentId}`} name="reason" required maxLength={500} className="min-h-11 rounded border border-slate-400 bg-white px-3" />
        <Button type="submit" variant="danger" disabled={pending}>{pending ? 'Cancelling…' : 'Yes, cancel it'}</Button>
      </form>
    </details>
  );
}
