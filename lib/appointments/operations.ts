/** The `/api/appointments/` operations (see lib/api/operation.ts). */
import { z } from 'zod';
import { defineOperation, named } from '@/lib/api/operation';
import { paginationSchema } from '@/lib/api/pagination';
import { idPathParam } from '@/lib/api/params';
import { bookAppointmentSchema, cancelAppointmentSchema, listAppointmentsSchema, updateAppointmentSchema } from './schemas';
import { appointmentListResponseSchema, appointmentResponseSchema } from './serialize';

const appointmentId = { id: idPathParam('The appointment') };
const listQuery = [paginationSchema, listAppointmentsSchema] as const;
const cancelBody = named(cancelAppointmentSchema, 'CancelAppointment');
const changed = { status: 200, description: 'The appointment after the change.', schema: appointmentResponseSchema } as const;

export const listAppointmentsOperation = defineOperation({
  method: 'GET', path: '/api/appointments/', operationId: 'listAppointments', tag: 'Appointments',
  summary: 'List appointments, role-filtered, newest first',
  query: listQuery,
  success: { status: 200, description: 'A page of appointments.', schema: appointmentListResponseSchema },
});

export const bookAppointmentOperation = defineOperation({
  method: 'POST', path: '/api/appointments/', operationId: 'bookAppointment', tag: 'Appointments',
  summary: 'Book a pending appointment in a free slot (`patient_id` required when staff book)',
  description: 'A patient booking for themselves may only choose a doctor who suits them: a paediatrician only while they are younger than `PAEDIATRIC_AGE_LIMIT_YEARS` (400 on `doctor_id` otherwise). Staff may book any doctor (a clinical decision).',
  body: named(bookAppointmentSchema, 'BookAppointment'),
  success: { status: 201, description: 'The new appointment.', schema: appointmentResponseSchema },
  errors: ['conflict'],
});

export const getAppointmentOperation = defineOperation({
  method: 'GET', path: '/api/appointments/{id}/', operationId: 'getAppointment', tag: 'Appointments', params: appointmentId,
  summary: 'One appointment (its patient, its doctor, or an admin)',
  success: { status: 200, description: 'The appointment.', schema: appointmentResponseSchema },
});

export const updateAppointmentOperation = defineOperation({
  method: 'PUT', path: '/api/appointments/{id}/', operationId: 'updateAppointment', tag: 'Appointments', params: appointmentId,
  summary: 'Reschedule (a new `date_time`; its patient too, to a doctor who suits them) or edit reason and notes',
  body: named(updateAppointmentSchema, 'UpdateAppointment'),
  success: changed,
  errors: ['conflict'],
});

/** The reason comes from `?reason=` when given (the body is then not read), else from the body. */
export const deleteAppointmentOperation = defineOperation({
  method: 'DELETE', path: '/api/appointments/{id}/', operationId: 'deleteAppointment', tag: 'Appointments', params: appointmentId,
  summary: 'Cancel an appointment (no row is removed)',
  description: 'The reason is required: in the body (`{"reason"}`) or as `?reason=`.',
  query: z.object({ reason: cancelAppointmentSchema.shape.reason.optional() }),
  body: cancelBody, bodyRequired: false,
  success: { status: 200, description: 'The cancelled appointment.', schema: appointmentResponseSchema },
  errors: ['conflict'],
});

export const confirmAppointmentOperation = defineOperation({
  method: 'POST', path: '/api/appointments/{id}/confirm/', operationId: 'confirmAppointment', tag: 'Appointments', params: appointmentId,
  summary: 'Confirm an appointment (its doctor or an admin)',
  success: changed,
  errors: ['conflict'],
});

export const completeAppointmentOperation = defineOperation({
  method: 'POST', path: '/api/appointments/{id}/complete/', operationId: 'completeAppointment', tag: 'Appointments', params: appointmentId,
  summary: 'Mark an appointment completed (from its day on; charting a visit does it too)',
  success: changed,
  errors: ['conflict'],
});

export const cancelAppointmentOperation = defineOperation({
  method: 'POST', path: '/api/appointments/{id}/cancel/', operationId: 'cancelAppointment', tag: 'Appointments', params: appointmentId,
  summary: 'Cancel an appointment, with a reason',
  body: cancelBody,
  success: changed,
  errors: ['conflict'],
});

export const markAppointmentNoShowOperation = defineOperation({
  method: 'POST', path: '/api/appointments/{id}/no-show/', operationId: 'markAppointmentNoShow', tag: 'Appointments', params: appointmentId,
  summary: 'Mark a no-show (after the start time)',
  success: changed,
  errors: ['conflict'],
});

export const listUpcomingAppointmentsOperation = defineOperation({
  method: 'GET', path: '/api/appointments/upcoming/', operationId: 'listUpcomingAppointments', tag: 'Appointments',
  summary: 'Active appointments from now on, soonest first, role-filtered',
  query: listQuery,
  success: { status: 200, description: 'A page of appointments.', schema: appointmentListResponseSchema },
});

export const listTodaysAppointmentsOperation = defineOperation({
  method: 'GET', path: '/api/appointments/today/', operationId: 'listTodaysAppointments', tag: 'Appointments',
  summary: 'The clinic day\'s appointments in time order, role-filtered',
  query: listQuery,
  success: { status: 200, description: 'A page of appointments.', schema: appointmentListResponseSchema },
});
