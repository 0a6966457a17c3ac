'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormNotice } from '@/components/ui/form-notice';
import type { ActionState } from '@/lib/api/action-state';
import type { WalkInFormState } from '@/lib/patients/walk-in-form-state';
import { WalkInButton } from './walk-in-button';

type Act = (s: WalkInFormState, f: FormData) => Promise<WalkInFormState>;

const BLOOD_TYPES = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'];
const MATCH: Record<string, string> = { phone: 'same phone number', date_of_birth_and_name: 'same date of birth, similar name' };
const select = 'min-h-11 rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600';

/**
 * Registering a walk-in patient (no account): name, date of birth, sex, phone, optional email,
 * address and blood type. When the clinic may already know this person, the possible matches are
 * listed, each with "Open" (the patients search on its patient number, where any doctor can start a
 * walk-in visit or book), and "This is a new patient" submits again with `confirm_new_patient` (the
 * values typed are kept) — honoured only for the details that were checked (`checked_details`).
 * Once registered, "Start visit" (`startVisitAction`) starts the walk-in visit and opens the chart form.
 */
export function NewPatientForm({ action, startVisitAction }: { action: Act; startVisitAction: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false } as WalkInFormState);
  const v = !state.ok && state.values ? state.values : {};
  const e = state.fieldErrors ?? {};
  const dups = state.duplicates ?? [];
  return (
    <div className="flex flex-col gap-4">
      {state.ok && state.created && (
        <FormNotice answer={state} tone="success" as="div" data-testid="patient-created">
          <p><span className="font-semibold">{state.created.name}</span> is registered with patient number <span className="font-semibold">{state.created.patientNumber}</span>.</p>
          <div className="mt-2 flex flex-col gap-1">
            <WalkInButton patientId={state.created.userId} action={startVisitAction} label="Start visit" variant="primary" />
            <p className="text-sm">Starts a walk-in visit with you now and opens the chart form. Or <Link className="underline" href={`/doctor/patients?q=${encodeURIComponent(state.created.patientNumber)}`}>find them in Patients</Link>.</p>
          </div>
        </FormNotice>
      )}
      <form action={formAction} key={state.nonce} className="flex flex-col gap-4" noValidate>
        {state.message && !state.ok && !dups.length && <FormNotice answer={state} tone="error">{state.message}</FormNotice>}
        {dups.length > 0 && (
          <section role="alert" aria-labelledby="dups-title" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="possible-duplicates">
            <h2 id="dups-title" className="font-semibold">This patient may already be registered</h2>
            <p className="text-sm">Nothing was saved. Open the existing patient if it is the same person.</p>
            <ul className="mt-2 divide-y divide-amber-200">
              {dups.map((d) => (
                <li key={d.user_id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="duplicate-candidate">
                  <div className="min-w-0">
                    <p className="font-medium">{d.name}{!d.is_active && <span className="ml-2 text-sm font-normal">(inactive)</span>}</p>
                    <p className="text-sm">{d.patient_number} · born {d.date_of_birth ?? 'unknown'}{d.phone ? ` · ${d.phone}` : ''}</p>
                    <p className="text-sm">Why: {d.matches.map((m) => MATCH[m] ?? m).join('; ')}.</p>
                  </div>
                  <ButtonLink href={`/doctor/patients?q=${encodeURIComponent(d.patient_number)}`} variant="secondary" size="sm" aria-label={`Open ${d.name} (${d.patient_number})`}>Open</ButtonLink>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm">Not the same person? Register them as a new patient with the details below.</p>
            {/* The confirmation holds for these checked details only: changed ones are checked again. */}
            {state.checkedKey && <input type="hidden" name="checked_details" value={state.checkedKey} />}
            <Button type="submit" name="confirm_new_patient" value="true" variant="secondary" className="mt-2" disabled={pending}>
              This is a new patient
            </Button>
          </section>
        )}
        <Field label="Full name" name="name" autoComplete="off" defaultValue={v.name} errors={e.name} required hint="As the patient writes it, accents and apostrophes included." />
        <Field label="Date of birth" name="date_of_birth" type="date" defaultValue={v.date_of_birth} errors={e.date_of_birth} required />
        <Field label="Sex" name="gender" errors={e.gender}>
          <select id="f-gender" name="gender" defaultValue={v.gender ?? ''} className={select} aria-invalid={e.gender ? true : undefined} aria-describedby={e.gender ? 'f-gender-err' : undefined}>
            <option value="" disabled>Choose…</option>
            <option value="female">Female</option>
            <option value="male">Male</option>
            <option value="other">Other</option>
            <option value="unknown">Unknown</option>
          </select>
        </Field>
        <Field label="Phone" name="phone" type="tel" defaultValue={v.phone} errors={e.phone} hint="e.g. 0712 345 678" required />
        <Field label="Email (optional)" name="email" type="email" defaultValue={v.email} errors={e.email} />
        <Field label="Address (optional)" name="address" defaultValue={v.address} errors={e.address} />
        <Field label="Blood type (optional)" name="blood_type" errors={e.blood_type}>
          <select id="f-blood_type" name="blood_type" defaultValue={v.blood_type ?? ''} className={select} aria-invalid={e.blood_type ? true : undefined} aria-describedby={e.blood_type ? 'f-blood_type-err' : undefined}>
            <option value="">Unknown</option>
            {BLOOD_TYPES.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? 'Registering…' : dups.length ? 'Check again' : 'Register patient'}
        </Button>
      </form>
    </div>
  );
}
