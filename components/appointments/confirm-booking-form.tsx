'use client';
import { useActionState } from 'react';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

/** Reason + confirm for a chosen slot; shows a taken slot or field errors in words. */
export function ConfirmBookingForm({ doctorId, dateTime, patientId, action }: { doctorId: number; dateTime: string; patientId?: number; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-3">
      {state.message && !state.ok && <p role="alert" className="rounded bg-rose-50 p-3 text-rose-900">{errors.date_time?.[0] ?? state.message}</p>}
      <input type="hidden" name="doctor_id" value={doctorId} />
      <input type="hidden" name="date_time" value={dateTime} />
      {patientId !== undefined && <input type="hidden" name="patient_id" value={patientId} />}
      <label htmlFor="reason" className="font-medium">Reason for the visit</label>
      <textarea id="reason" name="reason" rows={3} maxLength={500} defaultValue={state.values?.reason} className="rounded border border-slate-400 px-3 py-2" placeholder="e.g. fever for 3 days" />
      {errors.reason && <p className="text-sm text-rose-700">{errors.reason.join(' ')}</p>}
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-teal-700 px-4 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">{pending ? 'Booking…' : 'Book this appointment'}</button>
    </form>
  );
}
