'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/** Confirms moving appointment `appointmentId` to `dateTime`; shows a taken time or a refusal in words. */
export function ConfirmRescheduleForm({ appointmentId, dateTime, action }: { appointmentId: number; dateTime: string; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-3">
      {state.message && !state.ok && <FormNotice answer={state} tone="error">{errors.date_time?.[0] ?? errors.doctor_id?.[0] ?? state.message}</FormNotice>}
      <input type="hidden" name="appointment_id" value={appointmentId} />
      <input type="hidden" name="date_time" value={dateTime} />
      <p className="text-sm text-slate-700">Your appointment moves to this time; the old time is given to someone else. Reminders follow the new time.</p>
      <Button type="submit" disabled={pending}>{pending ? 'Moving…' : 'Move my appointment here'}</Button>
    </form>
  );
}
