'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** The add-time-off form: first day, last day (both included), optional reason; errors beside the fields;
 * after adding, the appointments already booked on those days, linked where the caller gave links. */
export function AddTimeOffForm({ action, doctorId, minDate }: { action: Action; doctorId: number; minDate: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const v = !state.ok && state.values ? state.values : {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={state.nonce} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="doctor_id" value={doctorId} />
      {state.message && (
        <FormNotice answer={state} tone={state.ok ? 'success' : 'error'} as={state.items?.length ? 'div' : 'p'}>
          {state.items?.length ? <p>{state.message}</p> : state.message}
          {state.ok && state.items?.length ? (
            <ul className="mt-2 list-disc pl-5" data-testid="touched-appointments">
              {state.items.map((item) => (
                <li key={item.label}>{item.href ? <Link href={item.href} className="underline underline-offset-2">{item.label}</Link> : item.label}</li>
              ))}
            </ul>
          ) : null}
        </FormNotice>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="First day away" name="start_date" errors={e.start_date}>
          <input id="f-start_date" name="start_date" type="date" min={minDate} defaultValue={v.start_date} required
            aria-invalid={e.start_date ? true : undefined} aria-describedby={e.start_date ? 'f-start_date-err' : undefined}
            className="min-h-11 rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600" />
        </Field>
        <Field label="Last day away" name="end_date" errors={e.end_date}>
          <input id="f-end_date" name="end_date" type="date" min={minDate} defaultValue={v.end_date} required
            aria-invalid={e.end_date ? true : undefined} aria-describedby={e.end_date ? 'f-end_date-err' : undefined}
            className="min-h-11 rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600" />
        </Field>
      </div>
      <Field label="Reason (optional, visible to staff only)" name="reason" defaultValue={v.reason} errors={e.reason} />
      <Button type="submit" disabled={pending} className="sm:self-start">
        {pending ? 'Adding…' : 'Add time off'}
      </Button>
    </form>
  );
}

/** "Remove" behind a disclosure that says what will happen; one confirmation, works before scripts load. */
export function RemoveTimeOffForm({ action, timeOffId, period }: { action: Action; timeOffId: number; period: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  if (state.ok) return <FormNotice answer={state} tone="success" compact>{state.message ?? 'Removed.'}</FormNotice>;
  return (
    <details>
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-rose-800 underline underline-offset-4">
        Remove<span className="sr-only"> the time off {period}</span>
      </summary>
      <form action={formAction} className="mt-1 flex flex-col gap-2 rounded border border-rose-200 bg-rose-50 p-3">
        <p className="text-sm">Patients will be able to book these days ({period}) again.</p>
        {state.message && <FormNotice answer={state} tone="error" compact>{state.message}</FormNotice>}
        <input type="hidden" name="time_off_id" value={timeOffId} />
        <Button type="submit" variant="danger" disabled={pending} className="sm:self-start">
          {pending ? 'Removing…' : 'Yes, remove it'}
        </Button>
      </form>
    </details>
  );
}
