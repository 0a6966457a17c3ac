/** `/api/appointments/today/`; what it does, who may call it and its schemas: lib/appointments/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { listHandler } from '@/lib/appointments/api-handlers';
import { listTodaysAppointmentsOperation } from '@/lib/appointments/operations';

export const GET = withApi(listTodaysAppointmentsOperation, listHandler('today'));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
