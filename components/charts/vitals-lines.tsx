'use client';
/**
 * The recharts drawings of `VitalsChart` (components/charts/vitals-chart.tsx): blood pressure,
 * weight or temperature over time. Loaded only once a chart is shown (`next/dynamic`), so recharts
 * stays out of the chart page's first load. Not focusable (`accessibilityLayer={false}`): the box is
 * hidden from assistive technology and the tables beside it carry the numbers.
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ADULT_NORMAL_RANGES } from '@/lib/records/vital-signs';

/** One point of a line: its axis label and the readings it has. */
export interface VitalsLinePoint {
  key: string;
  label: string;
  systolicMmHg?: number | null;
  diastolicMmHg?: number | null;
  weightKg?: number | null;
  temperatureC?: number | null;
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

const margin = { top: 8, right: 8, bottom: 0, left: -20 };

/** One vital sign's chart; `adult` adds the adult high-blood-pressure lines. Fills its parent. */
export default function VitalsLines({ kind, rows, adult }: { kind: 'bp' | 'weight' | 'temperature'; rows: VitalsLinePoint[]; adult: boolean }) {
  if (kind === 'bp') {
    const sysHigh = ADULT_NORMAL_RANGES.systolicMmHg?.highFrom;
    const diaHigh = ADULT_NORMAL_RANGES.diastolicMmHg?.highFrom;
    const bpTicks = ticksOf(rows.flatMap((r) => [r.systolicMmHg, r.diastolicMmHg]), 20);
    return (
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={margin} accessibilityLayer={false}>
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
    );
  }
  if (kind === 'weight') {
    return (
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={margin} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={11} minTickGap={16} />
          <YAxis fontSize={11} domain={[(min: number) => Math.floor(min * 0.95), (max: number) => Math.ceil(max * 1.05)]} />
          <Tooltip />
          <Line type="monotone" dataKey="weightKg" name="Weight" unit=" kg" stroke="#0f766e" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    );
  }
  const fever = ADULT_NORMAL_RANGES.temperatureC?.highFrom;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={margin} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={11} minTickGap={16} />
        <YAxis fontSize={11} domain={[(min: number) => Math.min(35, Math.floor(min)), (max: number) => Math.max(39, Math.ceil(max))]} />
        <Tooltip />
        {fever ? <ReferenceLine y={fever} stroke="#c2410c" strokeDasharray="2 4" /> : null}
        <Line type="monotone" dataKey="temperatureC" name="Temperature" unit=" °C" stroke="#c2410c" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
