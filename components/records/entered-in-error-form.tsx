'use client';
import { useActionState, useId } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/**
 * "Mark entered in error" behind a disclosure: says what will happen, asks for the reason once, and
 * confirms. `action` is a server action taking `record_id` and `reason` (it redirects on success).
 */
export function EnteredInErrorForm({ recordId, action }: { recordId: number; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const id = useId();
  const reasonError = state.fieldErrors?.reason?.[0];
  return (
    <details className="mt-1" open={!!state.message || undefined}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-rose-800 underline">Mark entered in error</summary>
      <form action={formAction} key={state.nonce} className="mt-2 flex flex-col gap-2 rounded border border-rose-200 bg-rose-50 p-3">
        <p className="text-sm">
          Use this for a record that should not exist (wrong patient, wrong visit). It will be hidden from the chart, the
          patient&apos;s records and the statistics, but kept with your reason. This cannot be undone; to correct a detail, amend instead.
        </p>
        {state.message && !reasonError && <FormNotice answer={state} tone="error" compact>{state.message}</FormNotice>}
        <input type="hidden" name="record_id" value={recordId} />
        <label htmlFor={`${id}-reason`} className="text-sm font-medium">Why is this record in error?</label>
        <textarea
          id={`${id}-reason`} name="reason" required maxLength={1000} rows={2} defaultValue={state.values?.reason}
          aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${id}-err` : undefined}
          className="rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600"
        />
        {reasonError && <p id={`${id}-err`} className="text-sm text-rose-700">{reasonError}</p>}
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Marking…' : 'Yes, mark it entered in error'}
        </Button>
      </form>
    </details>
  );
}
