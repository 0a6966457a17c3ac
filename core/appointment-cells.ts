/**
 * Occupancy cells: the fixed 5-minute UTC cells an appointment `[start, end)` covers. Every zone offset
 * in use is a multiple of 15 minutes, so clinic-time slots on a 5-minute grid map onto whole cells.
 */
export const CELL_MS = 5 * 60_000;

/** The starts of the 5-minute cells covering `[start, end)` (end exclusive); empty when end ≤ start. */
export function cellsFor(start: Date, end: Date): Date[] {
  const out: Date[] = [];
  const first = Math.floor(start.getTime() / CELL_MS) * CELL_MS;
  for (let t = first; t < end.getTime(); t += CELL_MS) out.push(new Date(t));
  return out;
}
