'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/**
 * The last booking step for a chosen slot; shows a taken slot, a refused doctor or field errors in
 * words. Booking: reason + confirm (`doctor_id`, `date_time`, and `patient_id` when staff book).
 * With `appointmentId`, it moves that appointment to the slot instead (`appointment_id`, `date_time`).
 */
export function ConfirmBookingForm({ doctorId, dateTime, patientId, appointmentId, action }: {
  doctorId: number; dateTime: string; patientId?: number; appointmentId?: number;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  const moving = appointmentId !== undefined;
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-3">
      {state.message && !state.ok && <FormNotice answer={state} tone="error">{errors.date_time?.[0] ?? state.message}</FormNotice>}
      <input type="hidden" name={moving ? 'appointment_id' : 'doctor_id'} value={moving ? appointmentId : doctorId} />
      <input type="hidden" name="date_time" value={dateTime} />
      {patientId !== undefined && <input type="hidden" name="patient_id" value={patientId} />}
      {moving ? <p className="text-sm text-slate-700">Your appointment moves to this time; the old time is given to someone else. Reminders follow the new time.</p> : <>
        <label htmlFor="reason" className="font-medium">Reason for the visit</label>
        <textarea id="reason" name="reason" rows={3} maxLength={500} defaultValue={state.values?.reason} className="rounded border border-slate-400 px-3 py-2" placeholder="e.g. fever for 3 days" />
        {errors.reason && <p className="text-sm text-rose-700">{errors.reason.join(' ')}</p>}
      </>}
      <Button type="submit" disabled={pending}>{moving ? (pending ? 'Moving…' : 'Move my appointment here') : (pending ? 'Booking…' : 'Book this appointment')}</Button>
    </form>
  );
}
