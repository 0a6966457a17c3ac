'use client';
import { useActionState } from 'react';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';
import type { AppointmentStatus } from '@/core/vocabulary';
import { CancelForm } from './cancel-form';

type Act = (s: ActionState, f: FormData) => Promise<ActionState>;

/** The status actions of one appointment row (only those the workflow allows now); completing opens the charting form, whose save completes it. */
export function StatusActions({ id, patientId, status, started, completable = true, statusAction, cancelAction }: { id: number; patientId: number; status: AppointmentStatus; started: boolean; completable?: boolean; statusAction: Act; cancelAction: Act }) {
  const [state, formAction, pending] = useActionState(statusAction, initialActionState);
  if (status !== 'pending' && status !== 'confirmed') return null;
  const btn = 'min-h-11 rounded border px-3 text-sm font-medium disabled:opacity-60';
  return (
    <div className="flex w-full flex-wrap items-start gap-2 pl-16">
      <form action={formAction} className="flex flex-wrap gap-2">
        <input type="hidden" name="appointment_id" value={id} />
        {status === 'pending' && <button name="action" value="confirm" disabled={pending} className={`${btn} border-sky-700 text-sky-900`}>Confirm</button>}
        {completable && <a href={`/doctor/patients/${patientId}/chart?appointment=${id}`} className={`${btn} inline-flex items-center border-emerald-700 text-emerald-900`}>Complete → chart</a>}
        {status === 'confirmed' && started && <button name="action" value="no-show" disabled={pending} className={`${btn} border-rose-700 text-rose-900`}>No-show</button>}
      </form>
      {state.message && !state.ok && <FormNotice answer={state} tone="error" compact className="w-full">{state.message}</FormNotice>}
      <CancelForm appointmentId={id} action={cancelAction} label="Cancel" />
    </div>
  );
}
