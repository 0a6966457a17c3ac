'use client';
import { FormNotice } from '@/components/ui/form-notice';
import type { ActionState } from '@/lib/api/action-state';

/** One match of a 409 `reason: "allergy"` (the API's `AllergyMatch`). */
interface Match {
  line?: number;
  /** "prescription": found in the free-text prescription. */
  source?: 'prescription';
  medicine: string;
  allergy_substance: string;
  match: 'substance' | 'class' | 'cross_reactivity';
  class?: string;
  severity?: string;
  reaction?: string;
  note?: string;
}

const MATCH_WORDS = { substance: 'same substance', class: 'same class', cross_reactivity: 'possible cross-reactivity' } as const;

/** The allergy matches of a refused save, or null when the refusal was not about allergies. */
export function allergyMatchesOf(state: ActionState): Match[] | null {
  const x = state.extra;
  return x && x.reason === 'allergy' && Array.isArray(x.allergy_matches) ? (x.allergy_matches as Match[]) : null;
}

/**
 * The warning shown when a save was refused because prescribed medicines match the patient's
 * recorded allergies: each match in words, and a checkbox the doctor ticks to prescribe anyway
 * (`override_allergy_warning`), then saves again. The parent hides it once a medicine is edited, so
 * a confirmation never covers a medicine the doctor has not seen warned. Each time it appears (a new
 * refusal) it is scrolled into view and takes focus, so the doctor meets it below the long form.
 */
export function AllergyWarning({ matches }: { matches: Match[] }) {
  return (
    <div className="flex flex-col gap-2" data-testid="allergy-warning">
      <FormNotice tone="warning" as="div" answer={matches}>
        <p className="font-semibold">Allergy warning: the patient has a recorded allergy that matches {matches.length === 1 ? 'a prescribed medicine' : 'prescribed medicines'}.</p>
        <ul className="mt-1 list-disc pl-5">
          {matches.map((m, i) => (
            <li key={i}>
              <span className="font-medium">{m.medicine}</span>{m.source === 'prescription' ? ' (free-text prescription)' : ''}: allergy to {m.allergy_substance} ({MATCH_WORDS[m.match]}{m.class ? `, ${m.class}` : ''})
              {m.severity ? `, ${m.severity}` : ''}{m.reaction ? ` — ${m.reaction}` : ''}
              {m.note && <span className="block text-sm">{m.note}</span>}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-sm">Change or remove the medicine, or confirm below and save again. A confirmation is recorded with the visit.</p>
      </FormNotice>
      <label className="flex min-h-11 items-center gap-2 font-medium">
        <input type="checkbox" name="override_allergy_warning" value="true" className="size-5" />
        I have checked the allergy and prescribe anyway
      </label>
    </div>
  );
}
