/** `/api/appointments/{id}/cancel/`; what it does, who may call it and its schemas: lib/appointments/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { changeAppointmentStatus } from '@/lib/appointments/change-appointment-status';
import { cancelAppointmentOperation } from '@/lib/appointments/operations';
import { serializeAppointment } from '@/lib/appointments/serialize';

export const POST = withApi(cancelAppointmentOperation, async ({ user, actor, params, body }) =>
  serializeAppointment(await changeAppointmentStatus({ user, actor, appointmentId: params.id, action: 'cancel', reason: body.reason })));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
