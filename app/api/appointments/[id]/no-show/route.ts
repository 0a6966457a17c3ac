import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { statusActionHandler } from '@/lib/appointments/api-handlers';

// POST /api/appointments/{id}/no-show/ — marks a no-show after the start time
export const POST = withApi<{ id: string }>(statusActionHandler('no-show'));

// Other methods — 405 with Allow: POST
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
