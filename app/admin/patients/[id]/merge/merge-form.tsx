'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState } from '@/lib/api/action-state';
import type { MergeSide } from '@/lib/patients/get-merge-preview';
import type { MergeChoice, MergeField } from '@/lib/patients/merge-schemas';
import { mergePatientsAction } from './actions';

const LABELS: Record<MergeField, string> = {
  name: 'Name', date_of_birth: 'Date of birth', gender: 'Sex', email: 'Account email (and its password)', phone: 'Phone',
  address: 'Address', blood_type: 'Blood type', medical_history: 'Medical history', emergency_contact_info: 'Emergency contact',
};

/**
 * The two records side by side: per field a radio for the survivor's value and one for the merged
 * record's (medical history also "both"), preset to the defaults; allergies are always joined. The
 * button merges only once "I have checked these are the same person" is ticked (a merge cannot be
 * undone; the server checks the tick too, and everything else again); a refusal shows above the button.
 */
export function MergeForm({ survivor, merged, choices, fields }: { survivor: MergeSide; merged: MergeSide; choices: Record<MergeField, MergeChoice>; fields: readonly MergeField[] }) {
  const [state, formAction, pending] = useActionState(mergePatientsAction, initialActionState);
  const shown = (v: string | null) => (v === null || v.trim() === '' ? <span className="italic text-slate-500">empty</span> : v);
  return (
    <form action={formAction} className="flex flex-col gap-4" data-testid="merge-form">
      <input type="hidden" name="into" value={survivor.userId} />
      <input type="hidden" name="from" value={merged.userId} />
      {fields.map((f) => {
        const same = (survivor.values[f] ?? '') === (merged.values[f] ?? '');
        return (
          <fieldset key={f} className="rounded border border-slate-300 p-3" data-testid={`merge-field-${f}`}>
            <legend className="px-1 font-semibold">{LABELS[f]}{same ? <span className="ml-2 text-sm font-normal text-slate-600">(the same)</span> : null}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {(['survivor', 'merged'] as const).map((side) => {
                const rec = side === 'survivor' ? survivor : merged;
                return (
                  <label key={side} className="flex min-h-11 items-start gap-2 rounded bg-slate-50 p-2 break-words">
                    <input type="radio" name={`field_${f}`} value={side} defaultChecked={choices[f] === side} className="mt-1 size-5 shrink-0" />
                    <span className="min-w-0"><span className="block text-xs text-slate-600">{side === 'survivor' ? 'Keep' : 'Take from'} {rec.patientNumber}</span>{shown(rec.values[f])}</span>
                  </label>
                );
              })}
              {f === 'medical_history' && (
                <label className="flex min-h-11 items-start gap-2 rounded bg-slate-50 p-2 sm:col-span-2">
                  <input type="radio" name="field_medical_history" value="both" defaultChecked={choices[f] === 'both'} className="mt-1 size-5 shrink-0" />
                  <span>Both texts, one after the other</span>
                </label>
              )}
            </div>
          </fieldset>
        );
      })}
      <p className="text-sm text-slate-700">
        Allergies are joined: {[...new Set([...survivor.allergies, ...merged.allergies].map((a) => a.substance))].join(', ') || 'none recorded'}.
        {' '}{merged.appointments} appointment(s) and {merged.records} medical record(s) of {merged.patientNumber} move to {survivor.patientNumber}.
        {' '}{merged.patientNumber} stays on file, deactivated, pointing to {survivor.patientNumber}; it can no longer sign in.
      </p>
      <label className="flex min-h-11 items-start gap-2 rounded border border-amber-400 bg-amber-50 p-2 text-amber-950">
        <input type="checkbox" name="same_person" value="yes" required className="mt-1 size-5 shrink-0" />
        <span>I have checked these are the same person. A merge cannot be undone.</span>
      </label>
      {state.message && !state.ok && <FormNotice answer={state} tone="error">{state.message}</FormNotice>}
      <Button type="submit" variant="danger" disabled={pending}>{pending ? 'Merging…' : `Merge ${merged.patientNumber} into ${survivor.patientNumber}`}</Button>
    </form>
  );
}
