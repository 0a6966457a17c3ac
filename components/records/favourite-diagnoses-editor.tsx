'use client';
/**
 * The admin editor of the clinic's favourite diagnoses: the list in order (move up, move down,
 * remove), a search to add codes (`GET /api/icd10/?q=`), and Save, which sends the whole list to
 * `PUT /api/icd10/favourites/` (`{ "codes": [...] }`); the server checks the role and every code,
 * and its field errors (`codes.<i>`) show next to the code concerned.
 */
import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';

export interface FavouriteItem {
  code: string;
  display: string;
}

const MAX = 50;

/** The editor (see the module comment); `initial` is the saved list. */
export function FavouriteDiagnosesEditor({ initial }: { initial: FavouriteItem[] }) {
  const uid = useId();
  const [items, setItems] = useState<FavouriteItem[]>(initial);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<FavouriteItem[]>([]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/icd10/?q=${encodeURIComponent(q.slice(0, 100))}&limit=8`, { signal: controller.signal });
        if (!res.ok) return;
        const body = (await res.json()) as { results?: FavouriteItem[] };
        setResults(Array.isArray(body.results) ? body.results.map(({ code, display }) => ({ code, display })) : []);
      } catch {
        /* aborted or offline: no suggestions */
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  function change(next: FavouriteItem[]) {
    setItems(next);
    setDirty(true);
    setNotice(null);
    setFieldErrors({});
  }

  function move(i: number, by: -1 | 1) {
    const j = i + by;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j], next[i]];
    change(next);
  }

  async function save() {
    setSaving(true);
    setNotice(null);
    try {
      const res = await fetch('/api/icd10/favourites/', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ codes: items.map((it) => it.code) }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        setItems((body.results ?? []).map(({ code, display }: FavouriteItem) => ({ code, display })));
        setDirty(false);
        setFieldErrors({});
        setNotice({ tone: 'success', text: 'Favourites saved.' });
      } else {
        setFieldErrors(body?.error?.fields ?? {});
        setNotice({ tone: 'error', text: body?.error?.message ?? `The favourites were not saved (HTTP ${res.status}).` });
      }
    } catch {
      setNotice({ tone: 'error', text: 'The favourites were not saved: the server is not answering.' });
    } finally {
      setSaving(false);
    }
  }

  const taken = new Set(items.map((it) => it.code));
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby={`${uid}-list`} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <h2 id={`${uid}-list`} className="mb-2 font-semibold">Favourites ({items.length})</h2>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">No favourites yet. Search below to add codes.</p>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="favourite-list">
            {items.map((it, i) => (
              <li key={it.code} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center">
                <span className="min-w-0 flex-1">
                  <span className="mr-2 font-mono font-semibold text-teal-900">{it.code}</span>
                  <span className="break-words">{it.display}</span>
                  {fieldErrors[`codes.${i}`]?.map((m) => <span key={m} className="block text-sm text-rose-700">{m}</span>)}
                </span>
                <span className="flex gap-2">
                  <Button type="button" size="sm" variant="secondary" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${it.code} up`}>Up</Button>
                  <Button type="button" size="sm" variant="secondary" onClick={() => move(i, 1)} disabled={i === items.length - 1} aria-label={`Move ${it.code} down`}>Down</Button>
                  <Button type="button" size="sm" variant="danger-outline" onClick={() => change(items.filter((_, k) => k !== i))} aria-label={`Remove ${it.code}`}>Remove</Button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {fieldErrors.codes?.map((m) => <p key={m} className="text-sm text-rose-700">{m}</p>)}
      </section>

      <section aria-labelledby={`${uid}-add`} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <h2 id={`${uid}-add`} className="font-semibold">Add a code</h2>
        <label htmlFor={`${uid}-q`} className="text-sm">Code or words, e.g. I10 or malaria</label>
        <input id={`${uid}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={100} autoComplete="off"
          className="min-h-11 w-full rounded border border-slate-400 px-3 py-2" />
        {results.length > 0 && (
          <ul aria-label="Codes found" className="divide-y divide-slate-100">
            {results.map((r) => (
              <li key={r.code} className="flex items-center gap-2 py-2">
                <span className="min-w-0 flex-1"><span className="mr-2 font-mono font-semibold">{r.code}</span>{r.display}</span>
                <Button type="button" size="sm" variant="secondary" disabled={taken.has(r.code) || items.length >= MAX}
                  onClick={() => change([...items, r])} aria-label={`Add ${r.code}`}>
                  {taken.has(r.code) ? 'Added' : 'Add'}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={save} disabled={saving || !dirty}>{saving ? 'Saving…' : 'Save favourites'}</Button>
        {dirty && <span className="text-sm text-slate-600">Unsaved changes.</span>}
      </div>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
    </div>
  );
}
