/** `/api/appointments/{id}/`; what each method does, who may call it and its schemas: lib/appointments/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { changeAppointmentStatus } from '@/lib/appointments/change-appointment-status';
import { getAppointment } from '@/lib/appointments/list-appointments';
import { deleteAppointmentOperation, getAppointmentOperation, updateAppointmentOperation } from '@/lib/appointments/operations';
import { serializeAppointment } from '@/lib/appointments/serialize';
import { updateAppointmentDetails } from '@/lib/appointments/update-appointment';

export const GET = withApi(getAppointmentOperation, async ({ user, params }) =>
  serializeAppointment(await getAppointment(user, params.id)));

export const PUT = withApi(updateAppointmentOperation, async ({ user, actor, params, body }) =>
  serializeAppointment(await updateAppointmentDetails({ user, actor, appointmentId: params.id, input: body })));

export const DELETE = withApi(deleteAppointmentOperation, async ({ user, actor, params, query, body }) => {
  const reason = query.reason ?? (await body()).reason;
  return serializeAppointment(await changeAppointmentStatus({ user, actor, appointmentId: params.id, action: 'cancel', reason }));
});

export const { POST, PATCH } = methodsNotAllowed(['GET', 'PUT', 'DELETE']);
