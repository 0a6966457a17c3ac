/** `/api/appointments/`; what each method does, who may call it and its schemas: lib/appointments/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { listHandler } from '@/lib/appointments/api-handlers';
import { bookAppointment } from '@/lib/appointments/book-appointment';
import { bookAppointmentOperation, listAppointmentsOperation } from '@/lib/appointments/operations';
import { serializeAppointment } from '@/lib/appointments/serialize';

export const GET = withApi(listAppointmentsOperation, listHandler('all'));

export const POST = withApi(bookAppointmentOperation, async ({ user, actor, body }) =>
  serializeAppointment(await bookAppointment({ user, actor, input: body })));

export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
