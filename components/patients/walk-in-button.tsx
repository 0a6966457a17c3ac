'use client';
import { useActionState } from 'react';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/** "Start walk-in visit" for one patient; says why when it cannot start now. */
export function WalkInButton({ patientId, action }: { patientId: number; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="patient_id" value={patientId} />
      <button type="submit" disabled={pending} className="min-h-11 rounded border border-teal-700 px-3 text-sm font-medium text-teal-900 disabled:opacity-60">{pending ? 'Starting…' : 'Start walk-in visit'}</button>
      {state.message && !state.ok && <p role="alert" className="text-sm text-rose-800">{state.message}</p>}
    </form>
  );
}
