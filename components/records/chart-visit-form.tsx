'use client';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';
import { AllergyWarning, allergyMatchesOf } from './allergy-warning';
import { MEDICINE_DATALIST_ID } from './medicine-datalist-id';
import { Icd10Picker } from './icd10-picker';
import { VitalSignsFields } from './vital-signs-fields';

type Act = (s: ActionState, f: FormData) => Promise<ActionState>;
const LINE_FIELDS = [
  ['medicine', 'Medicine', 'e.g. Amoxicillin'], ['strength', 'Strength', 'e.g. 500 mg'], ['dose', 'Dose', 'e.g. 1 capsule'],
  ['route', 'Route', 'e.g. oral'], ['frequency', 'Frequency', 'e.g. 3 times a day'], ['duration', 'Duration', 'e.g. 5 days'], ['instructions', 'Instructions', 'e.g. after meals'],
] as const;

/**
 * The charting form: symptoms, diagnoses (ICD-10 search or free text), prescription lines, vital
 * signs with units and live flags, notes. Posts to a server action; keeps what was typed on errors.
 */
export function ChartVisitForm({ patientId, appointmentId, ageYears, action }: { patientId: number; appointmentId?: number; ageYears: number | null; action: Act }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const echoedLines = Math.max(1, ...Object.keys(v).map((k) => /^prescriptions\.(\d+)\./.exec(k)).filter(Boolean).map((m) => Number(m![1]) + 1));
  const [lines, setLines] = useState(echoedLines);
  const input = 'min-h-11 w-full rounded border border-slate-400 px-3 py-2';
  // A refusal for allergies shows the matches and a confirmation, until a medicine is edited.
  const allergyMatches = allergyMatchesOf(state);
  const [medicineEditedAt, setMedicineEditedAt] = useState<string | undefined>();
  const showAllergyWarning = allergyMatches !== null && medicineEditedAt !== state.nonce;
  const medicineProps = (f: string) => (f === 'medicine' ? { list: MEDICINE_DATALIST_ID, onChange: () => setMedicineEditedAt(state.nonce) } : {});
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-5" noValidate>
      {state.message && !state.ok && !allergyMatches && <FormNotice answer={state} tone="error">{state.message}</FormNotice>}
      <input type="hidden" name="patient_id" value={patientId} />
      {appointmentId && <input type="hidden" name="appointment_id" value={appointmentId} />}
      <div className="flex flex-col gap-1">
        <label htmlFor="symptoms" className="font-medium">Symptoms</label>
        <textarea id="symptoms" name="symptoms" rows={3} maxLength={4000} defaultValue={v.symptoms} className={input} />
        {e.symptoms && <p className="text-sm text-rose-700">{e.symptoms[0]}</p>}
      </div>
      <Icd10Picker values={v} fieldErrors={e} label="Diagnoses" />
      <fieldset className="flex flex-col gap-3">
        <legend className="font-medium">Prescription</legend>
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="grid grid-cols-2 gap-2 rounded border border-slate-200 p-2 sm:grid-cols-4" data-testid={`rx-line-${i}`}>
            {LINE_FIELDS.map(([f, label, ph]) => (
              <div key={f} className={f === 'medicine' || f === 'instructions' ? 'col-span-2' : ''}>
                <label htmlFor={`rx-${i}-${f}`} className="text-sm">{label}</label>
                <input id={`rx-${i}-${f}`} name={`prescriptions.${i}.${f}`} placeholder={ph} defaultValue={v[`prescriptions.${i}.${f}`]} className={input} {...medicineProps(f)} />
                {e[`prescriptions.${i}.${f}`] && <p className="text-sm text-rose-700">{e[`prescriptions.${i}.${f}`]![0]}</p>}
              </div>
            ))}
          </div>
        ))}
        <Button type="button" variant="subtle" size="sm" onClick={() => setLines((n) => Math.min(30, n + 1))} className="self-start">Add a medicine</Button>
      </fieldset>
      <VitalSignsFields fieldErrors={e} values={v} ageYears={ageYears} />
      <div className="flex flex-col gap-1">
        <label htmlFor="notes" className="font-medium">Notes</label>
        <textarea id="notes" name="notes" rows={3} maxLength={8000} defaultValue={v.notes} className={input} />
      </div>
      {showAllergyWarning && <AllergyWarning matches={allergyMatches} />}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : appointmentId ? 'Save the visit and complete the appointment' : 'Save the visit'}
      </Button>
    </form>
  );
}
