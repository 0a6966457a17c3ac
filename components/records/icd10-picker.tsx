'use client';
/**
 * The diagnoses of a medical-record form (a fragment: put it inside the record's <form>). The doctor
 * types a code or words; matching ICD-10 codes come from `GET /api/icd10/?q=` as they type (debounced,
 * stale answers dropped) in a listbox driven by the keyboard (↓/↑, Enter to add, Escape to close) or
 * by touch. Several diagnoses may be picked; each shows its code and title with a rank (one primary,
 * the others secondary: choosing a new primary makes the old one secondary) and a certainty
 * (provisional/confirmed), and can be removed. When no code fits, "Add … as free text" records the
 * typed words with system `text` and no code.
 *
 * The picks travel in one hidden input, `diagnoses_json` by default: a JSON array in the API's shape,
 * `[{"system":"ICD-10"|"text","code"?,"display","rank","certainty"}]`, in the order shown. The server
 * must still validate it (zod, and `findIcd10` for ICD-10 codes). Errors come back in `fieldErrors`
 * under the input's name, `diagnoses` or `diagnoses.<n>.<field>`.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DiagnosisCertainty, DiagnosisRank } from '@/core/vocabulary';

/** One picked diagnosis, as posted in `diagnoses_json`. */
export interface PickedDiagnosis {
  system: 'ICD-10' | 'text';
  /** ICD-10 code with its dot; absent for free text. */
  code?: string;
  display: string;
  rank: DiagnosisRank;
  certainty: DiagnosisCertainty;
}

interface CodeOption {
  system: 'ICD-10';
  code: string;
  display: string;
}

type Option = CodeOption | { system: 'text'; display: string };

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
}

const MIN_QUERY = 2;
const DEBOUNCE_MS = 200;
/** The search route takes q up to 100 characters; free text may be longer (the display column holds 255). */
const MAX_SEARCH = 100;
const MAX_TEXT = 255;
const RANKS: readonly DiagnosisRank[] = ['primary', 'secondary'];
const CERTAINTIES: readonly DiagnosisCertainty[] = ['provisional', 'confirmed'];

/** Picks from the echoed JSON, keeping only well-formed entries (the server re-validates anyway). */
function parsePicks(json: string | undefined): PickedDiagnosis[] | null {
  if (!json) return null;
  try {
    const raw: unknown = JSON.parse(json);
    if (!Array.isArray(raw)) return null;
    return raw.flatMap((d): PickedDiagnosis[] => {
      if (!d || typeof d !== 'object') return [];
      const { system, code, display, rank, certainty } = d as Record<string, unknown>;
      if ((system !== 'ICD-10' && system !== 'text') || typeof display !== 'string' || !display) return [];
      if (system === 'ICD-10' && typeof code !== 'string') return [];
      return [{
        system,
        ...(system === 'ICD-10' ? { code: code as string } : {}),
        display,
        rank: rank === 'primary' ? 'primary' : 'secondary',
        certainty: certainty === 'confirmed' ? 'confirmed' : 'provisional',
      }];
    });
  } catch {
    return null;
  }
}

const keyOf = (d: { system: string; code?: string; display: string }) =>
  d.system === 'text' ? `text:${d.display.trim().toLowerCase()}` : `${d.system}:${d.code}`;

/** The picks without repeats (first kept). */
function distinct(picks: PickedDiagnosis[]): PickedDiagnosis[] {
  const seen = new Set<string>();
  return picks.filter((p) => !seen.has(keyOf(p)) && Boolean(seen.add(keyOf(p))));
}

/** The first error of each diagnosis field, in words ("Diagnosis 2: …"). */
function errorLines(name: string, fieldErrors: Icd10PickerProps['fieldErrors']): string[] {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if (!messages?.length) continue;
    if (key === name || key === 'diagnoses') out.push(messages[0]);
    else {
      const m = /^diagnoses\.(\d+)(?:\.(\w+))?$/.exec(key);
      if (m) out.push(`Diagnosis ${Number(m[1]) + 1}${m[2] ? ` (${m[2]})` : ''}: ${messages[0]}`);
    }
  }
  return out;
}

