/** `/api/appointments/upcoming/`; what it does, who may call it and its schemas: lib/appointments/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { listHandler } from '@/lib/appointments/api-handlers';
import { listUpcomingAppointmentsOperation } from '@/lib/appointments/operations';

export const GET = withApi(listUpcomingAppointmentsOperation, listHandler('upcoming'));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
