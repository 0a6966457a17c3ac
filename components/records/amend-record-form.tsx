'use client';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';
import { AllergyWarning, allergyMatchesOf } from './allergy-warning';
import { MEDICINE_DATALIST_ID } from './medicine-datalist-id';
import type { VitalRow } from '@/lib/records/vital-signs';
import { Icd10Picker, type PickedDiagnosis } from './icd10-picker';
import { VitalSignsFields } from './vital-signs-fields';

type Act = (s: ActionState, f: FormData) => Promise<ActionState>;
const LINE_FIELDS = [
  ['medicine', 'Medicine', 'e.g. Amoxicillin'], ['strength', 'Strength', 'e.g. 500 mg'], ['dose', 'Dose', 'e.g. 1 capsule'],
  ['route', 'Route', 'e.g. oral'], ['frequency', 'Frequency', 'e.g. 3 times a day'], ['duration', 'Duration', 'e.g. 5 days'], ['instructions', 'Instructions', 'e.g. after meals'],
] as const;
type LineField = (typeof LINE_FIELDS)[number][0];

/** A diagnosis the ICD-10 picker cannot show (e.g. SNOMED CT from an import): kept unless unticked. */
export interface OtherDiagnosis {
  system: string;
  code: string | null;
  display: string;
  rank: 'primary' | 'secondary';
  certainty: 'provisional' | 'confirmed';
}

/** The record as it stands, to start the amendment from. */
export interface AmendRecordDefaults {
  symptoms: string;
  notes: string;
  /** A free-text prescription charted without medicine lines ('' when none). */
  freePrescription: string;
  diagnoses: PickedDiagnosis[];
  otherDiagnoses: OtherDiagnosis[];
  prescriptions: Array<Partial<Record<LineField, string>>>;
  vitals: VitalRow;
}

/**
 * The amend form: the charting form's fields filled with the record as it stands, plus the reason
 * for the amendment. The whole record is sent (an emptied field is cleared); the record's version
 * travels along so an amendment made meanwhile by someone else is refused rather than overwritten.
 * Keeps what was typed on errors.
 */
