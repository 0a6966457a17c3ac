/** The `/api/doctors/` operations: who can be booked, and when (see lib/api/operation.ts). */
import { defineOperation } from '@/lib/api/operation';
import { paginationSchema } from '@/lib/api/pagination';
import { idPathParam } from '@/lib/api/params';
import { bookableDoctorListResponseSchema, slotListResponseSchema } from './availability-serialize';
import { slotsQuerySchema } from './schemas';

export const listDoctorsOperation = defineOperation({
  method: 'GET', path: '/api/doctors/', operationId: 'listDoctors', tag: 'Doctors',
  summary: 'Active, bookable doctors with working hours (any signed-in user)',
  query: paginationSchema,
  success: { status: 200, description: 'A page of doctors.', schema: bookableDoctorListResponseSchema },
});

export const listDoctorSlotsOperation = defineOperation({
  method: 'GET', path: '/api/doctors/{id}/slots/', operationId: 'listDoctorSlots', tag: 'Doctors', params: { id: idPathParam('The doctor') },
  summary: 'A doctor\'s free slots between two clinic dates (at most 31 days)',
  description: '`from` defaults to today, `to` to 14 days from `from`.',
  query: slotsQuerySchema,
  success: { status: 200, description: 'The free slots.', schema: slotListResponseSchema },
});
