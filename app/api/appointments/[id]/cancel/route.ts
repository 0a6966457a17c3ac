import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { statusActionHandler } from '@/lib/appointments/api-handlers';

// POST /api/appointments/{id}/cancel/ — cancels, with {"reason"}
export const POST = withApi<{ id: string }>(statusActionHandler('cancel'));

// Other methods — 405 with Allow: POST
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
