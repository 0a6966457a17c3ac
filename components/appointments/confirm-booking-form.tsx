'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/** Reason + confirm for a chosen slot; shows a taken slot or field errors in words. */
export function ConfirmBookingForm({ doctorId, dateTime, patientId, action }: { doctorId: number; dateTime: string; patientId?: number; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-3">
      {state.message && !state.ok && <FormNotice answer={state} tone="error">{errors.date_time?.[0] ?? state.message}</FormNotice>}
      <input type="hidden" name="doctor_id" value={doctorId} />
      <input type="hidden" name="date_time" value={dateTime} />
      {patientId !== undefined && <input type="hidden" name="patient_id" value={patientId} />}
      <label htmlFor="reason" className="font-medium">Reason for the visit</label>
      <textarea id="reason" name="reason" rows={3} maxLength={500} defaultValue={state.values?.reason} className="rounded border border-slate-400 px-3 py-2" placeholder="e.g. fever for 3 days" />
      {errors.reason && <p className="text-sm text-rose-700">{errors.reason.join(' ')}</p>}
      <Button type="submit" disabled={pending}>{pending ? 'Booking…' : 'Book this appointment'}</Button>
    </form>
  );
}
