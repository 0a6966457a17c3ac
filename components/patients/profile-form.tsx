'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';
import { AllergyRows } from './allergy-rows';

type Act = (s: ActionState, f: FormData) => Promise<ActionState>;

/** Blank allergy rows offered beyond the filled ones (and at least this many rows in all). */
const MIN_ROWS = 3;

function rowsFor(values: Record<string, string>): number {
  const used = Object.keys(values).map((k) => /^allergies\.(\d+)\./.exec(k)).filter(Boolean).map((m) => Number(m![1]) + 1);
  const filled = Object.entries(values).filter(([k, v]) => /^allergies\.\d+\.substance$/.test(k) && v.trim()).length;
  return Math.max(MIN_ROWS, filled + 1, ...used);
}

/**
 * The patient's own profile form: contact (phone, address), emergency contact, allergies, medical
 * history. `defaults` are the stored values as flat fields (`contact_info.phone`, `allergies.0.substance`,
 * …); after a refused save the typed values come back instead, with errors beside their fields.
 */
export function PatientProfileForm({ action, defaults }: { action: Act; defaults: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const v = !state.ok && state.values ? state.values : defaults;
  const e = state.fieldErrors ?? {};
  const area = 'min-h-11 rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-rose-600';
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-5" noValidate>
      {state.message && !state.ok && <FormNotice answer={state} tone="error">{state.message}</FormNotice>}
      {state.ok && state.message && <FormNotice answer={state} tone="success">{state.message}</FormNotice>}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">Contact</legend>
        <Field label="Phone" name="contact_info.phone" type="tel" autoComplete="tel" defaultValue={v['contact_info.phone']} errors={e['contact_info.phone']} hint="e.g. 0712 345 678" />
        <Field label="Address" name="contact_info.address" errors={e['contact_info.address']}>
          <textarea id="f-contact_info.address" name="contact_info.address" rows={2} maxLength={500} autoComplete="street-address" defaultValue={v['contact_info.address']} className={area}
            aria-invalid={e['contact_info.address'] ? true : undefined} aria-describedby={e['contact_info.address'] ? 'f-contact_info.address-err' : undefined} />
        </Field>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">Emergency contact</legend>
        <Field label="Name" name="emergency_contact_info.name" defaultValue={v['emergency_contact_info.name']} errors={e['emergency_contact_info.name']} />
        <Field label="Relationship" name="emergency_contact_info.relationship" defaultValue={v['emergency_contact_info.relationship']} errors={e['emergency_contact_info.relationship']} hint="e.g. sister, husband, neighbour" />
        <Field label="Phone" name="emergency_contact_info.phone" type="tel" defaultValue={v['emergency_contact_info.phone']} errors={e['emergency_contact_info.phone']} />
      </fieldset>
      <AllergyRows values={v} errors={e} initialRows={rowsFor(v)} />
      <Field label="Medical history" name="medical_history" errors={e.medical_history} hint="Past illnesses, operations, long-term conditions and medicines.">
        <textarea id="f-medical_history" name="medical_history" rows={5} maxLength={8000} defaultValue={v.medical_history} className={area}
          aria-invalid={e.medical_history ? true : undefined} aria-describedby={e.medical_history ? 'f-medical_history-err' : undefined} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save my profile'}
      </Button>
    </form>
  );
}
