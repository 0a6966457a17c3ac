'use client';
/**
 * A small bar chart of labelled counts: upright bars over time or categories, or sideways bars
 * (`sideways`) for long names such as diagnoses and doctors, written in full and wrapped. Decorative
 * for assistive technology (`aria-hidden`, nothing focusable inside): the table under it carries the
 * same numbers. No animation (stable screenshots).
 *
 * The box (with its final height) is rendered on the server; the drawing (recharts) is loaded in the
 * browser only where a chart is shown (`next/dynamic`, no server rendering: recharts measures its box
 * first anyway), so pages and first loads without charts never carry recharts.
 */
import type { CSSProperties } from 'react';
import dynamic from 'next/dynamic';
import { CHARS_PER_LINE, sidewaysHeight, type BarDatum } from './bars-chart-layout';

export type { BarDatum } from './bars-chart-layout';

const Drawing = dynamic(() => import('./bars-chart-drawing'), { ssr: false });

/** Bars with their value name (tooltip), e.g. "Visits". */
export function BarsChart({ data, valueName, sideways = false, height }: { data: BarDatum[]; valueName: string; sideways?: boolean; height?: number }) {
  // Sideways names wrap over more lines on a phone: the box is taller there (CSS, so the server's box
  // already has the height the drawing will take).
  const box = sideways && height === undefined
    ? { className: 'w-full h-(--bars-narrow) sm:h-(--bars-wide)', style: { '--bars-narrow': `${sidewaysHeight(data, CHARS_PER_LINE.narrow)}px`, '--bars-wide': `${sidewaysHeight(data, CHARS_PER_LINE.wide)}px` } as CSSProperties }
    : { className: 'w-full', style: { height: height ?? 220 } };
  return (
    <div className={box.className} style={box.style} aria-hidden="true" data-bars={data.length}>
      <Drawing data={data} valueName={valueName} sideways={sideways} />
    </div>
  );
}
