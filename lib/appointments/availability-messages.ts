/** Sentences the availability pages show after a change (shared by the doctor's and the admin's actions). */

/** "Time off added." plus a word about appointments already booked on those days. */
export function timeOffAddedMessage(activeAppointments: number): string {
  if (!activeAppointments) return 'Time off added.';
  const n = activeAppointments === 1 ? '1 booked appointment falls' : `${activeAppointments} booked appointments fall`;
  return `Time off added. ${n} on these days: still booked until cancelled or moved.`;
}
