'use client';
/**
 * The search box and listbox behaviour of the ICD-10 picker: the typed query, the debounced search
 * (`GET <searchUrl>?q=`; an answer to an older query is dropped), the options (codes not picked yet,
 * then the typed words as free text once the search has answered), which option is active, whether the
 * list is open, the keyboard (↓/↑, Home/End, Enter to choose, Escape to close, then to clear) and the
 * status line read out to screen readers. Before the doctor types (an empty box), the list offers the
 * clinic's favourite diagnoses (`GET <favouritesUrl>`, read once; none when it fails).
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { keyOf, type CodeOption, type DiagnosisOption, type PickedDiagnosis } from './diagnosis-picks';

const MIN_QUERY = 2;
const DEBOUNCE_MS = 200;
/** The search route takes q up to 100 characters; free text may be longer (the display column holds 255). */
const MAX_SEARCH = 100;
export const MAX_TEXT = 255;

type SearchStatus = 'idle' | 'loading' | 'done' | 'error' | 'signed-out';

/** The id of option `i` of the listbox whose ids start with `idPrefix`. */
export const optionIdOf = (idPrefix: string, i: number) => `${idPrefix}-opt-${i}`;

/**
 * State and handlers for the combobox. `picks` are left out of the options; `full` keeps the list
 * closed; `onChoose` gets the option chosen by Enter (a click calls it directly); `idPrefix` names the
 * options' ids (see `optionIdOf`).
 */
export function useIcd10Search({ searchUrl, favouritesUrl, picks, full, onChoose, idPrefix }: {
  searchUrl: string; favouritesUrl: string | null; picks: PickedDiagnosis[]; full: boolean; onChoose: (o: DiagnosisOption) => void; idPrefix: string;
}) {
  const [query, setQuery] = useState('');
  const [favourites, setFavourites] = useState<CodeOption[]>([]);
  const [results, setResults] = useState<CodeOption[]>([]);
  const [status, setStatus] = useState<SearchStatus>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const q = query.trim();
  const searchable = q.length >= MIN_QUERY;

  // The favourites, read once (shown while the box is empty).
  useEffect(() => {
    if (!favouritesUrl) return;
    const controller = new AbortController();
    fetch(favouritesUrl, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) return;
        const body = (await res.json()) as { results?: CodeOption[] };
        if (Array.isArray(body.results)) setFavourites(body.results);
      })
      .catch(() => { /* no favourites: the doctor types */ });
    return () => controller.abort();
  }, [favouritesUrl]);

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

  const showingFavourites = q === '' && favourites.length > 0;
  const options: DiagnosisOption[] = useMemo(() => {
    const taken = new Set(picks.map(keyOf));
    if (q === '') return favourites.filter((f) => !taken.has(keyOf(f)));
    if (!searchable) return [];
    const codes = results.filter((r) => !taken.has(keyOf(r)));
    // Free text is offered once the search has answered (or failed), so that a quick ↓ Enter cannot
    // pick it before the codes arrive.
    const text = q.slice(0, MAX_TEXT);
    if (status === 'loading' || status === 'idle' || taken.has(keyOf({ system: 'text', display: text }))) return codes;
    return [...codes, { system: 'text', display: text }];
  }, [results, picks, q, searchable, status, favourites]);

  const expanded = open && (searchable || q === '') && !full && options.length > 0;

  // Keep the active option in view while moving with the keyboard.
  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(optionIdOf(idPrefix, active))?.scrollIntoView({ block: 'nearest' });
  }, [active, expanded, idPrefix]);

  const statusText =
    q === '' && expanded ? `${options.length} favourite diagnos${options.length === 1 ? 'is' : 'es'}. Use the arrow keys to choose, or type to search.` :
    !searchable ? '' :
    status === 'loading' ? 'Searching…' :
    status === 'error' ? 'The code search is not answering. You can add the diagnosis as free text.' :
    status === 'signed-out' ? 'Your session has ended: sign in again to search codes. You can add the diagnosis as free text.' :
    status === 'done' && results.length === 0 ? 'No ICD-10 code matches. Try other words, or add it as free text.' :
    status === 'done' ? `${results.length} code${results.length === 1 ? '' : 's'} found. Use the arrow keys to choose, Enter to add.` : '';

  /** Empties the box and closes the list (after a pick). */
  function reset() {
    setQuery('');
    setResults([]);
    setActive(-1);
    setOpen(false);
  }

  function onChange(value: string) {
    setQuery(value);
    setActive(-1);
    setOpen(true);
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
        // Never submit the record from the search box (nor when choosing a favourite in the empty box).
        if (q || (expanded && active >= 0)) e.preventDefault();
        if (expanded && active >= 0 && options[active]) onChoose(options[active]);
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

  return {
    query, options, expanded, active, setActive, statusText, reset, onChange, onKeyDown, showingFavourites,
    onFocus: () => setOpen(true),
    onBlur: () => setOpen(false),
  };
}
