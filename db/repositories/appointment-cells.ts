import { eq } from 'drizzle-orm';
import { q, tables } from '../index';
import { insertMany } from '../dialect';
import { cellsFor } from '../../core/appointment-cells';

/**
 * Writes the occupancy rows of an active appointment `[start, end)`: one row per party (the doctor and
 * the patient, by user id) and per 5-minute UTC cell from `cellsFor`. The unique key
 * (party, party_id, cell_start) makes a clash fail here — classify it with `classifyDbError` (`unique`).
 * Joins the caller's transaction: call it in the same transaction as the appointment row.
 */
export async function insertAppointmentCells(appointmentId: number, doctorId: number, patientId: number, start: Date, end: Date): Promise<void> {
  const cells = cellsFor(start, end);
  if (!cells.length) return;
  const rows = cells.flatMap((cellStart) => [
    { appointmentId, party: 'doctor' as const, partyId: doctorId, cellStart },
    { appointmentId, party: 'patient' as const, partyId: patientId, cellStart },
  ]);
  await insertMany(tables.appointmentCells, rows);
}

/** Removes every occupancy row of appointment `appointmentId` (it stopped being active, or moves). */
export async function deleteAppointmentCells(appointmentId: number): Promise<void> {
  const db = await q();
  await db.delete(tables.appointmentCells).where(eq(tables.appointmentCells.appointmentId, appointmentId));
}
