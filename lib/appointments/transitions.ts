/**
 * The appointment status workflow (FHIR Appointment.status, with the seed's words):
 * pending → confirmed → completed; pending → completed (charting records the confirm, then the
 * complete); pending/confirmed → cancelled; confirmed → no-show (after the start time).
 * Completed, cancelled and no-show are final: only their notes may change.
 */
import type { AppointmentStatus } from '@/core/vocabulary';
import { conflict } from '@/lib/errors';

export type AppointmentAction = 'confirm' | 'complete' | 'cancel' | 'no-show' | 'reschedule';

const ALLOWED: Record<AppointmentStatus, AppointmentAction[]> = {
  pending: ['confirm', 'complete', 'cancel', 'reschedule'],
  confirmed: ['complete', 'cancel', 'no-show', 'reschedule'],
  completed: [],
  cancelled: [],
  'no-show': [],
};

export const ACTION_TARGET: Record<Exclude<AppointmentAction, 'reschedule'>, AppointmentStatus> = {
  confirm: 'confirmed',
  complete: 'completed',
  cancel: 'cancelled',
  'no-show': 'no-show',
};

/** The actions allowed from `status`. */
export function allowedActions(status: AppointmentStatus): AppointmentAction[] {
  return ALLOWED[status];
}

/** Whether `status` holds a slot. */
export function isActive(status: AppointmentStatus): boolean {
  return status === 'pending' || status === 'confirmed';
}

/** Throws `conflict` (409) naming the allowed actions when `action` is not allowed from `status`. */
export function assertTransition(status: AppointmentStatus, action: AppointmentAction): void {
  const allowed = ALLOWED[status];
  if (!allowed.includes(action)) {
    const words = allowed.length ? `Allowed now: ${allowed.join(', ')}.` : 'No status change is allowed any more; only its notes can be edited.';
    throw conflict(`A ${status === 'no-show' ? 'no-show' : status} appointment cannot be ${pastTense(action)}. ${words}`, { allowed });
  }
}

function pastTense(a: AppointmentAction): string {
  return { confirm: 'confirmed', complete: 'completed', cancel: 'cancelled', 'no-show': 'marked as a no-show', reschedule: 'rescheduled' }[a];
}

/**
 * A patient moves their own appointment only before it starts: throws a 409 `conflict` once `startAt`
 * is reached at `now` (the clinic may still move it).
 */
export function assertPatientMayMoveBeforeStart(startAt: Date, now: Date): void {
  if (startAt.getTime() <= now.getTime()) throw conflict('This appointment has already started; it can no longer be moved. Book a new one instead.');
}
