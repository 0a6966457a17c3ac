import { classifyDbError } from '@/db/dialect';
import { findOccupant } from '@/db/repositories/appointments';
import { findUserById } from '@/db/repositories/users';
import type { CurrentUser } from '@/lib/auth/current-user';
import { AppError, conflict } from '@/lib/errors';
import { formatDate, formatTime } from '@/core/time';
import { cellsFor } from '@/core/appointment-cells';

/** Who would hold which time: the doctor and the patient of an appointment over `[start, end)`. */
export interface ClashSlot {
  doctorId: number;
  patientId: number;
  start: Date;
  end: Date;
}

/**
 * The 409 for a booking the occupancy constraint refused, naming who is already booked:
 * `{ conflict: 'doctor' | 'patient' }` in the error body.
 */
export async function describeClash(user: CurrentUser, doctorId: number, patientId: number, start: Date, end: Date): Promise<AppError> {
  const cells = cellsFor(start, end);
  const byDoctor = await findOccupant('doctor', doctorId, cells);
  if (byDoctor) {
    const doctor = await findUserById(doctorId);
    return conflict(`${doctor?.name ?? 'The doctor'} is already booked at ${formatTime(byDoctor.startAt)} on ${formatDate(byDoctor.startAt)}. Choose another time.`, { conflict: 'doctor' });
  }
  const byPatient = await findOccupant('patient', patientId, cells);
  const who = user.id === patientId ? 'You already have' : `${(await findUserById(patientId))?.name ?? 'The patient'} already has`;
  const at = byPatient ? ` at ${formatTime(byPatient.startAt)} on ${formatDate(byPatient.startAt)}` : ' at that time';
  return conflict(`${who} an appointment${at}. Choose another time.`, { conflict: 'patient' });
}

/**
 * Runs `write` (which takes `slot` for an active appointment, e.g. a booking, a walk-in or a move) and
 * turns the occupancy constraint's unique violation into the 409 of `describeClash` for `user`;
 * other errors pass through. Call it outside the write's transaction, so the 409 is worded from what
 * the other transaction committed.
 */
export async function withClashAsConflict<T>(user: CurrentUser, slot: ClashSlot, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (classifyDbError(e) === 'unique') throw await describeClash(user, slot.doctorId, slot.patientId, slot.start, slot.end);
    throw e;
  }
}
