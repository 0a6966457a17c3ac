/** `/api/appointments/{id}/confirm/`; what it does, who may call it and its schemas: lib/appointments/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { statusActionHandler } from '@/lib/appointments/api-handlers';
import { confirmAppointmentOperation } from '@/lib/appointments/operations';

export const POST = withApi(confirmAppointmentOperation, statusActionHandler('confirm'));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
