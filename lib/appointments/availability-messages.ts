/** Sentences the availability pages show after a change (shared by the doctor's and the admin's actions). */
import { formatDate, formatTime } from '@/core/time';
import type { TouchedAppointment } from './availability-services';

/** "Time off added." plus a word about appointments already booked on those days. */
export function timeOffAddedMessage(activeAppointments: number): string {
  if (!activeAppointments) return 'Time off added.';
  const n = activeAppointments === 1 ? '1 booked appointment falls' : `${activeAppointments} booked appointments fall`;
  return `Time off added. ${n} on these days: still booked until cancelled or moved.`;
}

/**
 * The appointments a new period of time off falls on, as list items for the form's answer: clinic date
 * and time, patient, status (`Tue 8 Dec 2026 09:00 — Amina Njeri (confirmed)`), linked to `hrefOf(a)`
 * when given (a doctor's link goes to the patient's chart, where the appointment can be moved or cancelled).
 */
export function touchedAppointmentItems(touched: TouchedAppointment[], hrefOf?: (a: TouchedAppointment) => string) {
  return touched.map((a) => ({
    label: `${formatDate(a.startAt)} ${formatTime(a.startAt)} — ${a.patientName} (${a.status})`,
    ...(hrefOf ? { href: hrefOf(a) } : {}),
  }));
}
