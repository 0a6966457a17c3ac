'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

const SEVERITIES = [['', 'Not sure'], ['mild', 'Mild'], ['moderate', 'Moderate'], ['severe', 'Severe']] as const;
const MAX_ROWS = 50;

/**
 * Allergy rows (substance, reaction, severity) named `allergies.N.field`. Server-rendered with
 * `initialRows` rows (some blank), so it works before scripts arrive; "Add another allergy" adds a
 * row once they have. Blank rows are ignored on save.
 */
export function AllergyRows({ values, errors, initialRows }: { values: Record<string, string>; errors: Record<string, string[]>; initialRows: number }) {
  const [rows, setRows] = useState(initialRows);
  const input = 'min-h-11 w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600';
  return (
    <fieldset className="flex flex-col gap-3" data-testid="allergy-rows">
      <legend className="font-medium">Allergies</legend>
      <p className="text-sm text-slate-600">Medicines, foods or anything else you react to. Leave a row empty if you do not need it.</p>
      {Array.from({ length: rows }, (_, i) => {
        const name = (f: string) => `allergies.${i}.${f}`;
        const err = (f: string) => errors[name(f)]?.[0];
        return (
          <div key={i} className="grid grid-cols-1 gap-2 rounded border border-slate-200 p-2 sm:grid-cols-3">
            {(['substance', 'reaction'] as const).map((f) => (
              <div key={f} className="flex flex-col gap-1">
                <label htmlFor={`f-${name(f)}`} className="text-sm">{f === 'substance' ? `Allergy ${i + 1}: substance` : 'Reaction'}</label>
                <input id={`f-${name(f)}`} name={name(f)} defaultValue={values[name(f)] ?? ''} maxLength={f === 'substance' ? 120 : 200}
                  placeholder={f === 'substance' ? 'e.g. Penicillin' : 'e.g. rash'} className={input}
                  aria-invalid={err(f) ? true : undefined} aria-describedby={err(f) ? `f-${name(f)}-err` : undefined} />
                {err(f) && <p id={`f-${name(f)}-err`} className="text-sm text-rose-700">{err(f)}</p>}
              </div>
            ))}
            <div className="flex flex-col gap-1">
              <label htmlFor={`f-${name('severity')}`} className="text-sm">Severity</label>
              <select id={`f-${name('severity')}`} name={name('severity')} defaultValue={values[name('severity')] ?? ''} className={input}
                aria-invalid={err('severity') ? true : undefined} aria-describedby={err('severity') ? `f-${name('severity')}-err` : undefined}>
                {SEVERITIES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
              </select>
              {err('severity') && <p id={`f-${name('severity')}-err`} className="text-sm text-rose-700">{err('severity')}</p>}
            </div>
          </div>
        );
      })}
      {errors.allergies && <p className="text-sm text-rose-700">{errors.allergies[0]}</p>}
      {rows < MAX_ROWS && (
        <Button type="button" variant="subtle" size="sm" onClick={() => setRows((n) => Math.min(MAX_ROWS, n + 1))} className="self-start">
          Add another allergy
        </Button>
      )}
    </fieldset>
  );
}
