import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { statusActionHandler } from '@/lib/appointments/api-handlers';

// POST /api/appointments/{id}/confirm/ — the doctor confirms
export const POST = withApi<{ id: string }>(statusActionHandler('confirm'));

// Other methods — 405 with Allow: POST
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
