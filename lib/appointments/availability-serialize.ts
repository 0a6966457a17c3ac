/** API shapes of the booking reads (api-shapes.md, "Doctor (for booking)"): snake_case, instants in clinic time. */
import { z } from 'zod';
import type { DoctorProfile } from '@/db/repositories/availability';
import { toClinicIso } from '@/core/time';
import { paginatedSchema } from '@/lib/api/pagination';
import { idField, instantField } from '@/lib/api/response-fields';
import type { Slot } from './availability';

export const bookableDoctorResponseSchema = z.object({
  id: idField.meta({ description: 'The doctor\'s user id.' }),
  name: z.string(),
  specialty: z.string(),
  slot_minutes: z.number().int().positive(),
}).meta({ id: 'Doctor' });

export const bookableDoctorListResponseSchema = paginatedSchema(bookableDoctorResponseSchema, 'DoctorList');

export const slotListResponseSchema = z.object({
  results: z.array(z.object({ start: instantField, end: instantField })),
}).meta({ id: 'SlotList', description: 'Free slots, in time order.' });

/** `{ id, name, specialty, slot_minutes }` (the id is the doctor's user id). */
export function serializeBookableDoctor(d: Pick<DoctorProfile, 'id' | 'name' | 'specialty' | 'slotMinutes'>): z.input<typeof bookableDoctorResponseSchema> {
  return { id: d.id, name: d.name, specialty: d.specialty, slot_minutes: d.slotMinutes };
}

/** `{ results: [{ start, end }] }`, each as ISO 8601 with the clinic's offset. */
export function serializeSlots(slots: ReadonlyArray<Pick<Slot, 'start' | 'end'>>): z.input<typeof slotListResponseSchema> {
  return { results: slots.map((s) => ({ start: toClinicIso(s.start), end: toClinicIso(s.end) })) };
}
