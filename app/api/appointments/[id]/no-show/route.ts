/** `/api/appointments/{id}/no-show/`; what it does, who may call it and its schemas: lib/appointments/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { statusActionHandler } from '@/lib/appointments/api-handlers';
import { markAppointmentNoShowOperation } from '@/lib/appointments/operations';

export const POST = withApi(markAppointmentNoShowOperation, statusActionHandler('no-show'));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
