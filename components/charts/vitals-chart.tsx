'use client';
/**
 * A patient's vital signs over time: three small line charts (blood pressure with systolic and
 * diastolic, weight, temperature), each with its numbers in a `<details>` table (caption, column and
 * row headers, flags in words). The charts are decorative (`aria-hidden`); the tables carry the content.
 *
 * Dates: pass `at` as the API's ISO 8601 instant **with the clinic's offset** (`toClinicIso`,
 * `2026-12-01T09:20:00.000+03:00`); the label is read from the string's own date and time
 * (`1 Dec 2026`, plus `09:20` when a day has two readings), so the browser's time zone never shifts a
 * reading to another day and the server and client render the same text (no hydration mismatch).
 * A caller may pass its own `label` instead (e.g. from `formatDate`).
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ADULT_AGE_YEARS, ADULT_NORMAL_RANGES, FLAG_WORDS, vitalFlags, type VitalFlag } from '@/lib/records/vital-signs';

/** One visit's readings (absent values may be missing or null). */
export interface VitalsPoint {
  /** ISO 8601 instant with the clinic's offset. */
  at: string;
  /** Display label instead of the one read from `at`. */
  label?: string;
  systolicMmHg?: number | null;
  diastolicMmHg?: number | null;
  weightKg?: number | null;
  temperatureC?: number | null;
  /** The temperature was entered in °F (the table says so). */
  temperatureEnteredF?: boolean | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-01T09:20:00+03:00` → `{ day: '1 Dec 2026', time: '09:20' }`, from the string itself (no zone conversion). */
function dayAndTime(iso: string): { day: string; time: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return { day: iso, time: '' };
  return { day: `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`, time: m[4] ? `${m[4]}:${m[5]}` : '' };
}

interface Row extends VitalsPoint {
  key: string;
  label: string;
  flags: Partial<Record<'systolicMmHg' | 'diastolicMmHg' | 'temperatureC', VitalFlag>>;
}

function rowsOf(series: readonly VitalsPoint[], ageYears: number | null | undefined): Row[] {
  const sorted = [...series].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const days = sorted.map((p) => dayAndTime(p.at));
  const count = new Map<string, number>();
  for (const d of days) count.set(d.day, (count.get(d.day) ?? 0) + 1);
  return sorted.map((p, i) => {
    const d = days[i];
    const label = p.label ?? ((count.get(d.day) ?? 0) > 1 && d.time ? `${d.day}, ${d.time}` : d.day);
    return { ...p, key: `${p.at}#${i}`, label, flags: vitalFlags(p, { ageYears }) };
  });
}

const num = (v: number, decimals?: number) => (decimals === undefined ? String(v) : v.toFixed(decimals));

/** A value with its flag in words: `150 (High)`. */
function Cell({ value, flag, decimals, note }: { value?: number | null; flag?: VitalFlag; decimals?: number; note?: string }) {
  if (value == null) return <td className="px-2 py-1 text-right text-slate-500">—</td>;
  return (
    <td className="px-2 py-1 text-right tabular-nums">
      {num(value, decimals)}
      {flag ? <strong className="ml-1 font-semibold">({FLAG_WORDS[flag]})</strong> : null}
      {note ? <span className="ml-1 text-xs text-slate-600">{note}</span> : null}
    </td>
  );
}

