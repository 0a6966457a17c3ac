/** API shapes of the booking reads (api-shapes.md, "Doctor (for booking)"): snake_case, instants in clinic time. */
import type { DoctorProfile } from '@/db/repositories/availability';
import { toClinicIso } from '@/core/time';
import type { Slot } from './availability';

/** `{ id, name, specialty, slot_minutes }` (the id is the doctor's user id). */
export function serializeBookableDoctor(d: Pick<DoctorProfile, 'id' | 'name' | 'specialty' | 'slotMinutes'>) {
  return { id: d.id, name: d.name, specialty: d.specialty, slot_minutes: d.slotMinutes };
}

/** `{ start, end }` as ISO 8601 with the clinic's offset. */
export function serializeSlot(s: Pick<Slot, 'start' | 'end'>) {
  return { start: toClinicIso(s.start), end: toClinicIso(s.end) };
}
