/**
 * The diagnoses chosen so far in the ICD-10 picker, in order: each with its code (or "free text") and
 * title, a rank and a certainty to change, and Remove. "No diagnosis yet." when there are none.
 */
import type { DiagnosisCertainty, DiagnosisRank } from '@/core/vocabulary';
import { keyOf, titleOf, type PickedDiagnosis } from './diagnosis-picks';

/** The class of the picker's selects and search box. */
export const controlClass = 'min-h-11 w-full rounded border border-slate-400 bg-white px-3 py-2 text-base';

const RANK_WORDS: Record<DiagnosisRank, string> = { primary: 'Primary', secondary: 'Secondary' };
const CERTAINTY_WORDS: Record<DiagnosisCertainty, string> = { provisional: 'Provisional', confirmed: 'Confirmed' };

/** A labelled select of one pick's rank or certainty, named "<label> of <title>" for screen readers. */
function Choice<T extends string>({ id, label, of, value, words, onChange }: {
  id: string; label: string; of: string; value: T; words: Record<T, string>; onChange: (value: T) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm text-slate-700">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} className={controlClass} aria-label={`${label} of ${of}`}>
        {(Object.keys(words) as T[]).map((k) => <option key={k} value={k}>{words[k]}</option>)}
      </select>
    </div>
  );
}

/** The chosen diagnoses with their rank, certainty and Remove (ids start with `idPrefix`). */
export function ChosenDiagnoses({ picks, label, idPrefix, onChange, onRemove }: {
  picks: PickedDiagnosis[];
  /** The picker's label ("Diagnoses"): the list is named "Chosen diagnoses". */
  label: string;
  idPrefix: string;
  onChange: (index: number, change: Partial<Pick<PickedDiagnosis, 'rank' | 'certainty'>>) => void;
  onRemove: (index: number) => void;
}) {
  if (!picks.length) return <p className="text-sm text-slate-600">No diagnosis yet.</p>;
  return (
    <ol className="flex flex-col gap-2" aria-label={`Chosen ${label.toLowerCase()}`}>
      {picks.map((p, i) => {
        const title = titleOf(p);
        return (
          <li key={keyOf(p)} className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-3 sm:flex-row sm:flex-wrap sm:items-end">
            <div className="min-w-0 flex-1 basis-full sm:basis-64">
              {p.code ? (
                <span className="mr-2 rounded bg-teal-50 px-1.5 py-0.5 font-mono text-sm font-semibold text-teal-900">{p.code}</span>
              ) : (
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-sm text-slate-700">free text</span>
              )}
              <span className="break-words">{p.display}</span>
            </div>
            <div className="grid grid-cols-2 gap-2 sm:flex sm:items-end">
              <Choice id={`${idPrefix}-rank-${i}`} label="Rank" of={title} value={p.rank} words={RANK_WORDS}
                onChange={(rank) => onChange(i, { rank })} />
              <Choice id={`${idPrefix}-cert-${i}`} label="Certainty" of={title} value={p.certainty} words={CERTAINTY_WORDS}
                onChange={(certainty) => onChange(i, { certainty })} />
            </div>
            <button type="button" onClick={() => onRemove(i)} aria-label={`Remove ${title}`}
              className="min-h-11 min-w-11 rounded border border-slate-400 px-3 font-medium text-rose-800 hover:bg-rose-50">
              Remove
            </button>
          </li>
        );
      })}
    </ol>
  );
}