function Panel({ title, testId, children, table }: { title: string; testId: string; children: React.ReactNode; table: React.ReactNode }) {
  return (
    <figure className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid={testId}>
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      {children}
      <details className="mt-2 text-sm">
        <summary className="flex min-h-11 cursor-pointer items-center">Show the numbers</summary>
        <div className="overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}

/** Round ticks every `step` covering the values with a margin (BP: 60, 80 … 160). */
function ticksOf(values: ReadonlyArray<number | null | undefined>, step: number): number[] {
  const v = values.filter((x): x is number => x != null);
  if (!v.length) return [0, step];
  const lo = Math.floor((Math.min(...v) - step / 4) / step) * step;
  const hi = Math.ceil((Math.max(...v) + step / 4) / step) * step;
  const out: number[] = [];
  for (let t = lo; t <= hi; t += step) out.push(t);
  return out;
}

const chartBox = 'h-44 w-full';
const margin = { top: 8, right: 8, bottom: 0, left: -20 };

/** Blood pressure, weight and temperature over time, each as a small chart with its table. */
export function VitalsChart({ series, ageYears }: { series: readonly VitalsPoint[]; ageYears?: number | null }) {
  const rows = rowsOf(series, ageYears);
  const adult = !(ageYears != null && ageYears < ADULT_AGE_YEARS);
  const bp = rows.filter((r) => r.systolicMmHg != null || r.diastolicMmHg != null);
  const weight = rows.filter((r) => r.weightKg != null);
  const temp = rows.filter((r) => r.temperatureC != null);
  const sysHigh = ADULT_NORMAL_RANGES.systolicMmHg?.highFrom;
  const diaHigh = ADULT_NORMAL_RANGES.diastolicMmHg?.highFrom;
  const fever = ADULT_NORMAL_RANGES.temperatureC?.highFrom;
  const bpTicks = ticksOf(bp.flatMap((r) => [r.systolicMmHg, r.diastolicMmHg]), 20);
  const none = (what: string) => <p className="text-sm text-slate-600">No {what} recorded yet.</p>;
  const th = 'px-2 py-1 font-medium';

  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <Panel
        title="Blood pressure (mmHg)" testId="vitals-bp"
        table={
          <table className="mt-2 w-full text-left">
            <caption className="sr-only">Blood pressure in mmHg by date</caption>
            <thead><tr><th scope="col" className={th}>Date</th><th scope="col" className={`${th} text-right`}>Systolic</th><th scope="col" className={`${th} text-right`}>Diastolic</th></tr></thead>
            <tbody>
              {bp.map((r) => (
                <tr key={r.key} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 font-normal">{r.label}</th>
                  <Cell value={r.systolicMmHg} flag={r.flags.systolicMmHg} />
                  <Cell value={r.diastolicMmHg} flag={r.flags.diastolicMmHg} />
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {bp.length === 0 ? none('blood pressure') : (
          <div className={chartBox} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart accessibilityLayer={false} data={bp} margin={margin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" fontSize={11} minTickGap={16} />
                <YAxis fontSize={11} domain={[bpTicks[0], bpTicks[bpTicks.length - 1]]} ticks={bpTicks} allowDecimals={false} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                {adult && sysHigh ? <ReferenceLine y={sysHigh} stroke="#b91c1c" strokeDasharray="2 4" ifOverflow="extendDomain" /> : null}
                {adult && diaHigh ? <ReferenceLine y={diaHigh} stroke="#1d4ed8" strokeDasharray="2 4" ifOverflow="extendDomain" /> : null}
                <Line type="monotone" dataKey="systolicMmHg" name="Systolic" unit=" mmHg" stroke="#b91c1c" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
                <Line type="monotone" dataKey="diastolicMmHg" name="Diastolic" unit=" mmHg" stroke="#1d4ed8" strokeWidth={2} strokeDasharray="6 3" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
      </Panel>

      <Panel
        title="Weight (kg)" testId="vitals-weight"
        table={
          <table className="mt-2 w-full text-left">
            <caption className="sr-only">Weight in kg by date</caption>
            <thead><tr><th scope="col" className={th}>Date</th><th scope="col" className={`${th} text-right`}>Weight (kg)</th></tr></thead>
            <tbody>
              {weight.map((r) => (
                <tr key={r.key} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 font-normal">{r.label}</th>
                  <Cell value={r.weightKg} />
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {weight.length === 0 ? none('weight') : (
          <div className={chartBox} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart accessibilityLayer={false} data={weight} margin={margin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" fontSize={11} minTickGap={16} />
                <YAxis fontSize={11} domain={[(min: number) => Math.floor(min * 0.95), (max: number) => Math.ceil(max * 1.05)]} />
                <Tooltip />
                <Line type="monotone" dataKey="weightKg" name="Weight" unit=" kg" stroke="#0f766e" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
      </Panel>

      <Panel
        title="Temperature (°C)" testId="vitals-temperature"
        table={
          <table className="mt-2 w-full text-left">
            <caption className="sr-only">Temperature in °C by date</caption>
            <thead><tr><th scope="col" className={th}>Date</th><th scope="col" className={`${th} text-right`}>Temperature (°C)</th></tr></thead>
            <tbody>
              {temp.map((r) => (
                <tr key={r.key} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 font-normal">{r.label}</th>
                  <Cell value={r.temperatureC} decimals={1} flag={r.flags.temperatureC} note={r.temperatureEnteredF ? 'entered in °F' : undefined} />
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {temp.length === 0 ? none('temperature') : (
          <div className={chartBox} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart accessibilityLayer={false} data={temp} margin={margin}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" fontSize={11} minTickGap={16} />
                <YAxis fontSize={11} domain={[(min: number) => Math.min(35, Math.floor(min)), (max: number) => Math.max(39, Math.ceil(max))]} />
                <Tooltip />
                {fever ? <ReferenceLine y={fever} stroke="#c2410c" strokeDasharray="2 4" /> : null}
                <Line type="monotone" dataKey="temperatureC" name="Temperature" unit=" °C" stroke="#c2410c" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
      </Panel>
    </div>
  );
}
