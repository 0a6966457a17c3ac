import { withTransaction } from '@/db';
import { appendAppointmentEvent } from '@/db/repositories/appointment-events';
import { findAppointmentById, updateAppointment, type AppointmentRow } from '@/db/repositories/appointments';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCanSeeAppointment } from '@/lib/auth/policy';
import { conflict, forbidden, notFound, validationError } from '@/lib/errors';
import { queueReminders } from '@/lib/reminders/queue-reminders';
import { findDoctorProfile } from '@/db/repositories/availability';
import { slotProblem } from './availability';
import { assertSuitsPatient } from './suitability';
import type { UpdateAppointmentInput } from './schemas';
import { withClashAsConflict } from './describe-clash';
import { allowedActions, assertPatientMayMoveBeforeStart, assertTransition, isActive } from './transitions';

/**
 * Edits appointment `appointmentId`: a new `date_time` reschedules it (its doctor, an admin, or its
 * patient — who must not have reached its start, and to whom the doctor must still suit, suitability.ts;
 * active appointments only, else 409; into a free slot of the same doctor, keeping its status and
 * history); another person's appointment is a 403; `reason`
 * may change while it is active (the patient too); `notes` (the doctor or an admin) may change in any
 * status — completed, cancelled and no-show appointments accept nothing else (409).
 * The move (the repository moves its occupancy cells; an overlap is a 409 naming who), reminders, a
 * history event and the audit entry change in one transaction.
 */
export async function updateAppointmentDetails(opts: { user: CurrentUser; actor: Actor; appointmentId: number; input: UpdateAppointmentInput; now?: Date }): Promise<AppointmentRow> {
  const { user, actor, appointmentId, input } = opts;
  const now = opts.now ?? new Date();
  const a = await findAppointmentById(appointmentId);
  if (!a) throw notFound('The appointment');
  assertCanSeeAppointment(user, a);
  const moving = input.date_time !== undefined && input.date_time.getTime() !== a.startAt.getTime();
  if (user.role === 'patient' && input.notes !== undefined) {
    throw forbidden('Only the clinic can write an appointment\'s notes. Say why you are coming in the reason.');
  }
  if (!isActive(a.status) && (moving || (input.reason !== undefined && input.reason !== (a.reason ?? '')))) {
    throw conflict(`A ${a.status} appointment can no longer be changed; only its notes can be edited.`, { allowed: allowedActions(a.status) });
  }
  if (moving) assertTransition(a.status, 'reschedule');
  if (moving && user.role === 'patient') {
    assertPatientMayMoveBeforeStart(a.startAt, now);
    const doctor = await findDoctorProfile(a.doctorId);
    if (doctor) await assertSuitsPatient(doctor.name, doctor.specialty, a.patientId, now);
  }

  let start = a.startAt;
  let end = a.endAt;
  if (moving) {
    start = input.date_time as Date;
    end = new Date(start.getTime() + (a.endAt.getTime() - a.startAt.getTime()));
    const problem = await slotProblem(a.doctorId, start, end, now);
    if (problem) throw validationError({ date_time: [problem] }, problem);
  }
  return withClashAsConflict(user, { doctorId: a.doctorId, patientId: a.patientId, start, end }, () => withTransaction(async () => {
    await updateAppointment(a.id, {
      ...(moving ? { startAt: start, endAt: end } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
    });
    if (moving) {
      await appendAppointmentEvent({ appointmentId: a.id, at: now, actorUserId: user.id, fromStatus: a.status, toStatus: a.status, fromStartAt: a.startAt, toStartAt: start, note: 'rescheduled' });
      await queueReminders(a.id, now);
    }
    await audit(actor, { action: moving ? 'appointment.reschedule' : 'appointment.update', entity: 'appointment', entityId: a.id, patientId: a.patientId, details: { fields: Object.keys(input), ...(moving ? { from: a.startAt.toISOString(), to: start.toISOString() } : {}) } });
    return (await findAppointmentById(a.id))!;
  }));
}
