'use client';
/**
 * The diagnoses of a medical-record form (a fragment: put it inside the record's <form>). The doctor
 * types a code or words; matching ICD-10 codes come from `GET /api/icd10/?q=` as they type (debounced,
 * stale answers dropped) in a listbox driven by the keyboard (↓/↑, Enter to add, Escape to close) or
 * by touch. Several diagnoses may be picked; each shows its code and title with a rank (one primary,
 * the others secondary: choosing a new primary makes the old one secondary) and a certainty
 * (provisional/confirmed), and can be removed. When no code fits, "Add … as free text" records the
 * typed words with system `text` and no code. Before typing, focusing the box lists the clinic's
 * favourite diagnoses (kept by admins) to pick from.
 *
 * The picks travel in one hidden input, `diagnoses_json` by default: a JSON array in the API's shape,
 * `[{"system":"ICD-10"|"text","code"?,"display","rank","certainty"}]`, in the order shown. The server
 * must still validate it (zod, and `findIcd10` for ICD-10 codes). Errors come back in `fieldErrors`
 * under the input's name, `diagnoses` or `diagnoses.<n>.<field>`.
 *
 * Its parts: `diagnosis-picks.ts` (the picks as data and the ranking rules), `use-icd10-search.ts` (the
 * search box and listbox behaviour), `chosen-diagnoses.tsx` (the list of chosen diagnoses).
 */
import { useId, useRef, useState } from 'react';
import type { DiagnosisCertainty } from '@/core/vocabulary';
import { ChosenDiagnoses, controlClass } from './chosen-diagnoses';
import { distinct, errorLines, parsePicks, pickFrom, titleOf, withChange, withPick, withoutPick, type DiagnosisOption, type PickedDiagnosis } from './diagnosis-picks';
import { MAX_TEXT, optionIdOf, useIcd10Search } from './use-icd10-search';

export type { PickedDiagnosis } from './diagnosis-picks';

export interface Icd10PickerProps {
  /** Name of the hidden input carrying the JSON array (default `diagnoses_json`). */
  name?: string;
  label?: string;
  /** Diagnoses already on the record (editing). */
  defaultValue?: PickedDiagnosis[];
  /** The submitted values echoed by the action (`ActionState.values`): `values[name]` wins over `defaultValue`. */
  values?: Record<string, string>;
  /** Errors of the last submission (the action's `fieldErrors`). */
  fieldErrors?: Record<string, string[] | undefined>;
  /** Certainty given to a new pick (default provisional). */
  defaultCertainty?: DiagnosisCertainty;
  /** At most this many diagnoses (default 20). */
  max?: number;
  /** The search endpoint (default `/api/icd10/`). */
  searchUrl?: string;
  /** The clinic's favourites, offered before typing (default `/api/icd10/favourites/`; null: none). */
  favouritesUrl?: string | null;
}

/** Search-as-you-type ICD-10 diagnoses with rank and certainty (see the module comment). */
export function Icd10Picker({
  name = 'diagnoses_json', label = 'Diagnoses', defaultValue, values, fieldErrors, defaultCertainty = 'provisional', max = 20,
  searchUrl = '/api/icd10/', favouritesUrl = '/api/icd10/favourites/',
}: Icd10PickerProps) {
  const uid = useId();
  const inputId = `${uid}-q`;
  const listId = `${uid}-list`;
  const hintId = `${uid}-hint`;
  const errId = `${uid}-err`;

  const [picks, setPicks] = useState<PickedDiagnosis[]>(() => distinct(parsePicks(values?.[name]) ?? defaultValue ?? []));
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  const full = picks.length >= max;
  const errors = errorLines(name, fieldErrors);
  const search = useIcd10Search({ searchUrl, favouritesUrl, picks, full, onChoose: add, idPrefix: uid });
  const { options, expanded, active } = search;

  function add(o: DiagnosisOption) {
    if (full) return;
    const pick = pickFrom(o, picks, defaultCertainty);
    setPicks((prev) => withPick(prev, pick));
    setAnnouncement(`Added ${titleOf(pick)} as ${pick.rank}.`);
    search.reset();
    inputRef.current?.focus();
  }

  function remove(index: number) {
    const gone = picks[index];
    setPicks((prev) => withoutPick(prev, index, gone.rank));
    setAnnouncement(`Removed ${titleOf(gone)}.`);
    inputRef.current?.focus();
  }

  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 font-medium">{label}</legend>
      <input type="hidden" name={name} value={JSON.stringify(picks)} />

      <ChosenDiagnoses picks={picks} label={label} idPrefix={uid} onRemove={remove}
        onChange={(index, change) => setPicks((prev) => withChange(prev, index, change))} />

      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="font-medium">{picks.length ? 'Add another diagnosis' : 'Add a diagnosis'}</label>
        <div className="relative">
          <input
            ref={inputRef}
            id={inputId}
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? optionIdOf(uid, active) : undefined}
            aria-describedby={`${hintId}${errors.length ? ` ${errId}` : ''}`}
            aria-invalid={errors.length ? true : undefined}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={MAX_TEXT}
            disabled={full}
            placeholder="Code or words, e.g. B54 or malaria"
            value={search.query}
            onChange={(e) => search.onChange(e.target.value)}
            onFocus={search.onFocus}
            onBlur={search.onBlur}
            onKeyDown={search.onKeyDown}
            className={`${controlClass} aria-[invalid=true]:border-rose-600`}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={search.showingFavourites && !search.query.trim() ? 'Favourite diagnoses' : 'Matching diagnoses'}
            hidden={!expanded}
            className="absolute left-0 right-0 top-full z-20 mt-1 max-h-80 overflow-y-auto rounded border border-slate-400 bg-white shadow-lg"
          >
            {expanded && options.map((o, i) => (
              <li
                key={o.system === 'text' ? 'text' : o.code}
                id={optionIdOf(uid, i)}
                role="option"
                aria-selected={i === active}
                // Keep the focus in the input (no blur) so the list stays open until the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(o)}
                onMouseMove={() => search.setActive(i)}
                className={`flex min-h-11 cursor-pointer items-start gap-2 border-b border-slate-100 px-3 py-2 last:border-b-0 ${i === active ? 'bg-teal-100' : ''}`}
              >
                {o.system === 'text' ? (
                  <span className="italic">Add “{o.display}” as free text</span>
                ) : (
                  <>
                    <span className="w-20 shrink-0 font-mono font-semibold text-teal-900">{o.code}</span>
                    <span className="min-w-0 break-words">{o.display}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
        <p id={hintId} className="text-sm text-slate-600">
          {full ? `At most ${max} diagnoses.` : 'Type at least 2 characters: an ICD-10 code (J06.9 or j069) or words (type 2 diab).'}
        </p>
      </div>

      <p aria-live="polite" className="text-sm text-slate-700">{search.statusText}</p>
      <p aria-live="polite" className="sr-only">{announcement}</p>
      {errors.length > 0 && (
        <div id={errId} className="text-sm text-rose-700">
          {errors.map((m, i) => <p key={i}>{m}</p>)}
        </div>
      )}
    </fieldset>
  );
}