const controlClass = 'min-h-11 w-full rounded border border-slate-400 bg-white px-3 py-2 text-base';

/** Search-as-you-type ICD-10 diagnoses with rank and certainty (see the module comment). */
export function Icd10Picker({
  name = 'diagnoses_json', label = 'Diagnoses', defaultValue, values, fieldErrors, defaultCertainty = 'provisional', max = 20,
  searchUrl = '/api/icd10/',
}: Icd10PickerProps) {
  const uid = useId();
  const inputId = `${uid}-q`;
  const listId = `${uid}-list`;
  const hintId = `${uid}-hint`;
  const errId = `${uid}-err`;
  const optionId = (i: number) => `${uid}-opt-${i}`;

  const [picks, setPicks] = useState<PickedDiagnosis[]>(() => distinct(parsePicks(values?.[name]) ?? defaultValue ?? []));
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CodeOption[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'done' | 'error' | 'signed-out'>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  const q = query.trim();
  const searchable = q.length >= MIN_QUERY;
  const full = picks.length >= max;
  const errors = errorLines(name, fieldErrors);

  // Debounced search; an answer to an older query is dropped (aborted).
  useEffect(() => {
    if (!searchable) {
      setResults([]);
      setStatus('idle');
      return;
    }
    const controller = new AbortController();
    setStatus('loading');
    const timer = setTimeout(async () => {
      try {
        const url = `${searchUrl}?q=${encodeURIComponent(q.slice(0, MAX_SEARCH))}&limit=20`;
        const res = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
        if (res.status === 401) {
          setResults([]);
          setStatus('signed-out');
          return;
        }
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const body = (await res.json()) as { results?: CodeOption[] };
        setResults(Array.isArray(body.results) ? body.results : []);
        setStatus('done');
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        setResults([]);
        setStatus('error');
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, searchable, searchUrl]);

  const options: Option[] = useMemo(() => {
    if (!searchable) return [];
    const taken = new Set(picks.map(keyOf));
    const codes = results.filter((r) => !taken.has(keyOf(r)));
    // Free text is offered once the search has answered (or failed), so that a quick ↓ Enter cannot
    // pick it before the codes arrive.
    const text = q.slice(0, MAX_TEXT);
    if (status === 'loading' || status === 'idle' || taken.has(keyOf({ system: 'text', display: text }))) return codes;
    return [...codes, { system: 'text', display: text }];
  }, [results, picks, q, searchable, status]);

  const expanded = open && searchable && !full && options.length > 0;

  // Keep the active option in view while moving with the keyboard.
  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(`${uid}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, expanded, uid]);

  const statusText =
    !searchable ? '' :
    status === 'loading' ? 'Searching…' :
    status === 'error' ? 'The code search is not answering. You can add the diagnosis as free text.' :
    status === 'signed-out' ? 'Your session has ended: sign in again to search codes. You can add the diagnosis as free text.' :
    status === 'done' && results.length === 0 ? 'No ICD-10 code matches. Try other words, or add it as free text.' :
    status === 'done' ? `${results.length} code${results.length === 1 ? '' : 's'} found. Use the arrow keys to choose, Enter to add.` : '';

  function add(o: Option) {
    if (full) return;
    const pick: PickedDiagnosis = {
      system: o.system,
      ...(o.system === 'ICD-10' ? { code: o.code } : {}),
      display: o.display,
      rank: picks.some((p) => p.rank === 'primary') ? 'secondary' : 'primary',
      certainty: defaultCertainty,
    };
    setPicks((prev) => (prev.some((p) => keyOf(p) === keyOf(pick)) ? prev : [...prev, pick]));
    setAnnouncement(`Added ${pick.code ? `${pick.code} ` : ''}${pick.display} as ${pick.rank}.`);
    setQuery('');
    setResults([]);
    setActive(-1);
    setOpen(false);
    inputRef.current?.focus();
  }

  function remove(index: number) {
    const gone = picks[index];
    setPicks((prev) => {
      const rest = prev.filter((_, i) => i !== index);
      // Keep one primary while there are diagnoses: the first remaining one takes over.
      if (gone.rank === 'primary' && rest.length && !rest.some((p) => p.rank === 'primary')) rest[0] = { ...rest[0], rank: 'primary' };
      return rest;
    });
    setAnnouncement(`Removed ${gone.code ? `${gone.code} ` : ''}${gone.display}.`);
    inputRef.current?.focus();
  }

  function update(index: number, change: Partial<Pick<PickedDiagnosis, 'rank' | 'certainty'>>) {
    setPicks((prev) => prev.map((p, i) => {
      if (i === index) return { ...p, ...change };
      // One primary: choosing a new one makes the others secondary.
      if (change.rank === 'primary' && p.rank === 'primary') return { ...p, rank: 'secondary' };
      return p;
    }));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        if (options.length) setActive((a) => (a + 1) % options.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        if (options.length) setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
        break;
      case 'Home':
      case 'End':
        if (expanded) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : options.length - 1);
        }
        break;
      case 'Enter':
        // Never submit the record from the search box.
        if (q) e.preventDefault();
        if (expanded && active >= 0 && options[active]) add(options[active]);
        else if (q) setOpen(true);
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          e.preventDefault();
          setQuery('');
        }
        break;
    }
  }

  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 font-medium">{label}</legend>
      <input type="hidden" name={name} value={JSON.stringify(picks)} />

      {picks.length > 0 ? (
        <ol className="flex flex-col gap-2" aria-label={`Chosen ${label.toLowerCase()}`}>
          {picks.map((p, i) => {
            const rankId = `${uid}-rank-${i}`;
            const certId = `${uid}-cert-${i}`;
            const title = `${p.code ? `${p.code} ` : ''}${p.display}`;
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
                  <div className="flex flex-col gap-1">
                    <label htmlFor={rankId} className="text-sm text-slate-700">Rank</label>
                    <select id={rankId} value={p.rank} onChange={(e) => update(i, { rank: e.target.value as DiagnosisRank })} className={controlClass}
                      aria-label={`Rank of ${title}`}>
                      {RANKS.map((r) => <option key={r} value={r}>{r === 'primary' ? 'Primary' : 'Secondary'}</option>)}
                    </select>
                  </div>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={certId} className="text-sm text-slate-700">Certainty</label>
                    <select id={certId} value={p.certainty} onChange={(e) => update(i, { certainty: e.target.value as DiagnosisCertainty })} className={controlClass}
                      aria-label={`Certainty of ${title}`}>
                      {CERTAINTIES.map((c) => <option key={c} value={c}>{c === 'provisional' ? 'Provisional' : 'Confirmed'}</option>)}
                    </select>
                  </div>
                </div>
                <button type="button" onClick={() => remove(i)} aria-label={`Remove ${title}`}
                  className="min-h-11 min-w-11 rounded border border-slate-400 px-3 font-medium text-rose-800 hover:bg-rose-50">
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">No diagnosis yet.</p>
      )}

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
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            aria-describedby={`${hintId}${errors.length ? ` ${errId}` : ''}`}
            aria-invalid={errors.length ? true : undefined}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={MAX_TEXT}
            disabled={full}
            placeholder="Code or words, e.g. B54 or malaria"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(-1);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
            className={`${controlClass} aria-[invalid=true]:border-rose-600`}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label="Matching diagnoses"
            hidden={!expanded}
            className="absolute left-0 right-0 top-full z-20 mt-1 max-h-80 overflow-y-auto rounded border border-slate-400 bg-white shadow-lg"
          >
            {expanded && options.map((o, i) => (
              <li
                key={o.system === 'text' ? 'text' : o.code}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                // Keep the focus in the input (no blur) so the list stays open until the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(o)}
                onMouseMove={() => setActive(i)}
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

      <p aria-live="polite" className="text-sm text-slate-700">{statusText}</p>
      <p aria-live="polite" className="sr-only">{announcement}</p>
      {errors.length > 0 && (
        <div id={errId} className="text-sm text-rose-700">
          {errors.map((m, i) => <p key={i}>{m}</p>)}
        </div>
      )}
    </fieldset>
  );
}
