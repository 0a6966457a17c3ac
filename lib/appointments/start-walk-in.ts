import { findPractitionerByUserId } from '@/db/repositories/practitioners';
import { findUserById } from '@/db/repositories/users';
import type { Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { validationError } from '@/lib/errors';
import { CELL_MS } from '@/core/appointment-cells';
import { placeAppointment } from './place-appointment';

/**
 * A doctor starts a walk-in visit with patient `patientId` now: a confirmed appointment from now
 * (rounded down to 5 minutes) for the doctor's slot length, which links them (so the chart opens) and
 * is completed when the visit is charted. It holds its occupancy cells like any active appointment, so
 * it is refused (409 naming who) while the doctor or the patient has another active appointment now.
 * Returns `{ appointmentId }`.
 */
export async function startWalkIn(opts: { user: CurrentUser; actor: Actor; patientId: number; reason?: string; now?: Date }) {
  const { user, actor, patientId } = opts;
  const now = opts.now ?? new Date();
  assertRole(user, ['doctor']);
  const patient = await findUserById(patientId);
  if (!patient || patient.role !== 'patient') throw validationError({ patient_id: ['There is no such patient.'] });
  const practitioner = await findPractitionerByUserId(user.id);
  const minutes = practitioner?.slotMinutes ?? 20;
  const start = new Date(Math.floor(now.getTime() / CELL_MS) * CELL_MS);
  const end = new Date(start.getTime() + minutes * 60_000);
  const appointment = await placeAppointment({
    user, actor, patientId, doctorId: user.id, start, end, status: 'confirmed', reason: opts.reason?.trim() || 'Walk-in visit',
    note: 'walk-in', auditAction: 'appointment.walk_in', now,
  });
  return { appointmentId: appointment.id };
}
