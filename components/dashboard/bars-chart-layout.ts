/**
 * Pure layout helpers of the dashboard's bar charts, shared by the server-rendered box
 * (bars-chart.tsx) and the client drawing (bars-chart-drawing.tsx).
 */

/** One bar: its axis label, value, and optional longer tooltip name and muted colour. */
export interface BarDatum {
  label: string;
  value: number;
  name?: string;
  muted?: boolean;
}

/**
 * `label` in lines of at most `chars` characters, broken between words (a single longer word gets a
 * line of its own, unbroken). Joining the lines with spaces gives back the label (runs of spaces as one).
 */
export function wrapLabel(label: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** Characters per line of the name column on a phone (360 px) and from Tailwind's `sm` width (640 px) up. */
export const CHARS_PER_LINE = { narrow: 13, wide: 30 } as const;

/** Height (px) of a sideways chart whose names wrap at `chars` characters: each row fits its longest name. */
export function sidewaysHeight(data: readonly BarDatum[], chars: number): number {
  const lines = Math.max(1, ...data.map((d) => wrapLabel(d.label, chars).length));
  const row = Math.max(30, lines * 15 + 10);
  return Math.max(140, data.length * row + 40);
}

/** The name column of a sideways chart `chartWidth` px wide: two fifths of it, between 96 and 260 px. */
export function nameColumnWidth(chartWidth: number): number {
  return Math.round(Math.min(260, Math.max(96, chartWidth * 0.4)));
}

/** Characters that fit a line of the name column (12 px text averages under 6.6 px a character), less the tick's gap. */
export function charsPerLine(axisWidth: number): number {
  return Math.max(8, Math.floor((axisWidth - 10) / 6.6));
}
