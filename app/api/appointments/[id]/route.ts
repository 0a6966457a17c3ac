import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { idParam } from '@/lib/api/params';
import { cancelAppointmentSchema, updateAppointmentSchema } from '@/lib/appointments/schemas';
import { changeAppointmentStatus } from '@/lib/appointments/change-appointment-status';
import { getAppointment } from '@/lib/appointments/list-appointments';
import { serializeAppointment } from '@/lib/appointments/serialize';
import { updateAppointmentDetails } from '@/lib/appointments/update-appointment';
import { assertRole } from '@/lib/auth/current-user';

type P = { id: string };

// GET /api/appointments/{id}/ — one appointment (its patient, its doctor, or an admin)
export const GET = withApi<P>(async ({ user, params }) =>
  serializeAppointment(await getAppointment(assertRole(user), idParam(params.id, 'The appointment'))));

// PUT /api/appointments/{id}/ — reschedule (new date_time) or edit reason/notes
export const PUT = withApi<P>(async ({ user, actor, params, body }) => {
  const input = await body(updateAppointmentSchema);
  return serializeAppointment(await updateAppointmentDetails({ user: assertRole(user), actor, appointmentId: idParam(params.id, 'The appointment'), input }));
});

// DELETE /api/appointments/{id}/ — cancels (a reason is required, in the body or ?reason=); no row is removed
export const DELETE = withApi<P>(async ({ req, user, actor, params, body }) => {
  const fromQuery = new URL(req.url).searchParams.get('reason');
  const reason = fromQuery !== null ? cancelAppointmentSchema.parse({ reason: fromQuery }).reason : (await body(cancelAppointmentSchema)).reason;
  return serializeAppointment(await changeAppointmentStatus({ user: assertRole(user), actor, appointmentId: idParam(params.id, 'The appointment'), action: 'cancel', reason }));
});

// Other methods — 405 with Allow: GET, PUT, DELETE
export const { POST, PATCH } = methodsNotAllowed(['GET', 'PUT', 'DELETE']);