export function AmendRecordForm({ recordId, version, ageYears, defaults, action }: {
  recordId: number; version: number; ageYears: number | null; defaults: AmendRecordDefaults; action: Act;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const echoed = state.values !== undefined;
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const echoedLines = Math.max(0, ...Object.keys(v).map((k) => /^prescriptions\.(\d+)\./.exec(k)).filter(Boolean).map((m) => Number(m![1]) + 1));
  const [lines, setLines] = useState(Math.max(1, defaults.prescriptions.length, echoedLines));
  const val = (name: string, fallback: string | undefined) => (echoed ? (v[name] ?? '') : (fallback ?? ''));
  const input = 'min-h-11 w-full rounded border border-slate-400 px-3 py-2';
  // A refusal for allergies shows the matches and a confirmation, until a medicine (line or free text) is edited.
  const allergyMatches = allergyMatchesOf(state);
  const [medicineEditedAt, setMedicineEditedAt] = useState<string | undefined>();
  const showAllergyWarning = allergyMatches !== null && medicineEditedAt !== state.nonce;
  const medicineProps = (f: string) => (f === 'medicine' ? { list: MEDICINE_DATALIST_ID, onChange: () => setMedicineEditedAt(state.nonce) } : {});
  const err = (name: string) => e[name]?.[0];
  return (
    <form action={formAction} key={state.nonce} className="flex flex-col gap-5" noValidate>
      {state.message && !state.ok && !allergyMatches && <FormNotice answer={state} tone="error">{state.message}</FormNotice>}
      <input type="hidden" name="record_id" value={recordId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-col gap-1">
        <label htmlFor="symptoms" className="font-medium">Symptoms</label>
        <textarea id="symptoms" name="symptoms" rows={3} maxLength={4000} defaultValue={val('symptoms', defaults.symptoms)} className={input}
          aria-invalid={err('symptoms') ? true : undefined} aria-describedby={err('symptoms') ? 'symptoms-err' : undefined} />
        {err('symptoms') && <p id="symptoms-err" className="text-sm text-rose-700">{err('symptoms')}</p>}
      </div>
      <Icd10Picker values={v} defaultValue={defaults.diagnoses} fieldErrors={e} label="Diagnoses" />
      {defaults.otherDiagnoses.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="font-medium">Other coded diagnoses</legend>
          <p className="text-sm text-slate-600">Recorded in another code system; kept unless you untick them.</p>
          {defaults.otherDiagnoses.map((d, i) => {
            const name = `keep_diagnoses.${i}`;
            return (
              <label key={i} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name={name} value={JSON.stringify({ ...d, code: d.code ?? undefined })} defaultChecked={echoed ? v[name] !== undefined : true} className="size-5" />
                {d.display}{d.code ? ` (${d.system} ${d.code})` : ''}
              </label>
            );
          })}
        </fieldset>
      )}
      <fieldset className="flex flex-col gap-3">
        <legend className="font-medium">Prescription</legend>
        <p className="text-sm text-slate-600">To remove a medicine, clear its fields.</p>
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="grid grid-cols-2 gap-2 rounded border border-slate-200 p-2 sm:grid-cols-4" data-testid={`rx-line-${i}`}>
            {LINE_FIELDS.map(([f, label, ph]) => {
              const name = `prescriptions.${i}.${f}`;
              return (
                <div key={f} className={f === 'medicine' || f === 'instructions' ? 'col-span-2' : ''}>
                  <label htmlFor={`rx-${i}-${f}`} className="text-sm">{label}</label>
                  <input id={`rx-${i}-${f}`} name={name} placeholder={ph} defaultValue={val(name, defaults.prescriptions[i]?.[f])} className={input} {...medicineProps(f)}
                    aria-invalid={err(name) ? true : undefined} aria-describedby={err(name) ? `rx-${i}-${f}-err` : undefined} />
                  {err(name) && <p id={`rx-${i}-${f}-err`} className="text-sm text-rose-700">{err(name)}</p>}
                </div>
              );
            })}
          </div>
        ))}
        <Button type="button" variant="subtle" size="sm" onClick={() => setLines((n) => Math.min(30, n + 1))} className="self-start">Add a medicine</Button>
        {defaults.freePrescription && (
          <div className="flex flex-col gap-1">
            <label htmlFor="prescription" className="text-sm font-medium">Prescription as free text</label>
            <textarea id="prescription" name="prescription" rows={2} maxLength={2000} defaultValue={val('prescription', defaults.freePrescription)} className={input}
              onChange={() => setMedicineEditedAt(state.nonce)} />
            <p className="text-sm text-slate-600">Kept only while no medicine line is filled in.</p>
          </div>
        )}
      </fieldset>
      <VitalSignsFields fieldErrors={e} values={v} defaultValues={defaults.vitals} ageYears={ageYears} />
      <div className="flex flex-col gap-1">
        <label htmlFor="notes" className="font-medium">Notes</label>
        <textarea id="notes" name="notes" rows={3} maxLength={8000} defaultValue={val('notes', defaults.notes)} className={input} />
        {err('notes') && <p className="text-sm text-rose-700">{err('notes')}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="reason" className="font-medium">Reason for the amendment</label>
        <input id="reason" name="reason" maxLength={1000} defaultValue={val('reason', '')} placeholder="e.g. test result came back negative" className={input}
          aria-describedby="reason-hint" aria-invalid={err('reason') ? true : undefined} />
        <p id="reason-hint" className="text-sm text-slate-600">Kept with this version. The current version stays readable in the record&apos;s history.</p>
        {err('reason') && <p className="text-sm text-rose-700">{err('reason')}</p>}
      </div>
      {showAllergyWarning && <AllergyWarning matches={allergyMatches} />}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : `Save the amendment (version ${version + 1})`}
      </Button>
    </form>
  );
}
