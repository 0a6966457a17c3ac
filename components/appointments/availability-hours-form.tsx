'use client';
import { useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormNotice } from '@/components/ui/form-notice';
import { initialActionState, type ActionState } from '@/lib/api/action-state';

export interface HoursDay {
  /** Form key: `mon` … `sun`. */
  key: string;
  /** `Monday` … */
  name: string;
  /** Saved periods, `HH:MM` (an end of midnight as `24:00`). */
  ranges: Array<{ start: string; end: string }>;
}

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const input = 'min-h-11 w-full rounded border border-slate-400 bg-white px-2 py-2 aria-[invalid=true]:border-rose-600';

/** A time input shows midnight at the end of the day as 00:00 (a time picker has no 24:00). */
const forPicker = (t: string) => (t === '24:00' ? '00:00' : t);

/**
 * The weekly-hours form: slot length, then each weekday's working periods (start and end times, one or
 * more), with field errors next to each time. Works before scripts load: a period is added through the
 * "Add a period" disclosure (one more per save), removed by clearing both of its times.
 */
export function AvailabilityHoursForm({ action, doctorId, slotMinutes, days, maxRanges, zoneLabel }: {
  action: Action; doctorId: number; slotMinutes: number; days: HoursDay[]; maxRanges: number; zoneLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  // Times the browser could not read (a time picker left half-filled, e.g. "08:--"): it would send them
  // as empty, and a period with both times empty is removed. Caught here, before anything is sent.
  const [unfinished, setUnfinished] = useState<Record<string, string[]> | null>(null);
  const echo = !state.ok && state.values ? state.values : null;
  const errors = { ...(state.fieldErrors ?? {}), ...(unfinished ?? {}) };
  const checkTimes = (event: FormEvent<HTMLFormElement>) => {
    const bad = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="time"]')].filter((i) => i.validity.badInput);
    if (!bad.length) return setUnfinished(null);
    event.preventDefault();
    setUnfinished(Object.fromEntries(bad.map((i) => [i.name, ['Finish this time, like 08:00, or clear it.']])));
  };
  const rowsOf = (day: HoursDay): Array<{ start: string; end: string }> => {
    if (!echo) return day.ranges.map((r) => ({ start: forPicker(r.start), end: forPicker(r.end) }));
    const rows: Array<{ start: string; end: string }> = [];
    for (let j = 0; j < maxRanges + 1; j++) {
      const start = echo[`${day.key}.${j}.start`];
      const end = echo[`${day.key}.${j}.end`];
      if (start === undefined && end === undefined) break;
      rows.push({ start: start ?? '', end: end ?? '' });
    }
    // Drop trailing blank rows without errors (they become the "add" row again).
    while (rows.length) {
      const j = rows.length - 1;
      const r = rows[j];
      if (r.start || r.end || errors[`${day.key}.${j}.start`] || errors[`${day.key}.${j}.end`]) break;
      rows.pop();
    }
    return rows;
  };

  return (
    <form action={formAction} onSubmit={checkTimes} key={state.nonce} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="doctor_id" value={doctorId} />
      {unfinished && (
        <FormNotice answer={unfinished} tone="error">Some times are not finished: complete them or clear them. Nothing was saved.</FormNotice>
      )}
      {!unfinished && state.message && (
        <FormNotice answer={state} tone={state.ok ? 'success' : 'error'}>
          {state.message}
        </FormNotice>
      )}

      <div className="flex flex-col gap-1">
        <label htmlFor="f-slot_minutes" className="font-medium">Slot length (minutes)</label>
        <input id="f-slot_minutes" name="slot_minutes" type="number" inputMode="numeric" min={5} max={240} step={5}
          defaultValue={echo?.slot_minutes ?? String(slotMinutes)} aria-invalid={errors.slot_minutes ? true : undefined}
          aria-describedby={`f-slot_minutes-hint${errors.slot_minutes ? ' f-slot_minutes-err' : ''}`} className={`${input} max-w-40`} />
        <p id="f-slot_minutes-hint" className="text-sm text-slate-600">Each appointment takes one slot: 5 to 240 minutes, in steps of 5.</p>
        {errors.slot_minutes && <p id="f-slot_minutes-err" className="text-sm text-rose-700">{errors.slot_minutes.join(' ')}</p>}
      </div>

      <p className="text-sm text-slate-600">
        Times are clinic time ({zoneLabel}). Slots start at the beginning of each period. Use 00:00 as an end time for midnight.
        To remove a period, clear both of its times. Appointments already booked are not moved.
      </p>

      {days.map((day) => {
        const rows = rowsOf(day);
        const canAdd = rows.length < maxRanges;
        return (
          <fieldset key={day.key} className="flex flex-col gap-2 border-t border-slate-200 pt-3">
            <legend className="float-left w-full pb-1 font-semibold">{day.name}</legend>
            {rows.length === 0 && <p className="text-sm text-slate-600">Not working.</p>}
            {rows.map((r, j) => <PeriodRow key={j} dayKey={day.key} dayName={day.name} index={j} start={r.start} end={r.end} errors={errors} />)}
            {canAdd && (
              <details className="group">
                <summary className="inline-flex min-h-11 cursor-pointer items-center text-teal-800 underline underline-offset-4">
                  {rows.length ? `Add a period on ${day.name}` : `Add working hours on ${day.name}`}
                </summary>
                <div className="mt-1">
                  <PeriodRow dayKey={day.key} dayName={day.name} index={rows.length} start="" end="" errors={errors} />
                </div>
              </details>
            )}
          </fieldset>
        );
      })}

      <Button type="submit" disabled={pending} className="sm:self-start">
        {pending ? 'Saving…' : 'Save weekly hours'}
      </Button>
    </form>
  );
}

function PeriodRow({ dayKey, dayName, index, start, end, errors }: {
  dayKey: string; dayName: string; index: number; start: string; end: string; errors: Record<string, string[]>;
}) {
  const base = `${dayKey}.${index}`;
  const id = `f-${dayKey}-${index}`;
  const startErr = errors[`${base}.start`];
  const endErr = errors[`${base}.end`];
  const errId = `${id}-err`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-end gap-2">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor={`${id}-start`} className="text-sm">From <span className="sr-only">({dayName}, period {index + 1})</span></label>
          <input id={`${id}-start`} name={`${base}.start`} type="time" step={300} defaultValue={start} className={input}
            aria-invalid={startErr ? true : undefined} aria-describedby={startErr || endErr ? errId : undefined} />
        </div>
        <span aria-hidden="true" className="pb-3">–</span>
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor={`${id}-end`} className="text-sm">To <span className="sr-only">({dayName}, period {index + 1})</span></label>
          <input id={`${id}-end`} name={`${base}.end`} type="time" step={300} defaultValue={end} className={input}
            aria-invalid={endErr ? true : undefined} aria-describedby={startErr || endErr ? errId : undefined} />
        </div>
      </div>
      {(startErr || endErr) && (
        <p id={errId} className="text-sm text-rose-700">{[...(startErr ?? []), ...(endErr ?? [])].join(' ')}</p>
      )}
    </div>
  );
}
